import Foundation
import Store

/// The per-minute limit of each API key the server has seen, by the key's digest. The rate
/// limiter runs before authentication (so floods are refused before they cost a database
/// read), which means it needs a key's limit before anyone has checked the key: a miss costs
/// one read, then the limit is remembered for `lifetime` seconds (a changed limit takes effect
/// within that time). Unknown keys are remembered as unknown, so random tokens do not turn
/// into one database read each.
///
/// `@unchecked Sendable`: `entries` is only touched under `lock`.
final class KeyLimitCache: @unchecked Sendable {
    private struct Entry { var limit: Int?; var fetchedAt: Date }
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private let lookup: @Sendable (String) async throws -> Int?
    private let clock: any StoreClock
    let lifetime: TimeInterval
    /// Past this many entries the cache starts over (bounds memory under a flood of random keys).
    let capacity: Int

    init(lifetime: TimeInterval = 30, capacity: Int = 10_000, clock: any StoreClock,
         lookup: @escaping @Sendable (String) async throws -> Int?) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.clock = clock
        self.lookup = lookup
    }

    /// The key's limit, or nil when no key has this value. Throws only when the lookup does.
    func limit(forKey plaintext: String, digest: String) async throws -> Int? {
        let now = clock.now()
        let cached: Entry? = lock.withLock { entries[digest] }
        if let cached, now.timeIntervalSince(cached.fetchedAt) < lifetime { return cached.limit }
        let limit = try await lookup(plaintext)
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[digest] = Entry(limit: limit, fetchedAt: now)
        }
        return limit
    }

    /// Forget a key (its limit changed or it was rotated through this server).
    func forget(digest: String) {
        lock.withLock { _ = entries.removeValue(forKey: digest) }
    }
}
