/// h^add, h^max and h^FF over the delete relaxation, computed by a Dijkstra-style exploration of
/// "unary" operators: one per operator (its precondition and unconditional adds) and one per
/// conditional effect (operator precondition + effect condition, effect adds). Negative
/// preconditions are ignored, which only relaxes further.
///
/// Guarantees:
/// - h^max: admissible, consistent; supports conditional effects (max never double-counts).
/// - h^add: not admissible; supports conditional effects.
/// - h^FF: not admissible; supports conditional effects (an operator is counted once in the
///   relaxed plan however many of its effects are used). Preferred operators: relaxed-plan
///   operators applicable in the state.
final class RelaxedExploration: StateHeuristic {
    enum Mode {
        case add, max, ff
        var properties: HeuristicProperties {
            switch self {
            case .max: HeuristicProperties(admissible: true, consistent: true, supportsConditionalEffects: true)
            case .add, .ff: HeuristicProperties(admissible: false, consistent: false, supportsConditionalEffects: true)
            }
        }
    }

    let task: SearchTask
    let mode: Mode
    var properties: HeuristicProperties { mode.properties }
    private let unitPreStart: [Int32], unitPre: [Int32]
    private let unitAddStart: [Int32], unitAdd: [Int32]
    private let unitCost: [Int], unitOperator: [Int32]
    private let watchStart: [Int32], watch: [Int32]
    private let unconditioned: [Int32]
    private let goal: [Int32]
    // Scratch, reused between evaluations.
    private var factCost: [Int]
    private var supporter: [Int32]
    private var remaining: [Int32]
    private var unitValue: [Int]
    private var heap = BucketQueue()
    private var marked: [Int32]
    private var stamp: Int32 = 0
    private var factSeen: [Int32]
    private var stack: [Int32] = []
    private var goalPending: [Int32]
    private(set) var preferred: [Int32] = []

    init(task: SearchTask, mode: Mode, costs: CostAdjustment) {
        self.task = task
        self.mode = mode
        var pre: [[Int32]] = [], adds: [[Int32]] = [], cost: [Int] = [], owner: [Int32] = []
        for (o, op) in task.task.operators.enumerated() {
            let c = costs.apply(task.cost[o])
            if !op.adds.isEmpty { pre.append(op.preconditions); adds.append(op.adds); cost.append(c); owner.append(Int32(o)) }
            for effect in op.conditionalEffects where !effect.adds.isEmpty {
                pre.append(Array(Set(op.preconditions + effect.conditions)))
                adds.append(effect.adds); cost.append(c); owner.append(Int32(o))
            }
        }
        func csr(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
            var start: [Int32] = [0], flat: [Int32] = []
            for list in lists { flat += list; start.append(Int32(flat.count)) }
            return (start, flat)
        }
        (unitPreStart, unitPre) = csr(pre)
        (unitAddStart, unitAdd) = csr(adds)
        unitCost = cost
        unitOperator = owner
        var watchers = Array(repeating: [Int32](), count: task.factCount)
        for (u, list) in pre.enumerated() { for f in list { watchers[Int(f)].append(Int32(u)) } }
        (watchStart, watch) = csr(watchers)
        unconditioned = pre.indices.filter { pre[$0].isEmpty }.map { Int32($0) }
        goal = task.goal
        factCost = Array(repeating: deadEnd, count: task.factCount)
        supporter = Array(repeating: -1, count: task.factCount)
        remaining = pre.map { Int32($0.count) }
        unitValue = cost
        marked = Array(repeating: 0, count: task.operatorCount)
        factSeen = Array(repeating: 0, count: task.factCount)
        goalPending = Array(repeating: 0, count: task.factCount)
    }

    private func resetStamps() {
        stamp = 1
        for i in marked.indices { marked[i] = 0 }
        for i in factSeen.indices { factSeen[i] = 0 }
        for i in goalPending.indices { goalPending[i] = 0 }
    }

    /// Runs the exploration; returns false if some goal is unreachable.
    private func explore(_ state: UnsafePointer<UInt64>) -> Bool {
        for i in 0..<factCost.count { factCost[i] = deadEnd }
        for u in 0..<remaining.count {
            remaining[u] = unitPreStart[u + 1] - unitPreStart[u]
            unitValue[u] = mode == .max ? 0 : unitCost[u]
        }
        heap.removeAll()
        for w in 0..<task.words {
            var bits = state[w]
            while bits != 0 {
                let f = w << 6 | bits.trailingZeroBitCount
                bits &= bits &- 1
                factCost[f] = 0
                supporter[f] = -1
                heap.push(priority: 0, value: Int32(f))
            }
        }
        for u in unconditioned { fire(Int(u), value: unitCost[Int(u)]) }
        stamp &+= 1
        if stamp == Int32.max { resetStamps() }
        var goalsLeft = 0
        for g in goal where factCost[Int(g)] != 0 && goalPending[Int(g)] != stamp { goalPending[Int(g)] = stamp; goalsLeft += 1 }
        if goalsLeft == 0 { return true }
        let isMax = mode == .max
        while !heap.isEmpty {
            let (c, f32) = heap.pop()
            let f = Int(f32)
            if c > factCost[f] { continue }
            var i = Int(watchStart[f])
            let end = Int(watchStart[f + 1])
            while i < end {
                let u = Int(watch[i])
                i += 1
                if isMax {
                    if c > unitValue[u] { unitValue[u] = c }
                } else {
                    unitValue[u] += c
                }
                remaining[u] -= 1
                if remaining[u] == 0 {
                    fire(u, value: isMax ? unitValue[u] + unitCost[u] : unitValue[u])
                }
            }
            // Stop once every goal has its final cost.
            if goalPending[f] == stamp {
                goalPending[f] = 0
                goalsLeft -= 1
                if goalsLeft == 0 { return true }
            }
        }
        for g in goal where factCost[Int(g)] == deadEnd { return false }
        return true
    }

    @inline(__always) private func fire(_ u: Int, value: Int) {
        var j = Int(unitAddStart[u])
        let end = Int(unitAddStart[u + 1])
        while j < end {
            let g = Int(unitAdd[j])
            if value < factCost[g] {
                factCost[g] = value
                supporter[g] = Int32(u)
                heap.push(priority: value, value: Int32(g))
            }
            j += 1
        }
    }

    func evaluate(_ state: UnsafePointer<UInt64>, collectPreferred: Bool) -> Int {
        preferred.removeAll(keepingCapacity: true)
        guard explore(state) else { return deadEnd }
        switch mode {
        case .add:
            var h = 0
            for g in goal { h += factCost[Int(g)] }
            return h
        case .max:
            var h = 0
            for g in goal { h = Swift.max(h, factCost[Int(g)]) }
            return h
        case .ff:
            return relaxedPlanCost(state, collectPreferred: collectPreferred)
        }
    }

    private func relaxedPlanCost(_ state: UnsafePointer<UInt64>, collectPreferred: Bool) -> Int {
        stamp &+= 1
        if stamp == Int32.max { resetStamps() }
        stack.removeAll(keepingCapacity: true)
        for g in goal where factCost[Int(g)] > 0 || !SearchTask.test(state, g) {
            if factSeen[Int(g)] != stamp { factSeen[Int(g)] = stamp; stack.append(g) }
        }
        var h = 0
        while let f = stack.popLast() {
            let u = Int(supporter[Int(f)])
            if u < 0 { continue }
            let o = Int(unitOperator[u])
            if marked[o] != stamp {
                marked[o] = stamp
                h += unitCost[u]
                if collectPreferred && task.isApplicable(o, in: state) { preferred.append(Int32(o)) }
            }
            for i in Int(unitPreStart[u])..<Int(unitPreStart[u + 1]) {
                let p = unitPre[i]
                if factSeen[Int(p)] != stamp && !SearchTask.test(state, p) {
                    factSeen[Int(p)] = stamp
                    stack.append(p)
                }
            }
        }
        return h
    }
}
