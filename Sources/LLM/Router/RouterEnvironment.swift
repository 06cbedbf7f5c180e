import Foundation
import Synchronization

/// Time and chance, injected so that retry and circuit-breaker tests are fast and exact.
public struct RouterEnvironment: Sendable {
    /// Monotonic time since an arbitrary origin.
    public var now: @Sendable () -> Duration
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A value in [0, 1) for back-off jitter.
    public var random: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void,
                random: @escaping @Sendable () -> Double) {
        self.now = now
        self.sleep = sleep
        self.random = random
    }

    public static let live = RouterEnvironment(
        now: { .nanoseconds(Monotonic.nanoseconds()) },
        sleep: { try await Task.sleep(for: $0) },
        random: { Double.random(in: 0..<1) })
}

/// A clock that only moves when slept on: `sleep` returns at once and advances `now`.
/// Tests read `sleeps` to check the exact back-off delays.
public final class ManualClock: Sendable {
    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))

    public init() {}

    public var sleeps: [Duration] { state.withLock { $0.sleeps } }
    public var now: Duration { state.withLock { $0.now } }
    public func advance(by duration: Duration) { state.withLock { $0.now += duration } }

    public func environment(random: Double = 0.5) -> RouterEnvironment {
        RouterEnvironment(
            now: { [self] in now },
            sleep: { [self] duration in
                try Task.checkCancellation()
                state.withLock { $0.now += duration; $0.sleeps.append(duration) }
            },
            random: { random })
    }
}
