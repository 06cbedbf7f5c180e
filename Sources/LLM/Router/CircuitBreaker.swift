import Synchronization

/// Per-provider circuit breaker: after `threshold` consecutive failed attempts a provider is
/// skipped for `cooldown`; then one trial call is let through (half-open), and its outcome
/// closes the circuit again or re-opens it.
public final class CircuitBreaker: Sendable {
    public enum State: Sendable, Equatable { case closed, open, halfOpen }

    private struct Entry { var failures = 0; var openedAt: Duration?; var trialInFlight = false }

    public let threshold: Int
    public let cooldown: Duration
    private let now: @Sendable () -> Duration
    private let entries = Mutex<[String: Entry]>([:])

    public init(threshold: Int = 3, cooldown: Duration = .seconds(30), now: @escaping @Sendable () -> Duration) {
        self.threshold = max(1, threshold)
        self.cooldown = cooldown
        self.now = now
    }

    public func state(of provider: String) -> State {
        let time = now()
        return entries.withLock { Self.state(of: $0[provider] ?? Entry(), at: time, cooldown: cooldown) }
    }

    /// Whether a call may go to `provider` now; in the half-open state only one caller gets true.
    public func allows(_ provider: String) -> Bool {
        let time = now()
        return entries.withLock { all in
            var entry = all[provider] ?? Entry()
            switch Self.state(of: entry, at: time, cooldown: cooldown) {
            case .closed: return true
            case .open: return false
            case .halfOpen:
                guard !entry.trialInFlight else { return false }
                entry.trialInFlight = true
                all[provider] = entry
                return true
            }
        }
    }

    public func recordSuccess(_ provider: String) {
        entries.withLock { $0[provider] = Entry() }
    }

    public func recordFailure(_ provider: String) {
        let time = now()
        entries.withLock { all in
            var entry = all[provider] ?? Entry()
            entry.failures += 1
            if entry.trialInFlight || entry.failures >= threshold { entry.openedAt = time }
            entry.trialInFlight = false
            all[provider] = entry
        }
    }

    private static func state(of entry: Entry, at time: Duration, cooldown: Duration) -> State {
        guard let opened = entry.openedAt else { return .closed }
        return time - opened >= cooldown ? .halfOpen : .open
    }
}
