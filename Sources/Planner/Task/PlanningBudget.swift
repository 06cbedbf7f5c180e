/// The wall clock and memory one planning run may use, from grounding to the last search.
///
/// Why a deadline instant and not a duration: grounding, every search of an anytime run and the
/// caller's own parsing all spend from the same budget, so they share one end point.
struct BudgetCheck {
    let deadline: ContinuousClock.Instant?
    let memoryLimitBytes: Int?
    /// How many calls pass between two clock reads; reading the clock costs tens of nanoseconds,
    /// the work between calls (one join step, one heuristic evaluation) costs more.
    let stride: Int
    private var calls = 0

    init(deadline: ContinuousClock.Instant?, memoryLimitBytes: Int?, stride: Int = 64) {
        self.deadline = deadline
        self.memoryLimitBytes = memoryLimitBytes
        self.stride = stride
    }

    /// True every `stride` calls: time to call `exceededNow` (the clock is not read otherwise).
    @inline(__always) mutating func isDue() -> Bool {
        calls &+= 1
        if calls < stride { return false }
        calls = 0
        return true
    }

    /// The limit that ran out, if one did. `bytes` is the caller's count of its own allocations.
    func exceededNow(bytes: Int) -> Limit? {
        if let deadline, ContinuousClock.now >= deadline { return .time }
        if let memoryLimitBytes, bytes > memoryLimitBytes { return .memory }
        return nil
    }
}
