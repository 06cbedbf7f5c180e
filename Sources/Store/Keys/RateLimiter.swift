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

/// Sliding-window rate limiting over 60 seconds, per API key and per user.
///
/// Uses the two-bucket sliding window counter: each subject keeps the count of the current
/// fixed window and of the previous one, and the estimate is
/// `previous × (1 − elapsed/window) + current`. That is O(1) memory per subject — two integers
/// and a window start — instead of a timestamp per request, at the cost of assuming requests
/// in the previous window were evenly spread. Subjects idle for two windows are dropped.
public actor RateLimiter {
    public enum Subject: Hashable, Sendable { case key(Int64), user(Int64) }

    struct Bucket { var windowStart: Date; var current: Int; var previous: Int }

    public let window: TimeInterval
    private let clock: any StoreClock
    private var buckets: [Subject: Bucket] = [:]
    private var lastSweep: Date

    public init(window: TimeInterval = 60, clock: any StoreClock = SystemClock()) {
        self.window = window
        self.clock = clock
        lastSweep = clock.now()
    }

    /// Counts one request for `subject` if the limit allows it.
    public func acquire(_ subject: Subject, limit: Int) -> RateLimitDecision {
        let now = clock.now()
        sweepIfDue(now)
        var bucket = rolled(buckets[subject] ?? Bucket(windowStart: Self.windowStart(now, window), current: 0, previous: 0), to: now)
        let estimate = estimated(bucket, now)
        let allowed = estimate + 1 <= Double(limit)
        if allowed { bucket.current += 1 }
        buckets[subject] = bucket
        let after = estimated(bucket, now)
        let remaining = max(0, Int((Double(limit) - after).rounded(.down)))
        let reset = remaining > 0 ? 0 : secondsUntilFree(bucket, limit: limit, now: now)
        return RateLimitDecision(allowed: allowed, limit: limit, remaining: remaining, resetSeconds: reset)
    }

    /// Checks the key's own limit and the user's limit; counts the request against both only
    /// when both allow it. The returned decision is the tighter of the two.
    public func acquire(key: APIKey, userLimit: Int) -> RateLimitDecision {
        let keyCheck = peek(.key(key.id!), limit: key.rateLimit)
        let userCheck = peek(.user(key.userId), limit: userLimit)
        guard keyCheck.allowed, userCheck.allowed else {
            return keyCheck.allowed ? userCheck : keyCheck
        }
        let a = acquire(.key(key.id!), limit: key.rateLimit)
        let b = acquire(.user(key.userId), limit: userLimit)
        return a.remaining <= b.remaining ? a : b
    }

    /// The decision `acquire` would make, without counting a request.
    public func peek(_ subject: Subject, limit: Int) -> RateLimitDecision {
        let now = clock.now()
        let bucket = rolled(buckets[subject] ?? Bucket(windowStart: Self.windowStart(now, window), current: 0, previous: 0), to: now)
        let estimate = estimated(bucket, now)
        let allowed = estimate + 1 <= Double(limit)
        let remaining = max(0, Int((Double(limit) - estimate).rounded(.down)))
        return RateLimitDecision(allowed: allowed, limit: limit, remaining: remaining,
                                 resetSeconds: allowed ? 0 : secondsUntilFree(bucket, limit: limit, now: now))
    }

    /// Subjects currently tracked (for tests of the memory bound).
    public var trackedSubjects: Int { buckets.count }

    // MARK: - Window arithmetic

    static func windowStart(_ now: Date, _ window: TimeInterval) -> Date {
        Date(timeIntervalSince1970: (now.timeIntervalSince1970 / window).rounded(.down) * window)
    }

    private func rolled(_ bucket: Bucket, to now: Date) -> Bucket {
        let start = Self.windowStart(now, window)
        let windowsPassed = Int((start.timeIntervalSince(bucket.windowStart) / window).rounded())
        switch windowsPassed {
        case ..<1: return bucket
        case 1: return Bucket(windowStart: start, current: 0, previous: bucket.current)
        default: return Bucket(windowStart: start, current: 0, previous: 0)
        }
    }

    private func estimated(_ bucket: Bucket, _ now: Date) -> Double {
        let elapsed = now.timeIntervalSince(bucket.windowStart) / window
        return Double(bucket.previous) * (1 - elapsed) + Double(bucket.current)
    }

    /// Smallest wait after which `estimate + 1 <= limit`, solving the linear decay of the
    /// previous bucket within this window, or of the current bucket within the next one.
    private func secondsUntilFree(_ bucket: Bucket, limit: Int, now: Date) -> Int {
        let elapsed = now.timeIntervalSince(bucket.windowStart)
        let room = Double(limit - 1)
        var wait: TimeInterval
        if Double(bucket.current) <= room, bucket.previous > 0 {
            // previous × (1 − t/W) + current ≤ room  ⇒  t ≥ W × (1 − (room − current)/previous)
            let t = window * (1 - (room - Double(bucket.current)) / Double(bucket.previous))
            wait = max(0, t - elapsed)
        } else {
            // Wait for the next window, where the current count becomes the decaying one.
            let t = bucket.current > 0 ? window * (1 - room / Double(bucket.current)) : 0
            wait = (window - elapsed) + max(0, t)
        }
        return max(1, Int(wait.rounded(.up)))
    }

    private func sweepIfDue(_ now: Date) {
        guard now.timeIntervalSince(lastSweep) >= window else { return }
        lastSweep = now
        let cutoff = Self.windowStart(now, window).addingTimeInterval(-window)
        buckets = buckets.filter { $0.value.windowStart >= cutoff }
    }
}
