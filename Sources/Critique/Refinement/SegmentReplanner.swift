import Planner

/// Finds a window of a valid plan that a cheaper sequence can replace: from the state before the
/// window, search (under a cost bound below the window's cost) for a state where the rest of the
/// plan still works. "Works" is what the suffix needs, regressed from the goal through the
/// suffix's steps; conditional and negative conditions are not regressed, so the spliced plan is
/// validated before it is offered — the item only ever names a plan the validator accepts.
struct SegmentReplanner: Sendable {
    let task: CritiqueTask
    /// Time for all windows together.
    let budget: Duration

    struct Replacement: Sendable {
        var start: Int
        var end: Int
        var steps: [PlanStep]
        var saving: Int
    }

    /// The first window (widest first, left to right) that a cheaper segment replaces.
    func cheaperSegment(in plan: PlanReview, isCancelled: @escaping @Sendable () -> Bool) -> Replacement? {
        let steps = plan.steps
        let (states, operators) = task.execution.trace(steps)
        guard plan.isValid, operators.count == steps.count, steps.count >= 3 else { return nil }
        let windows = Self.windows(count: steps.count)
        let slice = budget / max(windows.count, 1)
        let clock = ContinuousClock()
        let deadline = clock.now + budget
        for (start, end) in windows {
            if isCancelled() || clock.now >= deadline { return nil }
            let segmentCost = operators[start..<end].reduce(0) { $0 + task.execution.cost(of: $1) }
            var segmentTask = task.grounded
            segmentTask.initialFacts = states[start].sorted()
            segmentTask.goalFacts = requirements(ofSuffix: operators[end...]).sorted()
            segmentTask.negativeGoalFacts = []
            // The planner's anytime engine (LAMA, then bounded weighted A*): within its slice it
            // returns the cheapest segment it finds, not merely the first one under the bound.
            var configuration = SearchConfiguration(algorithm: .anytime, heuristic: .ff)
            configuration.limits.timeLimit = slice
            configuration.costBound = segmentCost
            guard let found = PlanSearch.solve(segmentTask, configuration: configuration, isCancelled: isCancelled).plan else { continue }
            let spliced = Array(steps[..<start]) + found.steps + Array(steps[end...])
            let validation = task.validator.validate(spliced)
            guard validation.isValid, validation.cost < plan.cost else { continue }
            return Replacement(start: start, end: end, steps: found.steps, saving: plan.cost - validation.cost)
        }
        return nil
    }

    /// Facts that must hold before `suffix` for it to execute and reach the goal (positive part).
    func requirements(ofSuffix suffix: ArraySlice<Int>) -> Set<Int32> {
        var needed = Set(task.grounded.goalFacts)
        for index in suffix.reversed() {
            let op = task.grounded.operators[index]
            needed.subtract(op.adds)
            needed.formUnion(op.preconditions)
        }
        return needed
    }

    /// Windows of width 8 then 4 (or the whole plan when shorter), overlapping by half.
    static func windows(count: Int) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for width in Set([min(count, 8), min(count, 4)]).sorted(by: >) where width >= 2 {
            for start in stride(from: 0, through: count - width, by: max(width / 2, 1)) {
                result.append((start, start + width))
            }
        }
        return result
    }
}
