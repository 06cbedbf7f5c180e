import Foundation
import Testing
@testable import LLM

@Suite("Retry policy decisions")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 2)

    private func http(_ status: Int, code: String? = nil, retryAfter: Duration? = nil, shouldRetry: Bool? = nil) -> ProviderError {
        .http(status: status, type: nil, code: code, message: "m", retryAfter: retryAfter, shouldRetry: shouldRetry, requestID: nil)
    }

    @Test("back-off doubles from 0.5 s, caps at 8 s and loses at most 25 % to jitter")
    func backoff() {
        #expect((0..<6).map { policy.backoff(retriesDone: $0, random: 0) } ==
                [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        #expect(policy.backoff(retriesDone: 1, random: 0.999_999) > .milliseconds(750))
    }

    @Test("retries until max_retries, then fails over")
    func exhaustsRetries() {
        #expect(policy.action(after: http(500), attempt: 1, random: 0) == .retry(delay: .seconds(1)))
        #expect(policy.action(after: http(500), attempt: 2, random: 0) == .failover)
    }

    @Test("classifies statuses and transport errors", arguments: [
        (408, FailureAction.retry(delay: .milliseconds(500))), (409, .retry(delay: .milliseconds(500))),
        (429, .retry(delay: .milliseconds(500))), (502, .retry(delay: .milliseconds(500))),
        (529, .retry(delay: .milliseconds(500))), (400, .stop), (404, .stop), (413, .stop), (422, .stop),
        (401, .failover), (402, .failover), (403, .failover),
    ])
    func statuses(status: Int, expected: FailureAction) {
        #expect(policy.action(after: http(status), attempt: 0, random: 0) == expected)
    }

    @Test("transport errors: timeouts and lost connections retry, cancellation stops")
    func transport() {
        #expect(policy.action(after: ProviderError.transport(.timedOut(.idle)), attempt: 0, random: 0) == .retry(delay: .milliseconds(500)))
        #expect(policy.action(after: ProviderError.transport(.connectionFailed("x")), attempt: 0, random: 0) == .retry(delay: .milliseconds(500)))
        #expect(policy.action(after: ProviderError.transport(.cancelled), attempt: 0, random: 0) == .stop)
        #expect(policy.action(after: CancellationError(), attempt: 0, random: 0) == .stop)
    }

    @Test("retry-after wins when it is at most 60 s; longer fails over")
    func retryAfter() {
        #expect(policy.action(after: http(429, retryAfter: .seconds(7)), attempt: 0, random: 0.9) == .retry(delay: .seconds(7)))
        #expect(policy.action(after: http(529, retryAfter: .seconds(61)), attempt: 0, random: 0) == .failover)
        #expect(policy.action(after: http(429, code: "enforced_spend_limit_reached"), attempt: 0, random: 0) == .failover)
    }

    @Test("parses retry-after-ms, retry-after seconds and HTTP dates")
    func parsesRetryAfter() {
        #expect(ProviderHTTP.retryAfter(in: HTTPHeaders([("Retry-After-Ms", "1500.4")])) == .milliseconds(1500))
        #expect(ProviderHTTP.retryAfter(in: HTTPHeaders([("retry-after", "2.5")])) == .milliseconds(2500))
        let now = Date(timeIntervalSince1970: 1_764_072_000)  // Tue, 25 Nov 2025 12:00:00 GMT
        #expect(ProviderHTTP.retryAfter(in: HTTPHeaders([("retry-after", "Tue, 25 Nov 2025 12:00:30 GMT")]), now: now) == .seconds(30))
        #expect(ProviderHTTP.retryAfter(in: HTTPHeaders([("retry-after", "soon")])) == nil)
    }

    @Test("a circuit opens after the threshold, half-opens after the cooldown for one trial only")
    func circuitBreakerStates() {
        let clock = ManualClock()
        let breaker = CircuitBreaker(threshold: 2, cooldown: .seconds(10), now: { clock.now })
        breaker.recordFailure("p")
        #expect(breaker.allows("p"))
        breaker.recordFailure("p")
        #expect(!breaker.allows("p") && breaker.state(of: "p") == .open)
        clock.advance(by: .seconds(10))
        #expect(breaker.allows("p") && !breaker.allows("p"))  // one trial at a time
        breaker.recordFailure("p")
        #expect(breaker.state(of: "p") == .open)  // a failed trial re-opens at once
        clock.advance(by: .seconds(10))
        #expect(breaker.allows("p"))
        breaker.recordSuccess("p")
        #expect(breaker.state(of: "p") == .closed && breaker.allows("other"))
    }
}
