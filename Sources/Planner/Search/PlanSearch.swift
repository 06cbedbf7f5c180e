import PDDL

/// Public entry points for planning: ground, then search under one loop that owns the budget,
/// cancellation and progress events.
public enum PlanSearch {
    /// Called with each plan an anytime search finds that is cheaper than the one before.
    public typealias PlanHandler = (Plan, SearchStatistics) -> Void

    /// Grounds `domain` + `problem` and searches with `configuration`. The time and memory limits
    /// cover grounding and search together: a task whose grounding alone outlasts the deadline ends
    /// with `.exhausted(.time, …)` (`stoppedWhileGrounding`), as a search that runs out does.
    public static func plan(domain: Domain, problem: Problem, configuration: SearchConfiguration = .default,
                            grounding: GroundingOptions = GroundingOptions(),
                            isCancelled: (() -> Bool)? = nil, progress: ((SearchProgress) -> Void)? = nil,
                            improved: PlanHandler? = nil) throws -> PlanningOutcome {
        let deadline = configuration.limits.deadline(startingAt: .now)
        var options = grounding
        if let deadline { options.deadline = options.deadline.map { min($0, deadline) } ?? deadline }
        options.memoryLimitBytes = min(options.memoryLimitBytes ?? Int.max, configuration.limits.memoryLimitBytes)
        let task: GroundedTask
        do {
            task = try Grounder.ground(domain: domain, problem: problem, options: options)
        } catch PlanningError.limitReached(let limit) {
            var statistics = SearchStatistics()
            statistics.stoppedWhileGrounding = true
            return .exhausted(limit, statistics)
        }
        var rest = configuration
        rest.limits.deadline = deadline
        rest.limits.timeLimit = nil
        return solve(task, configuration: rest, isCancelled: isCancelled, progress: progress, improved: improved)
    }

    /// Searches a grounded task.
    public static func solve(_ task: GroundedTask, configuration: SearchConfiguration = .default,
                             isCancelled: (() -> Bool)? = nil, progress: ((SearchProgress) -> Void)? = nil,
                             improved: PlanHandler? = nil) -> PlanningOutcome {
        let deadline = configuration.limits.deadline(startingAt: .now)
        let searchTask = SearchTask(task)
        switch configuration.algorithm {
        case .anytime:
            return anytime(searchTask, configuration: configuration, deadline: deadline, isCancelled: isCancelled,
                           progress: progress, improved: improved)
        case .lama:
            let graph = LandmarkGraph.rhw(searchTask, deadline: deadline)
            let search = LamaSearch(task: searchTask, graph: graph, weights: (0, 1), bound: configuration.costBound,
                                    limits: configuration.limits, deadline: deadline)
            return run(search, configuration: configuration, deadline: deadline, isCancelled: isCancelled, progress: progress)
        default:
            let search = BestFirstSearch(task: searchTask, configuration: configuration, deadline: deadline)
            return run(search, configuration: configuration, deadline: deadline, isCancelled: isCancelled, progress: progress)
        }
    }

    static func run(_ search: some SearchEngine, configuration: SearchConfiguration, deadline: ContinuousClock.Instant?,
                    isCancelled: (() -> Bool)?, progress: ((SearchProgress) -> Void)?, bound: Int? = nil) -> PlanningOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let task = search.task
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
        let budget = BudgetCheck(deadline: deadline, memoryLimitBytes: configuration.limits.memoryLimitBytes)
        while case .inProgress = result {
            steps += 1
            // The clock is read every step: an expansion can take long (many successors, slow
            // heuristic), so a count-only check overruns the deadline by seconds.
            if let limit = budget.exceededNow(bytes: search.memoryBytes) { return .exhausted(limit, statistics()) }
            if steps & 63 == 0 {
                if isCancelled?() == true || Task.isCancelled { return .cancelled }
                if search.statistics.evaluated > configuration.limits.maxStates { return .exhausted(.states, statistics()) }
                let now = clock.now
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
        case .limit(let limit):
            return .exhausted(limit, statistics())
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

    /// LAMA-2011's anytime search: LAMA's greedy search for a first plan, then lazy weighted A*
    /// with weights 5, 3, 2, 1 (the last repeated while it improves), each restarted from scratch
    /// and pruned by the best cost so far (g + operator cost ≥ best is cut: safe whatever h is),
    /// until the deadline or a search under w = 1 proves no cheaper plan exists. Each cheaper plan
    /// goes to `improved` as it is found.
    static func anytime(_ task: SearchTask, configuration: SearchConfiguration, deadline: ContinuousClock.Instant?,
                        isCancelled: (() -> Bool)?, progress: ((SearchProgress) -> Void)?,
                        improved: PlanHandler?) -> PlanningOutcome {
        let graph = LandmarkGraph.rhw(task, deadline: deadline)
        let first = LamaSearch(task: task, graph: graph, weights: (0, 1), bound: configuration.costBound,
                               limits: configuration.limits, deadline: deadline)
        let outcome = run(first, configuration: configuration, deadline: deadline, isCancelled: isCancelled, progress: progress)
        guard case .solved(var best, var bestStatistics) = outcome else { return outcome }
        improved?(best, bestStatistics)
        var weights = [5, 3, 2, 1]
        while !weights.isEmpty {
            let weight = weights.removeFirst()
            let search = LamaSearch(task: task, graph: graph, weights: (1, weight), bound: best.cost,
                                    limits: configuration.limits, deadline: deadline, landmarkPreferred: true)
            switch run(search, configuration: configuration, deadline: deadline, isCancelled: isCancelled,
                       progress: progress, bound: best.cost) {
            case .solved(let plan, let statistics) where plan.cost < best.cost:
                (best, bestStatistics) = (plan, statistics)
                improved?(plan, statistics)
                if weight == 1 { weights = [1] }
            case .cancelled, .exhausted:
                return .solved(best, bestStatistics)
            default:
                continue
            }
        }
        return .solved(best, bestStatistics)
    }
}

/// One search algorithm stepped by `PlanSearch.run`, which owns the loop, limits and progress.
protocol SearchEngine: AnyObject {
    typealias StepResult = BestFirstSearch.StepResult
    var task: SearchTask { get }
    var statistics: SearchStatistics { get }
    var bestH: Int { get }
    var memoryBytes: Int { get }
    func start() -> StepResult
    func step() -> StepResult
    func operatorPath(to id: Int32) -> [Int32]
    func finishStatistics() -> SearchStatistics
}

extension BestFirstSearch: SearchEngine {}


