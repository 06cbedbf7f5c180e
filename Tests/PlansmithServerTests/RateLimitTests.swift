import Foundation
import Testing
@testable import PlansmithServer
import Store

@Suite("Rate limiting: a true 60-second sliding window", .serialized)
struct RateLimitTests {
    @Test("61 requests within 60 s on a 60/min key: exactly one 429, with Retry-After")
    func sixtyOnePerMinute() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey(rateLimit: 60)
            var refused: [Int] = []
            var last: TestServer.Reply?
            // Spread over 59 s of (injected) time: every request is inside one 60 s span.
            for index in 0..<61 {
                let reply = try await server.get("/v1/keys", key: key)
                if reply.status == 429 { refused.append(index); last = reply } else { #expect(reply.status == 200) }
                if index < 60 { server.clock.advance(by: 59.0 / 60.0) }
            }
            #expect(refused == [60])
            let reply = try #require(last)
            #expect(reply.errorCode == "rate_limited")
            #expect(reply.headers["X-RateLimit-Limit"] == "60")
            #expect(reply.headers["X-RateLimit-Remaining"] == "0")
            // The oldest request (t = 0) leaves the window at t = 60; now is t = 59.
            #expect(reply.headers["Retry-After"] == "1")
            #expect(reply.headers["X-RateLimit-Reset"] == "1")
            server.clock.advance(by: 1.01)
            let after = try await server.get("/v1/keys", key: key)
            #expect(after.status == 200)
            #expect(after.headers["X-RateLimit-Remaining"] == "0")
        }
    }

    @Test("a burst across a minute boundary is refused (the two-bucket estimate let ~2x through)")
    func burstAcrossBoundary() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey(rateLimit: 10)
            var allowed = 0
            for _ in 0..<10 { if try await server.get("/v1/keys", key: key).status == 200 { allowed += 1 } }
            server.clock.advance(by: 30)
            for _ in 0..<10 { if try await server.get("/v1/keys", key: key).status == 200 { allowed += 1 } }
            #expect(allowed == 10)
        }
    }

    @Test("headers count down the remaining requests")
    func headersCountDown() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey(rateLimit: 3)
            var remaining: [String] = []
            for _ in 0..<3 { remaining.append(try await server.get("/v1/keys", key: key).headers["X-RateLimit-Remaining"] ?? "-") }
            #expect(remaining == ["2", "1", "0"])
        }
    }

    @Test("each key has its own window")
    func keysAreSeparate() async throws {
        try await TestServer.with { server in
            let (_, first, _) = try await server.userWithKey(rateLimit: 1)
            let (_, second, _) = try await server.userWithKey(rateLimit: 1)
            #expect(try await server.get("/v1/keys", key: first).status == 200)
            #expect(try await server.get("/v1/keys", key: first).status == 429)
            #expect(try await server.get("/v1/keys", key: second).status == 200)
        }
    }

    @Test("real time: a 5-per-second window refuses the 6th request, then lets one through after it slides")
    func realTimeShortWindow() async throws {
        let limiter = SlidingWindowLimiter(window: 1, clock: SystemClock())
        try await TestServer.with(limiter: limiter) { server in
            let (_, key, _) = try await server.userWithKey(rateLimit: 5)
            var statuses: [Int] = []
            let start = ContinuousClock.now
            for _ in 0..<6 { statuses.append(try await server.get("/v1/keys", key: key).status) }
            // Only meaningful if the six fitted in the window; on a machine too slow for that, skip the claim.
            if ContinuousClock.now - start < .milliseconds(900) {
                #expect(statuses.filter { $0 == 429 }.count == 1)
                #expect(statuses.last == 429)
            }
            try await Task.sleep(for: .milliseconds(1100))
            #expect(try await server.get("/v1/keys", key: key).status == 200)
        }
    }

    @Test("health is never limited")
    func healthExempt() async throws {
        try await TestServer.with(configure: { $0.anonymousRateLimit = 2 }) { server in
            for _ in 0..<5 { #expect(try await server.get("/v1/health").status == 200) }
            // Other anonymous requests are limited per client address.
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await server.post("/v1/auth/login", json: ["email": "x@example.com", "password": "whatever1"]).status) }
            #expect(statuses == [401, 401, 429])
        }
    }
}
