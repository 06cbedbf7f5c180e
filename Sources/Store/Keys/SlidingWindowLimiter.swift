import Foundation

/// The answer to "may this request go ahead?".
public struct RateLimitDecision: Sendable, Equatable {
    public var allowed: Bool
    public var limit: Int
    /// Requests still allowed right now after this one.
    public var remaining: Int
    /// Seconds until at least one more request will be allowed (0 when `remaining > 0`).
    public var resetSeconds: Int
}

/// Decides whether one more request may go ahead for a subject (an API key, a login session, a
/// client address) under a per-minute limit. The server depends on this protocol only: the
/// in-memory `SlidingWindowLimiter` for one process, `PostgresRequestLimiter` for servers sharing
/// a PostgreSQL database (`Store.makeRequestLimiter` picks by backend).
public protocol RequestLimiter: Sendable {
    /// Counts one request for `subject` if fewer than `limit` were allowed in the last window.
    func acquire(_ subject: String, limit: Int) async -> RateLimitDecision
}

/// An exact sliding window: for every subject, the times of the requests it was allowed during the
/// last `window` seconds, oldest first. A request at `t` is allowed when fewer than `limit` of
/// those times lie in `(t − window, t]`; refused requests are not recorded, so hammering a limit
/// does not push the moment it lifts further away.
///
/// Unlike a two-bucket estimate (which assumes the previous minute's requests were spread evenly,
/// and so lets close to twice the limit through around a window boundary), no 60-second span
/// ever holds more than `limit` allowed requests. The price is memory: one
/// `Double` per allowed request still inside the window, i.e. at most `limit` per subject.
/// Subjects whose newest request left the window are dropped by a sweep once per window.
///
/// `@unchecked Sendable`: the subject table is only touched while holding `lock`. A lock rather
/// than an actor because every API request passes through here and the critical section is a
/// few array operations: an actor hop would cost more than the work.
public final class SlidingWindowLimiter: RequestLimiter, @unchecked Sendable {
    /// Allowed-request times of one subject, in a ring that grows up to the limit.
    struct Log {
        var times: [Double] = []
        var head = 0           // index of the oldest time still in the window
        var count: Int { times.count - head }

        mutating func dropOlder(than cutoff: Double) {
            while head < times.count, times[head] <= cutoff { head += 1 }
            // Compact once the dead prefix dominates, so memory stays proportional to the window.
            if head > 32, head * 2 >= times.count {
                times.removeFirst(head)
                head = 0
            }
        }

        var newest: Double? { count > 0 ? times[times.count - 1] : nil }
        var oldest: Double? { count > 0 ? times[head] : nil }
    }

    public let window: TimeInterval
    private let clock: any StoreClock
    private let lock = NSLock()
    private var logs: [String: Log] = [:]
    private var lastSweep: Double

    public init(window: TimeInterval = 60, clock: any StoreClock = SystemClock()) {
        self.window = window
        self.clock = clock
        lastSweep = clock.now().timeIntervalSince1970
    }

    public func acquire(_ subject: String, limit: Int) async -> RateLimitDecision {
        acquireNow(subject, limit: limit)
    }

    /// The synchronous core of `acquire` (the lock is never held across a suspension).
    public func acquireNow(_ subject: String, limit: Int) -> RateLimitDecision {
        let now = clock.now().timeIntervalSince1970
        let limit = max(limit, 1)
        lock.lock()
        defer { lock.unlock() }
        sweepIfDue(now)
        var log = logs[subject] ?? Log()
        log.dropOlder(than: now - window)
        let allowed = log.count < limit
        if allowed { log.times.append(now) }
        let remaining = max(0, limit - log.count)
        // When full, the next slot frees as the oldest allowed request leaves the window.
        let reset = remaining > 0 ? 0 : max(1, Int(((log.oldest ?? now) + window - now).rounded(.up)))
        logs[subject] = log
        return RateLimitDecision(allowed: allowed, limit: limit, remaining: remaining, resetSeconds: reset)
    }

    /// Subjects currently tracked (for tests of the memory bound).
    public var trackedSubjects: Int { lock.withLock { logs.count } }

    private func sweepIfDue(_ now: Double) {
        guard now - lastSweep >= window else { return }
        lastSweep = now
        let cutoff = now - window
        logs = logs.filter { ($0.value.newest ?? -.infinity) > cutoff }
    }
}
