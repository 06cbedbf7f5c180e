import Foundation
import PostgresNIO

/// An exact 60-second sliding window shared by every server process on one PostgreSQL database:
/// the times of allowed requests live in `rate_limit_hits`, and each decision is one call of
/// `plansmith_rate_acquire` (see `PostgresSchema.rateLimits`), which takes a per-subject advisory
/// lock, prunes, counts and records in one transaction. So N servers behind a load balancer
/// allow a key `limit` requests per window together, not N × `limit`.
///
/// Time comes from the database server (`clock_timestamp()`), so servers whose clocks disagree
/// still share one window; tests pass a clock instead. Refused requests are not recorded, as in
/// `SlidingWindowLimiter`. Subjects that go idle are swept once per window.
///
/// When the database cannot be reached the decision falls back to an in-process window (each
/// server then enforces the limit on its own share): the request goes on to fail or succeed on
/// its own merits rather than be refused as "too many" for a fault that is not the caller's.
public final class PostgresRequestLimiter: RequestLimiter, @unchecked Sendable {
    // @unchecked: `lastSweep` is only touched while holding `lock`; the rest is immutable.
    public let window: TimeInterval
    private let database: PostgresStoreDatabase
    private let clock: (any StoreClock)?
    private let fallback: SlidingWindowLimiter
    private let lock = NSLock()
    private var lastSweep = Date.distantPast

    /// `clock` nil: the database server's clock decides (what a fleet of servers needs).
    public init(database: PostgresStoreDatabase, window: TimeInterval = 60, clock: (any StoreClock)? = nil) {
        self.database = database
        self.window = window
        self.clock = clock
        fallback = SlidingWindowLimiter(window: window, clock: clock ?? SystemClock())
    }

    public func acquire(_ subject: String, limit: Int) async -> RateLimitDecision {
        let limit = max(limit, 1)
        do {
            let decision = try await decide(subject, limit: limit)
            await sweepIfDue()
            return decision
        } catch {
            return fallback.acquireNow(subject, limit: limit)
        }
    }

    /// The shared decision; throws when the database does not answer.
    public func decide(_ subject: String, limit: Int) async throws -> RateLimitDecision {
        let now = clock.map { PostgresDate.rounded($0.now()) }
        let row = try await database.rows("""
            SELECT allowed, used, oldest, decided_at FROM plansmith_rate_acquire(\(subject), \(limit)::integer, \(window), \(now)::timestamptz)
            """)[0]
        let allowed: Bool = try row.value("allowed")
        let used: Int = try row.value("used")
        let decidedAt: Date = try row.value("decided_at")
        let oldest: Date = try row.value("oldest", as: Date?.self) ?? decidedAt
        let remaining = max(0, limit - used)
        // When full, the next slot frees as the oldest allowed request leaves the window.
        let reset = remaining > 0 ? 0 : max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(decidedAt)).rounded(.up)))
        return RateLimitDecision(allowed: allowed, limit: limit, remaining: remaining, resetSeconds: reset)
    }

    /// Rows of subjects still inside the window (for tests of the pruning).
    public func storedHits() async throws -> Int {
        try await database.rows("SELECT count(*) AS n FROM rate_limit_hits")[0].value("n", as: Int.self)
    }

    /// Drops every subject's times that left the window, at most once per window per process
    /// (a subject's own times are pruned whenever it is checked; this catches idle subjects).
    private func sweepIfDue() async {
        let now = clock?.now() ?? Date()
        let due = lock.withLock {
            guard now.timeIntervalSince(lastSweep) >= window else { return false }
            lastSweep = now
            return true
        }
        guard due else { return }
        let cutoff = clock.map { PostgresDate.rounded($0.now().addingTimeInterval(-window)) }
        _ = try? await database.rows("""
            DELETE FROM rate_limit_hits
            WHERE at <= COALESCE(\(cutoff)::timestamptz, clock_timestamp() - make_interval(secs => \(window)))
            """)
    }
}

extension Store {
    /// The request limiter for servers on this store. On PostgreSQL the window lives in the
    /// database, so every server on it enforces a key's limit together; on SQLite (one server per
    /// file) it is the in-process `SlidingWindowLimiter`.
    public func makeRequestLimiter(window: TimeInterval = 60, clock: any StoreClock = SystemClock()) -> any RequestLimiter {
        switch backend {
        case .sqlite: SlidingWindowLimiter(window: window, clock: clock)
        case .postgres(let database): PostgresRequestLimiter(database: database, window: window)
        }
    }
}
