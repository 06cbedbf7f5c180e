/// Search algorithm families. Greedy and weighted A* are A* with another priority (`SearchConfiguration.weights`).
public enum SearchAlgorithm: String, Sendable, Hashable, CaseIterable {
    case eagerGreedy = "eager-greedy"
    case lazyGreedy = "lazy-greedy"
    case astar
    case weightedAStar = "wastar"
    /// LAMA's first iteration (LAMA-first): lazy greedy over FF and landmark count with
    /// preferred-operator queues; `heuristic` is not used.
    case lama
    /// LAMA-2011: `lama` for a first plan, then lazy weighted A* with falling weights (5, 3, 2, 1),
    /// each bounded by the best cost so far, until the deadline.
    case anytime
}

/// Heuristics the planner offers.
public enum HeuristicKind: String, Sendable, Hashable, CaseIterable {
    case ff, add, max, goalCount = "goalcount", blind, lmcut
}

/// How operator costs enter a heuristic.
public enum CostAdjustment: Sendable, Hashable {
    case normal, unit, plusOne
}

/// Budgets a planning run works under. `PlanSearch.plan` spends them on grounding and search
/// together; `PlanSearch.solve` on search alone.
public struct SearchLimits: Sendable {
    /// Time from the start of `plan`/`solve`.
    public var timeLimit: Duration?
    /// An end point fixed by the caller (say, when its command started, so parsing counts too);
    /// the earlier of this and `timeLimit` applies.
    public var deadline: ContinuousClock.Instant?
    /// Most bytes the planner's own structures (grounding tables, state registry, open lists) may use.
    public var memoryLimitBytes: Int
    public var maxStates: Int

    public init(timeLimit: Duration? = nil, deadline: ContinuousClock.Instant? = nil, memoryLimitBytes: Int = 2 << 30,
                maxStates: Int = Int(Int32.max - 1)) {
        self.timeLimit = timeLimit
        self.deadline = deadline
        self.memoryLimitBytes = memoryLimitBytes
        self.maxStates = maxStates
    }

    /// The instant the run must end by when it starts at `now`.
    func deadline(startingAt now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        let fromLimit = timeLimit.map { now + $0 }
        switch (deadline, fromLimit) {
        case (let a?, let b?): return min(a, b)
        case (let a?, nil): return a
        case (nil, let b): return b
        }
    }
}

/// Everything that selects and tunes a search.
public struct SearchConfiguration: Sendable {
    public var algorithm: SearchAlgorithm
    public var heuristic: HeuristicKind
    public var preferredOperators: Bool
    /// Weight of h in f = g + w·h for weighted A*.
    public var weight: Int
    public var limits: SearchLimits
    /// Prune nodes whose g reaches this cost (anytime search passes the best cost found so far).
    public var costBound: Int?

    public init(algorithm: SearchAlgorithm = .lazyGreedy, heuristic: HeuristicKind = .ff, preferredOperators: Bool = true,
                weight: Int = 5, limits: SearchLimits = SearchLimits(), costBound: Int? = nil) {
        self.algorithm = algorithm
        self.heuristic = heuristic
        self.preferredOperators = preferredOperators
        self.weight = weight
        self.limits = limits
        self.costBound = costBound
    }

    /// Fast satisficing default: lazy greedy best-first with FF and preferred operators.
    public static let `default` = SearchConfiguration()
    /// Optimal: A* with LM-cut.
    public static let optimal = SearchConfiguration(algorithm: .astar, heuristic: .lmcut, preferredOperators: false)

    /// (weight of g, weight of h) in the open-list priority.
    var weights: (g: Int, h: Int) {
        switch algorithm {
        case .eagerGreedy, .lazyGreedy, .lama: (0, 1)
        case .astar: (1, 1)
        case .weightedAStar, .anytime: (1, weight)
        }
    }

    var isLazy: Bool { algorithm == .lazyGreedy }
}
