import Foundation
import Testing
@testable import Store

@Suite("Sliding-window limiter (exact)")
struct SlidingWindowLimiterTests {
    @Test("61 requests inside 60 s at 60/min: exactly the 61st is refused")
    func sixtyOne() {
        let clock = ManualClock()
        let limiter = SlidingWindowLimiter(clock: clock)
        var refused: [Int] = []
        for index in 0..<61 {
            if !limiter.acquireNow("k", limit: 60).allowed { refused.append(index) }
            clock.advance(by: 0.98)
        }
        #expect(refused == [60])
    }

    @Test("no 60 s span ever holds more than the limit, even with bursts on both sides of a minute boundary")
    func boundaryBurst() async {
        let attempts = Self.boundaryBursts()
        let clock = ManualClock(Date(timeIntervalSince1970: attempts[0]))
        let limiter = SlidingWindowLimiter(clock: clock)
        var allowed: [Double] = []
        for time in attempts {
            clock.advance(by: time - clock.now().timeIntervalSince1970)
            if limiter.acquireNow("k", limit: 60).allowed { allowed.append(time) }
        }
        #expect(Self.busiestSpan(allowed) == 60)
    }

    /// Minute-aligned bursts: 60 attempts in the last 2 s of one minute, 60 more 3 s before the end
    /// of the next. A two-bucket estimate (fixed windows, the earlier one weighted by overlap)
    /// counts only 1/20 of the first burst there and lets ~2x the limit through in 60 s.
    static func boundaryBursts() -> [Double] {
        let minute: Double = 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 60)
        var attempts: [Double] = []
        for index in 0..<60 { attempts.append(minute + 58 + Double(index) / 30) }
        for index in 0..<60 { attempts.append(minute + 117 + Double(index) / 100) }
        return attempts
    }

    /// The most allowed requests inside any 60 s span (t − 60, t].
    static func busiestSpan(_ times: [Double]) -> Int {
        times.map { end in times.filter { $0 > end - 60 && $0 <= end }.count }.max() ?? 0
    }

    @Test("a full window reports the seconds until its oldest request leaves")
    func resetSeconds() {
        let clock = ManualClock()
        let limiter = SlidingWindowLimiter(clock: clock)
        #expect(limiter.acquireNow("k", limit: 2).remaining == 1)
        clock.advance(by: 10)
        let full = limiter.acquireNow("k", limit: 2)
        #expect(full.allowed && full.remaining == 0 && full.resetSeconds == 50)
        clock.advance(by: 20)
        let refused = limiter.acquireNow("k", limit: 2)
        #expect(!refused.allowed && refused.resetSeconds == 30)
        clock.advance(by: 30.001)
        #expect(limiter.acquireNow("k", limit: 2).allowed)
    }

    @Test("refused requests do not count against the window")
    func refusalsNotCounted() {
        let clock = ManualClock()
        let limiter = SlidingWindowLimiter(clock: clock)
        _ = limiter.acquireNow("k", limit: 1)
        for _ in 0..<100 { clock.advance(by: 0.5); _ = limiter.acquireNow("k", limit: 1) }
        clock.advance(by: 10)  // t = 60: the only allowed request (t = 0) has left
        #expect(limiter.acquireNow("k", limit: 1).allowed)
    }

    @Test("idle subjects are swept, so memory follows active subjects only")
    func sweep() {
        let clock = ManualClock()
        let limiter = SlidingWindowLimiter(clock: clock)
        for index in 0..<1000 { _ = limiter.acquireNow("ip:\(index)", limit: 10) }
        #expect(limiter.trackedSubjects == 1000)
        clock.advance(by: 61)
        _ = limiter.acquireNow("fresh", limit: 10)
        #expect(limiter.trackedSubjects == 1)
    }
}
