import Foundation
import Testing
@testable import Store

@Suite("Rate limiter")
struct RateLimiterTests {
    // Window boundaries fall on multiples of 60 s since 1970: start exactly on one.
    static let start = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 60))

    @Test("allows exactly the limit within a window, then refuses with the seconds until a slot frees")
    func limitWithinWindow() async {
        let clock = ManualClock(Self.start)
        let limiter = RateLimiter(clock: clock)
        for expected in stride(from: 4, through: 0, by: -1) {
            let d = await limiter.acquire(.key(1), limit: 5)
            #expect(d.allowed && d.remaining == expected)
        }
        clock.advance(by: 10)
        let refused = await limiter.acquire(.key(1), limit: 5)
        #expect(!refused.allowed && refused.remaining == 0)
        // 5 requests in this window: in the next one they decay as 5 × (1 − t/60) ≤ 4 ⇒ t = 12 s,
        // so the wait is 50 s (rest of this window) + 12 s.
        #expect(refused.resetSeconds == 62)
        clock.advance(by: 61)
        #expect(await !limiter.acquire(.key(1), limit: 5).allowed)
        clock.advance(by: 1)
        #expect(await limiter.acquire(.key(1), limit: 5).allowed)
    }

    @Test("the window slides: the previous minute's requests count in proportion to its overlap")
    func sliding() async {
        let clock = ManualClock(Self.start)
        let limiter = RateLimiter(clock: clock)
        for _ in 0..<10 { _ = await limiter.acquire(.user(7), limit: 10) }
        clock.advance(by: 90)  // halfway through the next window: estimate = 10 × 0.5 = 5
        let d = await limiter.acquire(.user(7), limit: 10)
        #expect(d.allowed && d.remaining == 4)
        for _ in 0..<4 { #expect(await limiter.acquire(.user(7), limit: 10).allowed) }
        #expect(await !limiter.acquire(.user(7), limit: 10).allowed)
        clock.advance(by: 150)  // two full windows later everything has expired
        #expect(await limiter.acquire(.user(7), limit: 10).remaining == 9)
    }

    @Test("keys and users are limited separately, and a request counts against both only when both allow it")
    func perKeyAndPerUser() async {
        let clock = ManualClock(Self.start)
        let limiter = RateLimiter(clock: clock)
        func key(_ id: Int64, limit: Int) -> APIKey {
            APIKey(id: id, userId: 1, name: "k", keyHash: "", keyPrefix: "psk_abcd", status: .active,
                   rateLimit: limit, lastUsedAt: nil, expiresAt: nil, createdAt: clock.now())
        }
        for _ in 0..<3 { #expect(await limiter.acquire(key: key(1, limit: 3), userLimit: 5).allowed) }
        #expect(await !limiter.acquire(key: key(1, limit: 3), userLimit: 5).allowed)  // key 1 exhausted
        #expect(await limiter.acquire(key: key(2, limit: 3), userLimit: 5).allowed)   // user has 2 left
        #expect(await limiter.acquire(key: key(2, limit: 3), userLimit: 5).allowed)
        let refused = await limiter.acquire(key: key(2, limit: 3), userLimit: 5)       // user exhausted
        #expect(!refused.allowed && refused.limit == 5)
        #expect(await limiter.peek(.key(2), limit: 3).remaining == 1)  // the refusal did not count
    }

    @Test("memory stays bounded: idle subjects are dropped after two windows")
    func boundedMemory() async {
        let clock = ManualClock(Self.start)
        let limiter = RateLimiter(clock: clock)
        for id in 0..<1000 { _ = await limiter.acquire(.key(Int64(id)), limit: 10) }
        #expect(await limiter.trackedSubjects == 1000)
        clock.advance(by: 180)
        _ = await limiter.acquire(.key(5000), limit: 10)
        #expect(await limiter.trackedSubjects == 1)
    }
}
