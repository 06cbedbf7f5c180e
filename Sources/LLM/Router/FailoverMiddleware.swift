import Synchronization

/// Chain link: tries the call's candidate models in order; retries each per the `RetryPolicy`,
/// fails over to the next on provider trouble, skips providers whose circuit is open.
public struct FailoverMiddleware: LLMMiddleware {
    public let policy: RetryPolicy
    public let breaker: CircuitBreaker
    public let environment: RouterEnvironment
    let candidates: @Sendable (LLMCall) throws -> [ModelTarget]
    let events: @Sendable (LLMEvent) -> Void

    public init(policy: RetryPolicy, breaker: CircuitBreaker, environment: RouterEnvironment,
                candidates: @escaping @Sendable (LLMCall) throws -> [ModelTarget],
                events: @escaping @Sendable (LLMEvent) -> Void) {
        self.policy = policy
        self.breaker = breaker
        self.environment = environment
        self.candidates = candidates
        self.events = events
    }

    public func handle(_ call: LLMCall, next: @Sendable (LLMCall) async throws -> LLMResult) async throws -> LLMResult {
        let targets = try candidates(call)
        guard !targets.isEmpty else { throw LLMError.noProviderAvailable(tier: call.tier) }
        let start = environment.now()
        let textSent = SharedFlag()
        var failures: [LLMError.AttemptFailure] = []
        var attempts = 0
        for target in targets {
            guard breaker.allows(target.provider) else {
                failures.append(.init(target: target, error: "circuit open (recent failures)", wasSent: false))
                continue
            }
            var attempt = 0
            while true {
                if Task.isCancelled { throw LLMError.cancelled }
                if textSent.value.exchange(false, ordering: .relaxed) { call.onText(.restart) }
                var routed = call
                routed.target = target
                routed.attempt = attempt
                routed.onText = { [textSent] delta in
                    textSent.value.store(true, ordering: .relaxed)
                    call.onText(delta)
                }
                attempts += 1
                do {
                    var result = try await next(routed)
                    breaker.recordSuccess(target.provider)
                    result.attempts = attempts
                    result.latency = environment.now() - start
                    return result
                } catch {
                    if Task.isCancelled || Self.isCancellation(error) { throw LLMError.cancelled }
                    let action = policy.action(after: error, attempt: attempt, random: environment.random())
                    if action != .stop { breaker.recordFailure(target.provider) }
                    let message = String(describing: error)
                    events(.attemptFailed(callID: call.id.uuidString, target: target, error: message, action: action))
                    failures.append(.init(target: target, error: message))
                    switch action {
                    case .stop:
                        throw (error as? ProviderError).map { LLMError.rejected(target, $0) } ?? error
                    case .failover:
                        break
                    case .retry(let delay):
                        do { try await environment.sleep(delay) } catch { throw LLMError.cancelled }
                        attempt += 1
                        continue
                    }
                    break
                }
            }
        }
        throw LLMError.allProvidersFailed(failures)
    }

    static func isCancellation(_ error: Error) -> Bool {
        error is CancellationError || (error as? ProviderError) == .transport(.cancelled)
            || (error as? LLMError) == .cancelled
    }
}

/// An atomic flag that closures can share (`Atomic` itself cannot be captured: it is ~Copyable).
final class SharedFlag: Sendable {
    let value = Atomic<Bool>(false)
}
