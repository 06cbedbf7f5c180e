/// One step of a sequential plan: `(action arg …)`.
public struct PlanStep: Sendable, Hashable, CustomStringConvertible {
    public var action: String
    public var arguments: [String]

    public init(action: String, arguments: [String]) {
        self.action = action
        self.arguments = arguments
    }

    public var description: String {
        arguments.isEmpty ? "(\(action))" : "(\(action) \(arguments.joined(separator: " ")))"
    }
}

/// A sequential plan and its cost (the metric's total cost, or the number of steps without one).
public struct Plan: Sendable, Hashable {
    public var steps: [PlanStep]
    public var cost: Int

    public init(steps: [PlanStep], cost: Int) {
        self.steps = steps
        self.cost = cost
    }

    /// IPC plan text: one step per line, then `; cost = N (unit cost|general cost)`.
    public func ipcText(unitCost: Bool) -> String {
        var text = ""
        for step in steps { text += step.description + "\n" }
        text += "; cost = \(cost) (\(unitCost ? "unit cost" : "general cost"))\n"
        return text
    }
}

/// Counters of one search.
public struct SearchStatistics: Sendable, Hashable {
    public var expanded = 0
    public var evaluated = 0
    public var generated = 0
    public var storedStates = 0
    /// Bytes one stored state takes in the state arena (packed bits).
    public var bytesPerState = 0
    /// Estimated bytes held by the search (states, hash table, nodes, open lists).
    public var peakMemoryBytes = 0
    public var seconds = 0.0
    /// Heuristic value of the initial state.
    public var initialHeuristic: Int?
    /// True when a limit ran out while grounding, before any search started.
    public var stoppedWhileGrounding = false
    public init() {}
}

/// Which budget ran out.
public enum Limit: String, Sendable, Hashable {
    case time, memory, states, operators
}

/// What planning produced. "No plan" is not an error: the cases keep apart what a user must not confuse.
public enum PlanningOutcome: Sendable {
    case solved(Plan, SearchStatistics)
    /// The search space was exhausted (complete search): no plan exists. Exit 3.
    case provenUnsolvable(SearchStatistics)
    /// A budget ran out before a plan was found. Exit 4.
    case exhausted(Limit, SearchStatistics)
    case cancelled

    public var plan: Plan? { if case .solved(let plan, _) = self { plan } else { nil } }
}

/// A snapshot of a running search, for progress displays.
public struct SearchProgress: Sendable, Hashable {
    public var expanded: Int
    public var evaluated: Int
    public var bestHeuristic: Int
    /// Cost of the best plan so far (anytime search), if any.
    public var bound: Int?
    public var seconds: Double
}
