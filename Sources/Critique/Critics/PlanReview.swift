import Planner

/// What is known about one plan: the validator's verdict (the hard critic), the states along its
/// executable prefix, and — when it is valid — the planner's plan analysis.
public struct PlanReview: Sendable {
    public var steps: [PlanStep]
    public var validation: PlanValidationReport
    /// Present only for valid plans (redundant steps, goal support, layers, …).
    public var analysis: PlanAnalysis?
    /// 0-based indices i such that the state after step i is a dead end (goal relaxed-unreachable).
    public var deadEndsAfterStep: [Int]
    /// (step, fact name) for each step that deletes a fact no action can restore.
    public var irreversibleDeletes: [(step: Int, fact: String)]
    /// Goal facts that held, were destroyed by `destroyedBy` and re-achieved by `restoredBy`.
    public var goalRegressions: [GoalRegression]

    /// How early the plan commits to irreversible steps, in [0, 1]: the mean of (n-1-i)/n over the
    /// steps i that delete a fact nothing restores (0: none, or all at the very end).
    public var irreversibleEarliness: Double {
        let indices = Set(irreversibleDeletes.map(\.step))
        guard !indices.isEmpty else { return 0 }
        let n = Double(steps.count)
        return indices.reduce(0.0) { $0 + (n - 1 - Double($1)) / n } / Double(indices.count)
    }

    public var isValid: Bool { validation.isValid }
    public var cost: Int { validation.cost }
    public var stepTexts: [String] { steps.map(\.description) }

    init(steps: [PlanStep], task: CritiqueTask) {
        self.steps = steps
        validation = task.validator.validate(steps)
        analysis = validation.isValid ? PlanAnalysis.analyse(steps, task: task.grounded, validator: task.validator) : nil
        let (states, operators) = task.execution.trace(steps)
        deadEndsAfterStep = Self.firstDeadEnd(in: states, reachesGoal: validation.isValid, task: task).map { [$0] } ?? []
        irreversibleDeletes = operators.enumerated().flatMap { i, op in
            task.execution.irreversibleDeletes(of: op).map { (step: i, fact: task.grounded.factNames[Int($0)]) }
        }
        goalRegressions = GoalRegression.find(in: states, goals: task.grounded.goalFacts, names: task.grounded.factNames)
    }

    /// The step after which the plan's states become dead ends. Relaxed dead ends are monotone along
    /// a plan (a successor's relaxed closure is inside its predecessor's), so a valid plan has none
    /// and a binary search finds the first one in O(log n) reachability checks.
    static func firstDeadEnd(in states: [Set<Int32>], reachesGoal: Bool, task: CritiqueTask) -> Int? {
        guard !reachesGoal, states.count > 1, task.isDeadEnd(states[states.count - 1]) else { return nil }
        var low = 1, high = states.count - 1  // states[high] is a dead end
        while low < high {
            let middle = (low + high) / 2
            if task.isDeadEnd(states[middle]) { high = middle } else { low = middle + 1 }
        }
        return high - 1
    }

    /// Plan quality in [0, 1] from the three sound perspectives, weighted like the votes:
    /// completeness (valid, every step useful), efficiency (lower bound / cost), safety (no goal undone).
    public func quality(lowerBound: Int?, configuration: CritiqueConfiguration) -> Double {
        guard isValid else { return 0 }
        let n = Double(max(steps.count, 1))
        let useless = Double(analysis?.stepsSupportingNoGoal.count ?? 0)
        let completeness = 1 - 0.5 * useless / n
        let efficiency = cost == 0 ? 1 : min(1, Double(lowerBound ?? cost) / Double(cost))
        // Committing to irreversible steps late keeps options open: a small, order-only term that
        // lets refinement prefer a safe reordering at equal cost.
        let safety = max(0, 1 - min(1, Double(goalRegressions.count) / n) - 0.05 * irreversibleEarliness)
        let total = configuration.weight(of: .completeness) + configuration.weight(of: .efficiency) + configuration.weight(of: .safety)
        guard total > 0 else { return 1 }
        let score = configuration.weight(of: .completeness) * completeness + configuration.weight(of: .efficiency) * efficiency
            + configuration.weight(of: .safety) * safety
        return (score / total * 1e6).rounded() / 1e6
    }
}

/// A goal fact undone and redone along the plan: wasted work, and a risk if execution stops between.
public struct GoalRegression: Sendable, Hashable {
    public var fact: String
    /// 0-based step that deleted the fact while it held.
    public var destroyedBy: Int
    /// 0-based step that made it true again.
    public var restoredBy: Int

    static func find(in states: [Set<Int32>], goals: [Int32], names: [String]) -> [GoalRegression] {
        var result: [GoalRegression] = []
        for goal in goals {
            var destroyedBy: Int?
            for i in 1..<max(states.count, 1) {
                let before = states[i - 1].contains(goal), after = states[i].contains(goal)
                if before && !after { destroyedBy = i - 1 }
                if !before && after, let d = destroyedBy {
                    result.append(GoalRegression(fact: names[Int(goal)], destroyedBy: d, restoredBy: i - 1))
                    destroyedBy = nil
                }
            }
        }
        return result.sorted { ($0.destroyedBy, $0.fact) < ($1.destroyedBy, $1.fact) }
    }
}
