/// Search algorithm families. Greedy and weighted A* are A* with another priority (`SearchConfiguration.weights`).
public enum SearchAlgorithm: String, Sendable, Hashable, CaseIterable {
    case eagerGreedy = "eager-greedy"
    case lazyGreedy = "lazy-greedy"
    case astar
    case weightedAStar = "wastar"
    /// Lazy greedy first, then weighted A* with falling weights, each bounded by the best cost so far.
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

/// Budgets a search runs under.
public struct SearchLimits: Sendable {
    public var timeLimit: Duration?
    /// Most bytes the search's own structures may use.
    public var memoryLimitBytes: Int
    public var maxStates: Int

    public init(timeLimit: Duration? = nil, memoryLimitBytes: Int = 2 << 30, maxStates: Int = Int(Int32.max - 1)) {
        self.timeLimit = timeLimit
        self.memoryLimitBytes = memoryLimitBytes
        self.maxStates = maxStates
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
        case .eagerGreedy, .lazyGreedy: (0, 1)
        case .astar: (1, 1)
        case .weightedAStar, .anytime: (1, weight)
        }
    }

    var isLazy: Bool { algorithm == .lazyGreedy }
}
