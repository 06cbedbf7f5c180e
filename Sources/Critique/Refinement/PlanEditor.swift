import Planner

/// Turns a `PlanEdit` into a concrete plan. It does not judge the result: the validator does.
public struct PlanEditor: Sendable {
    let task: CritiqueTask
    let replanBudget: Duration

    public init(task: CritiqueTask, replanBudget: Duration = .milliseconds(500)) {
        self.task = task
        self.replanBudget = replanBudget
    }

    /// The plan after `edit`, or nil when the edit does not fit the plan or the replan finds nothing.
    public func apply(_ edit: PlanEdit, to steps: [PlanStep]) -> [PlanStep]? {
        switch edit {
        case .deleteSteps(let indices):
            guard !indices.isEmpty, indices.allSatisfy(steps.indices.contains) else { return nil }
            let removed = Set(indices)
            return steps.indices.filter { !removed.contains($0) }.map { steps[$0] }
        case .reorder(let order):
            guard order.count == steps.count, Set(order) == Set(steps.indices) else { return nil }
            return order.map { steps[$0] }
        case .replaceSegment(let start, let end, let texts):
            guard 0 <= start, start <= end, end <= steps.count else { return nil }
            guard let segment = try? PlanText.parse(texts.joined(separator: "\n")).map(\.step) else { return nil }
            return Array(steps[..<start]) + segment + Array(steps[end...])
        case .replanFrom(let k, let bound):
            guard 0 <= k, k <= steps.count else { return nil }
            return replan(keeping: Array(steps[..<k]), costBound: bound)
        }
    }

    /// Keeps `prefix` and searches a suffix from the state it reaches; with a bound, the whole plan
    /// must cost strictly less than it.
    func replan(keeping prefix: [PlanStep], costBound: Int?) -> [PlanStep]? {
        let execution = task.execution
        let (states, operators) = execution.trace(prefix)
        guard operators.count == prefix.count, let state = states.last else { return nil }
        let prefixCost = operators.reduce(0) { $0 + execution.cost(of: $1) }
        var suffixTask = task.grounded
        suffixTask.initialFacts = state.sorted()
        let suffixBound = costBound.map { $0 - prefixCost }
        if let suffixBound, suffixBound <= 0 { return nil }
        if let suffixBound {
            // Under a cost bound the point is the cheapest suffix the budget buys, not the first
            // one under the bound: the anytime engine (LAMA, then bounded weighted A* 5, 3, 2, 1)
            // keeps improving until the budget ends, so a critique round's replan is as good as
            // `plan --search anytime` given the same time.
            var anytime = SearchConfiguration(algorithm: .anytime, heuristic: .ff)
            anytime.limits.timeLimit = replanBudget
            anytime.costBound = suffixBound
            return PlanSearch.solve(suffixTask, configuration: anytime).plan.map { prefix + $0.steps }
        }
        // A repair (no bound): lazy greedy first: the planner checks its time budget every 256 steps, and a lazy step is
        // one evaluation. Weighted A* (eager: every successor evaluated per step, so it may overrun
        // the budget on large tasks) only when that found nothing, with what is left of the budget.
        let clock = ContinuousClock()
        let started = clock.now
        var lazy = SearchConfiguration(algorithm: .lazyGreedy, heuristic: .ff)
        lazy.limits.timeLimit = replanBudget / 2
        lazy.costBound = suffixBound
        let first = PlanSearch.solve(suffixTask, configuration: lazy)
        var suffix = first.plan
        let remaining = replanBudget - (clock.now - started)
        if suffix == nil, let chunk = Self.eagerCheckInterval(after: first), chunk < remaining {
            var weighted = SearchConfiguration(algorithm: .weightedAStar, heuristic: .ff, weight: 2)
            weighted.limits.timeLimit = remaining
            weighted.costBound = suffixBound
            suffix = PlanSearch.solve(suffixTask, configuration: weighted).plan
        }
        guard let suffix else { return nil }
        return prefix + suffix.steps
    }

    /// Estimated time between two budget checks of an eager search (256 expansions, each
    /// evaluating every successor), from the lazy search's evaluation rate and branching.
    static func eagerCheckInterval(after outcome: PlanningOutcome) -> Duration? {
        let statistics: SearchStatistics
        switch outcome {
        case .provenUnsolvable(let s), .exhausted(_, let s): statistics = s
        case .solved, .cancelled: return nil
        }
        guard statistics.evaluated > 0, statistics.expanded > 0 else { return nil }
        let perEvaluation = statistics.seconds / Double(statistics.evaluated)
        let branching = max(1, Double(statistics.generated) / Double(statistics.expanded))
        return .milliseconds(Int(256 * branching * perEvaluation * 1000))
    }
}
