import PDDL

/// Public entry points for planning: ground, then search under one loop that owns the budget,
/// cancellation and progress events.
public enum PlanSearch {
    /// Parses nothing: grounds `domain` + `problem` and searches with `configuration`.
    public static func plan(domain: Domain, problem: Problem, configuration: SearchConfiguration = .default,
                            grounding: GroundingOptions = GroundingOptions(),
                            isCancelled: (() -> Bool)? = nil, progress: ((SearchProgress) -> Void)? = nil) throws -> PlanningOutcome {
        let task = try Grounder.ground(domain: domain, problem: problem, options: grounding)
        return solve(task, configuration: configuration, isCancelled: isCancelled, progress: progress)
    }

    /// Searches a grounded task.
    public static func solve(_ task: GroundedTask, configuration: SearchConfiguration = .default,
                             isCancelled: (() -> Bool)? = nil, progress: ((SearchProgress) -> Void)? = nil) -> PlanningOutcome {
        let searchTask = SearchTask(task)
        if configuration.algorithm == .anytime {
            return anytime(searchTask, configuration: configuration, isCancelled: isCancelled, progress: progress)
        }
        let clock = ContinuousClock()
        let deadline = configuration.limits.timeLimit.map { clock.now + $0 }
        return run(searchTask, configuration: configuration, deadline: deadline, isCancelled: isCancelled, progress: progress)
    }

    static func run(_ task: SearchTask, configuration: SearchConfiguration, deadline: ContinuousClock.Instant?,
                    isCancelled: (() -> Bool)?, progress: ((SearchProgress) -> Void)?, bound: Int? = nil) -> PlanningOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let search = BestFirstSearch(task: task, configuration: configuration)
        func statistics() -> SearchStatistics {
            var s = search.finishStatistics()
            let elapsed = clock.now - started
            s.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            return s
        }
        var result = search.start()
        var steps = 0
        var lastReportedH = Int.max
        var lastReport = started
        while case .inProgress = result {
            steps += 1
            if steps & 255 == 0 {
                if isCancelled?() == true || Task.isCancelled { return .cancelled }
                let now = clock.now
                if let deadline, now >= deadline { return .exhausted(.time, statistics()) }
                if search.memoryBytes > configuration.limits.memoryLimitBytes { return .exhausted(.memory, statistics()) }
                if search.statistics.evaluated > configuration.limits.maxStates { return .exhausted(.states, statistics()) }
                if let progress, search.bestH < lastReportedH || now - lastReport > .milliseconds(200) {
                    lastReportedH = search.bestH
                    lastReport = now
                    let s = statistics()
                    progress(SearchProgress(expanded: s.expanded, evaluated: s.evaluated, bestHeuristic: search.bestH,
                                            bound: bound, seconds: s.seconds))
                }
            }
            result = search.step()
        }
        switch result {
        case .solved(let id):
            return .solved(makePlan(task, path: search.operatorPath(to: id)), statistics())
        case .exhausted, .inProgress:
            return .provenUnsolvable(statistics())
        }
    }

    static func makePlan(_ task: SearchTask, path: [Int32]) -> Plan {
        var steps: [PlanStep] = []
        var cost = 0
        for o in path {
            let op = task.task.operators[Int(o)]
            cost += task.task.usesActionCosts ? op.cost : (op.isArtificial ? 0 : 1)
            if op.isArtificial { continue }
            steps.append(PlanStep(action: task.task.schemaNames[op.schema],
                                  arguments: op.arguments.map { task.task.objectNames[Int($0)] }))
        }
        return Plan(steps: steps, cost: cost)
    }

    /// Lazy greedy for a first plan, then weighted A* with weights 5, 3, 2, 1, each pruned by the
    /// best cost found so far, until the deadline.
    static func anytime(_ task: SearchTask, configuration: SearchConfiguration, isCancelled: (() -> Bool)?,
                        progress: ((SearchProgress) -> Void)?) -> PlanningOutcome {
        let clock = ContinuousClock()
        let deadline = configuration.limits.timeLimit.map { clock.now + $0 }
        var first = configuration
        first.algorithm = .lazyGreedy
        var best: (Plan, SearchStatistics)?
        var outcome = run(task, configuration: first, deadline: deadline, isCancelled: isCancelled, progress: progress)
        guard case .solved(let plan, let stats) = outcome else { return outcome }
        best = (plan, stats)
        for weight in [5, 3, 2, 1] {
            var next = configuration
            next.algorithm = .weightedAStar
            next.weight = weight
            next.costBound = best!.0.cost
            outcome = run(task, configuration: next, deadline: deadline, isCancelled: isCancelled, progress: progress, bound: best!.0.cost)
            switch outcome {
            case .solved(let plan, let stats) where plan.cost < best!.0.cost: best = (plan, stats)
            case .cancelled, .exhausted: return .solved(best!.0, best!.1)
            default: continue
            }
        }
        return .solved(best!.0, best!.1)
    }
}
