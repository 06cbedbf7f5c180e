/// Best-first search over packed states: eager or lazy, with priority f = wG·g + wH·h (greedy:
/// 0·g + h; A*: g + h; weighted A*: g + w·h), optional preferred operators with boosting.
///
/// `step()` does one expansion; `SearchRunner` owns the loop, the budget, cancellation and
/// progress, like `SearchAlgorithm::search()` in Fast Downward.
final class BestFirstSearch {
    enum StepResult { case inProgress, solved(Int32), exhausted, limit(Limit) }

    let task: SearchTask
    let configuration: SearchConfiguration
    let heuristic: StateHeuristic
    private let wG: Int, wH: Int
    private let lazy: Bool
    private var registry: StateRegistry
    private var open: AlternationOpenList
    // Per-state node data, indexed by state id.
    private var parent: [Int32] = []
    private var parentOp: [Int32] = []
    private var g: [Int32] = []
    private var h: [Int32] = []
    private var closed: [Bool] = []
    private var current: [UInt64]
    private var successor: [UInt64]
    private var applicable: [Int32] = []
    private var isPreferred: [Bool]
    private(set) var statistics = SearchStatistics()
    private(set) var bestH = Int.max
    private let bound: Int
    /// Read inside expansions too: one expansion of a state with many successors evaluates each
    /// of them, and on some tasks (childsnack) that alone takes seconds.
    private var budget: BudgetCheck
    private(set) var limitReached: Limit?

    static let unknown = Int32(-2)
    static let deadEndValue = Int32.max

    init(task: SearchTask, configuration: SearchConfiguration, deadline: ContinuousClock.Instant? = nil) {
        self.task = task
        self.configuration = configuration
        let costs: CostAdjustment = configuration.weights.g == 0 ? (task.task.usesActionCosts ? .plusOne : .normal) : .normal
        heuristic = configuration.heuristic.make(for: task, costs: costs)
        (wG, wH) = configuration.weights
        lazy = configuration.isLazy
        registry = StateRegistry(words: task.words)
        open = AlternationOpenList(usesPreferred: configuration.preferredOperators && configuration.heuristic == .ff)
        current = Array(repeating: 0, count: task.words)
        successor = Array(repeating: 0, count: task.words)
        isPreferred = Array(repeating: false, count: task.operatorCount)
        bound = configuration.costBound ?? Int.max
        statistics.bytesPerState = task.words * 8
        budget = BudgetCheck(deadline: deadline, memoryLimitBytes: configuration.limits.memoryLimitBytes, stride: 8)
    }

    var memoryBytes: Int {
        registry.bytes + open.bytes + parent.capacity * 4 * 4 + closed.capacity
    }

    /// Registers the initial state; returns `.solved` when it is already a goal.
    func start() -> StepResult {
        let (id, _) = task.initialState.withUnsafeBufferPointer { registry.insert($0.baseAddress!) }
        addNode(parent: -1, op: -1, g: 0)
        let value = evaluate(id, task.initialState)
        statistics.initialHeuristic = value == deadEnd ? nil : value
        if task.task.goalKnownUnreachable || value == deadEnd { return .exhausted }
        if task.initialState.withUnsafeBufferPointer({ task.isGoal($0.baseAddress!) }) { return .solved(id) }
        bestH = value
        if lazy {
            open.push(OpenEntry(key: open.key(value, 0), state: -1, op: -1), isPreferred: false)
        } else {
            open.push(OpenEntry(key: open.key(value, value), state: id, op: -1), isPreferred: false)
        }
        return .inProgress
    }

    private func addNode(parent p: Int32, op: Int32, g cost: Int) {
        parent.append(p)
        parentOp.append(op)
        g.append(Int32(clamping: cost))
        h.append(Self.unknown)
        closed.append(false)
    }

    private var lastPreferred: [Int32] = []

    /// Evaluates state `id`, whose bits are in `state`, caching h.
    private func evaluate(_ id: Int32, _ state: [UInt64]) -> Int {
        if h[Int(id)] != Self.unknown {
            return h[Int(id)] == Self.deadEndValue ? deadEnd : Int(h[Int(id)])
        }
        statistics.evaluated += 1
        if limitReached == nil, budget.isDue(), let limit = budget.exceededNow(bytes: memoryBytes) { limitReached = limit }
        let value = state.withUnsafeBufferPointer { heuristic.evaluate($0.baseAddress!, collectPreferred: open.usesPreferred) }
        h[Int(id)] = value == deadEnd ? Self.deadEndValue : Int32(clamping: value)
        lastPreferred = open.usesPreferred ? heuristic.preferred : []
        return value
    }

    func step() -> StepResult {
        lazy ? lazyStep() : eagerStep()
    }

    private func markPreferred(_ value: Bool) {
        for o in lastPreferred { isPreferred[Int(o)] = value }
    }

    private func eagerStep() -> StepResult {
        while true {
            if open.isEmpty { return .exhausted }
            let entry = open.pop()
            let id = entry.state
            if closed[Int(id)] { continue }
            // Skip entries made stale by a cheaper path found later (A*).
            if wG > 0 && Int(entry.key >> 40) > wG * Int(g[Int(id)]) + wH * Int(h[Int(id)]) { continue }
            closed[Int(id)] = true
            statistics.expanded += 1
            if wG > 0 {
                let isGoal = registry.arena.withUnsafeBufferPointer { task.isGoal($0.baseAddress! + Int(id) * task.words) }
                if isGoal { return .solved(id) }
            }
            _ = evaluateForPreferred(id)
            return expand(id, eager: true)
        }
    }

    /// Re-runs the heuristic on an expanded state to get its preferred operators (eager search
    /// evaluates at generation, when it does not yet know which successors it will expand).
    private func evaluateForPreferred(_ id: Int32) -> Bool {
        guard open.usesPreferred else { lastPreferred = []; return true }
        registry.copy(id, into: &current)
        _ = current.withUnsafeBufferPointer { heuristic.evaluate($0.baseAddress!, collectPreferred: true) }
        lastPreferred = heuristic.preferred
        return true
    }

    private func expand(_ id: Int32, eager: Bool) -> StepResult {
        registry.copy(id, into: &current)
        applicable.removeAll(keepingCapacity: true)
        current.withUnsafeBufferPointer { task.applicableOperators(in: $0.baseAddress!, into: &applicable) }
        markPreferred(true)
        defer { markPreferred(false) }
        let parentG = Int(g[Int(id)])
        let parentH = Int(h[Int(id)])
        for o in applicable {
            let newG = parentG + Int(task.cost[Int(o)])
            if newG >= bound { continue }
            statistics.generated += 1
            let preferredOp = isPreferred[Int(o)]
            if !eager {
                let priority = wG * newG + wH * parentH
                open.push(OpenEntry(key: open.key(priority, parentH), state: id, op: o), isPreferred: preferredOp)
                continue
            }
            let (succ, inserted) = applyAndRegister(o, from: id)
            if inserted {
                addNode(parent: id, op: o, g: newG)
            } else {
                if newG >= Int(g[Int(succ)]) || wG == 0 { continue }
                // Cheaper path (A*): update and reopen.
                parent[Int(succ)] = id
                parentOp[Int(succ)] = o
                g[Int(succ)] = Int32(newG)
                closed[Int(succ)] = false
            }
            let savedPreferred = lastPreferred
            let value = evaluate(succ, successor)
            lastPreferred = savedPreferred
            if let limit = limitReached { return .limit(limit) }
            if value == deadEnd { continue }
            if wG == 0 {
                let isGoal = successor.withUnsafeBufferPointer { task.isGoal($0.baseAddress!) }
                if isGoal { return .solved(succ) }
            }
            noteHeuristic(value)
            open.push(OpenEntry(key: open.key(wG * newG + wH * value, value), state: succ, op: -1), isPreferred: preferredOp)
        }
        return .inProgress
    }

    private func applyAndRegister(_ o: Int32, from id: Int32) -> (Int32, Bool) {
        current.withUnsafeBufferPointer { state in
            successor.withUnsafeMutableBufferPointer { target in
                task.apply(Int(o), to: state.baseAddress!, into: target.baseAddress!)
            }
        }
        return successor.withUnsafeBufferPointer { registry.insert($0.baseAddress!) }
    }

    private func noteHeuristic(_ value: Int) {
        if value < bestH {
            bestH = value
            open.boostPreferred()
        }
    }

    private func lazyStep() -> StepResult {
        while true {
            if open.isEmpty { return .exhausted }
            let entry = open.pop()
            let id: Int32
            if entry.op < 0 {
                id = 0
            } else {
                registry.copy(entry.state, into: &current)
                let (succ, inserted) = applyAndRegister(entry.op, from: entry.state)
                let newG = Int(g[Int(entry.state)]) + Int(task.cost[Int(entry.op)])
                if inserted {
                    addNode(parent: entry.state, op: entry.op, g: newG)
                } else {
                    if closed[Int(succ)] && (wG == 0 || newG >= Int(g[Int(succ)])) { continue }
                    if newG < Int(g[Int(succ)]) {
                        parent[Int(succ)] = entry.state
                        parentOp[Int(succ)] = entry.op
                        g[Int(succ)] = Int32(newG)
                    } else if closed[Int(succ)] { continue }
                }
                id = succ
            }
            if closed[Int(id)] { continue }
            closed[Int(id)] = true
            let value = evaluate(id, entry.op < 0 ? task.initialState : successor)
            if value == deadEnd { continue }
            let isGoal = registry.arena.withUnsafeBufferPointer { task.isGoal($0.baseAddress! + Int(id) * task.words) }
            if isGoal { return .solved(id) }
            statistics.expanded += 1
            noteHeuristic(value)
            return expand(id, eager: false)
        }
    }

    /// The operator ids from the initial state to `id`.
    func operatorPath(to id: Int32) -> [Int32] {
        SearchTrace.operatorPath(to: id, parent: parent, parentOp: parentOp)
    }

    func finishStatistics() -> SearchStatistics {
        var s = statistics
        s.storedStates = registry.count
        s.peakMemoryBytes = memoryBytes
        return s
    }
}
