/// LAMA's search (Richter & Westphal 2010): lazy best-first search with two heuristics, FF and
/// landmark count, four open lists (each heuristic, all successors and preferred-operator
/// successors only) taken in turn, boosted on progress. Greedy (`wG = 0`) for the first plan,
/// weighted A* (g + w·h, reopening) for the later iterations of the anytime search.
///
/// Deferred evaluation: a successor enters the open lists as (parent, operator) with its parent's
/// heuristic values and is built, registered and evaluated only when popped. Heuristics use
/// cost + 1 on tasks with action costs (LAMA's answer to zero-cost actions).
final class LamaSearch: SearchEngine {
    let task: SearchTask
    private let ff: RelaxedExploration
    private let landmarks: LandmarkCountHeuristic
    private let wG: Int, wH: Int
    private let reopen: Bool
    private let bound: Int
    private var registry: StateRegistry
    private var open = LazyOpenLists(preferredOnly: [false, true, false, true])
    private var parent: [Int32] = []
    private var parentOp: [Int32] = []
    private var g: [Int32] = []
    private var hFF: [Int32] = []
    private var hLM: [Int32] = []
    private var closed: [Bool] = []
    /// Accepted-landmark sets, `landmarks.words` words per state id.
    private var accepted: [UInt64] = []
    private var current: [UInt64]
    private var successor: [UInt64]
    private var scratchAccepted: [UInt64]
    private var applicable: [Int32] = []
    private var preferredMark: [Bool]
    private var preferredOps: [Int32] = []
    private var byCost: [Int32] = []
    private var budget: BudgetCheck
    private(set) var limitReached: Limit?
    private(set) var statistics = SearchStatistics()
    private(set) var bestH = Int.max
    private var bestLM = Int.max

    /// Whether the landmark heuristic names preferred operators too (Fast Downward's `pref`):
    /// off for the first greedy search as in LAMA-first (on childsnack p03 it leads the greedy
    /// search astray: 264 expansions without, over 100,000 unsolved with), on for the weighted
    /// A* iterations as in LAMA-2011.
    private let landmarkPreferred: Bool

    init(task: SearchTask, graph: LandmarkGraph, weights: (g: Int, h: Int), bound: Int?, limits: SearchLimits,
         deadline: ContinuousClock.Instant?, landmarkPreferred: Bool = false) {
        self.task = task
        self.landmarkPreferred = landmarkPreferred
        let costs: CostAdjustment = task.task.usesActionCosts ? .plusOne : .normal
        ff = RelaxedExploration(task: task, mode: .ff, costs: costs)
        landmarks = LandmarkCountHeuristic(task: task, graph: graph, costs: costs)
        (wG, wH) = weights
        reopen = weights.g > 0
        self.bound = bound ?? Int.max
        registry = StateRegistry(words: task.words)
        current = Array(repeating: 0, count: task.words)
        successor = Array(repeating: 0, count: task.words)
        scratchAccepted = Array(repeating: 0, count: landmarks.words)
        preferredMark = Array(repeating: false, count: task.operatorCount)
        budget = BudgetCheck(deadline: deadline, memoryLimitBytes: limits.memoryLimitBytes, stride: 8)
        statistics.bytesPerState = task.words * 8
    }

    /// Bytes held by the search: registry, node data, accepted sets, open lists.
    var memoryBytes: Int {
        registry.bytes + open.bytes + parent.capacity * 4 * 5 + closed.capacity + accepted.capacity * 8
    }

    func start() -> StepResult {
        let (id, _) = task.initialState.withUnsafeBufferPointer { registry.insert($0.baseAddress!) }
        addNode(parent: -1, op: -1, g: 0)
        task.initialState.withUnsafeBufferPointer { state in
            scratchAccepted.withUnsafeMutableBufferPointer { landmarks.initialAccepted(state.baseAddress!, into: $0.baseAddress!) }
        }
        accepted.append(contentsOf: scratchAccepted)
        if task.task.goalKnownUnreachable { return .exhausted }
        current = task.initialState
        return visit(id)
    }

    private func addNode(parent p: Int32, op: Int32, g cost: Int) {
        parent.append(p)
        parentOp.append(op)
        g.append(Int32(clamping: cost))
        hFF.append(BestFirstSearch.unknown)
        hLM.append(BestFirstSearch.unknown)
        closed.append(false)
    }

    func step() -> StepResult {
        while true {
            if let limit = limitReached { return .limit(limit) }
            guard let (p, o) = open.pop() else { return .exhausted }
            let newG = Int(g[Int(p)]) + Int(task.cost[Int(o)])
            if newG >= bound { continue }
            registry.copy(p, into: &current)
            current.withUnsafeBufferPointer { state in
                successor.withUnsafeMutableBufferPointer { task.apply(Int(o), to: state.baseAddress!, into: $0.baseAddress!) }
            }
            let (id, inserted) = successor.withUnsafeBufferPointer { registry.insert($0.baseAddress!) }
            if inserted {
                addNode(parent: p, op: o, g: newG)
                let words = landmarks.words
                accepted.withUnsafeMutableBufferPointer { sets in
                    successor.withUnsafeBufferPointer { state in
                        scratchAccepted.withUnsafeMutableBufferPointer { target in
                            landmarks.progress(sets.baseAddress! + Int(p) * words, state: state.baseAddress!, into: target.baseAddress!)
                        }
                    }
                }
                accepted.append(contentsOf: scratchAccepted)
            } else {
                guard reopen && newG < Int(g[Int(id)]) else { continue }
                parent[Int(id)] = p
                parentOp[Int(id)] = o
                g[Int(id)] = Int32(newG)
                closed[Int(id)] = false
            }
            swap(&current, &successor)
            return visit(id)
        }
    }

    /// Evaluates state `id` (its bits in `current`), tests the goal, and expands it.
    private func visit(_ id: Int32) -> StepResult {
        closed[Int(id)] = true
        if limitReached == nil, budget.isDue(), let limit = budget.exceededNow(bytes: memoryBytes) { limitReached = limit }
        let fresh = hFF[Int(id)] == BestFirstSearch.unknown
        var valueFF = Int(hFF[Int(id)]), valueLM = Int(hLM[Int(id)])
        let words = landmarks.words
        if fresh {
            statistics.evaluated += 1
            valueFF = current.withUnsafeBufferPointer { ff.evaluate($0.baseAddress!, collectPreferred: true) }
            if valueFF == deadEnd {
                hFF[Int(id)] = BestFirstSearch.deadEndValue
                if id == 0 { statistics.initialHeuristic = nil }
                return .inProgress
            }
            valueLM = current.withUnsafeBufferPointer { state in
                accepted.withUnsafeBufferPointer { sets in
                    landmarks.evaluate(state.baseAddress!, accepted: sets.baseAddress! + Int(id) * words, collectPreferred: true)
                }
            }
            hFF[Int(id)] = Int32(clamping: valueFF)
            hLM[Int(id)] = Int32(clamping: valueLM)
            if id == 0 { statistics.initialHeuristic = valueFF }
        } else if hFF[Int(id)] == BestFirstSearch.deadEndValue {
            return .inProgress
        } else {
            // Reopened (weighted A*): the cached values stand; preferred operators are recomputed.
            _ = current.withUnsafeBufferPointer { ff.evaluate($0.baseAddress!, collectPreferred: true) }
            _ = current.withUnsafeBufferPointer { state in
                accepted.withUnsafeBufferPointer { sets in
                    landmarks.evaluate(state.baseAddress!, accepted: sets.baseAddress! + Int(id) * words, collectPreferred: true)
                }
            }
        }
        if current.withUnsafeBufferPointer({ task.isGoal($0.baseAddress!) }) { return .solved(id) }
        statistics.expanded += 1
        var progressed = false
        if valueFF < bestH { bestH = valueFF; progressed = true }
        if valueLM < bestLM { bestLM = valueLM; progressed = true }
        if progressed && id != 0 { open.boost() }
        expand(id, valueFF: valueFF, valueLM: valueLM)
        return .inProgress
    }

    private func expand(_ id: Int32, valueFF: Int, valueLM: Int) {
        applicable.removeAll(keepingCapacity: true)
        current.withUnsafeBufferPointer { task.applicableOperators(in: $0.baseAddress!, into: &applicable) }
        if applicable.isEmpty { return }
        // Preferred: FF's (relaxed-plan operators applicable here), with `landmarkPreferred` also
        // the landmark heuristic's (achievers of landmarks due next).
        preferredOps.removeAll(keepingCapacity: true)
        for o in ff.preferred where !preferredMark[Int(o)] { preferredMark[Int(o)] = true; preferredOps.append(o) }
        if landmarkPreferred {
            let lmPreferred = current.withUnsafeBufferPointer { landmarks.preferredOperators(among: applicable, in: $0.baseAddress!) }
            for o in lmPreferred where !preferredMark[Int(o)] { preferredMark[Int(o)] = true; preferredOps.append(o) }
        }
        for o in preferredOps { preferredMark[Int(o)] = false }
        let parentG = Int(g[Int(id)])
        if wG == 0 {
            push(id, applicable, preferred: false, key: 0, valueFF: valueFF, valueLM: valueLM)
            push(id, preferredOps, preferred: true, key: 0, valueFF: valueFF, valueLM: valueLM)
            return
        }
        // Weighted A*: the key depends on the operator's cost, so one group per distinct cost.
        for (list, preferred) in [(applicable, false), (preferredOps, true)] {
            var costs = Set<Int32>()
            for o in list { costs.insert(task.cost[Int(o)]) }
            for c in costs.sorted() {
                byCost.removeAll(keepingCapacity: true)
                for o in list where task.cost[Int(o)] == c { byCost.append(o) }
                push(id, byCost, preferred: preferred, key: wG * (parentG + Int(c)), valueFF: valueFF, valueLM: valueLM)
            }
        }
    }

    private func push(_ id: Int32, _ operators: [Int32], preferred: Bool, key gPart: Int, valueFF: Int, valueLM: Int) {
        if operators.isEmpty { return }
        statistics.generated += operators.count
        let group = open.addGroup(parent: id, operators: operators)
        open.push(group: group, list: preferred ? 1 : 0, priority: gPart + wH * valueFF)
        open.push(group: group, list: preferred ? 3 : 2, priority: gPart + wH * valueLM)
    }

    func operatorPath(to id: Int32) -> [Int32] {
        SearchTrace.operatorPath(to: id, parent: parent, parentOp: parentOp)
    }

    func finishStatistics() -> SearchStatistics {
        var s = statistics
        s.storedStates = registry.count
        s.peakMemoryBytes = memoryBytes
        // What one stored state costs: packed bits, two hash slots (the table stays under half
        // full), node data (parent, operator, g, two h values, closed) and its accepted landmarks.
        s.bytesPerState = task.words * 8 + 2 * 4 + 5 * 4 + 1 + landmarks.words * 8
        return s
    }
}
