import Foundation

/// The time source for timestamps, key expiry, login back-off and rate limiting.
/// Injected so tests can move time exactly instead of sleeping.
public protocol StoreClock: Sendable {
    func now() -> Date
}

/// Wall-clock time.
public struct SystemClock: StoreClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to; for tests and simulations.
public final class ManualClock: StoreClock, @unchecked Sendable {
    // @unchecked: `current` is only touched under `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }

    public func now() -> Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
