/// The landmark-cut heuristic (Helmert & Domshlak 2009): repeatedly compute h^max, find a cut of
/// operators separating the state from the goal zone, add the cut's minimum cost and subtract
/// it from the cut's operators.
///
/// Guarantees: admissible; not consistent in general. It does not support conditional effects:
/// on tasks with them it falls back to h^max (still admissible, weaker).
final class LMCutHeuristic: StateHeuristic {
    static let properties = HeuristicProperties(admissible: true, consistent: false, supportsConditionalEffects: false)
    var properties: HeuristicProperties { Self.properties }
    let preferred: [Int32] = []
    private let fallback: RelaxedExploration?
    private let factCount: Int
    private let trueFact: Int, goalFact: Int
    private let opCount: Int
    private let preStart: [Int32], pre: [Int32]
    private let addStart: [Int32], add: [Int32]
    private let watchStart: [Int32], watch: [Int32]
    private let achieverStart: [Int32], achiever: [Int32]
    private let baseCost: [Int]
    private var cost: [Int]
    private var hmax: [Int]
    private var remaining: [Int32]
    private var supporter: [Int32]
    private var goalZone: [Bool]
    private var reached: [Bool]
    private var heap = PackedMinHeap()
    private var stack: [Int32] = []
    private var cut: [Int32] = []

    init(task: SearchTask, costs: CostAdjustment) {
        fallback = task.hasConditionalEffects ? RelaxedExploration(task: task, mode: .max, costs: costs) : nil
        factCount = task.factCount
        trueFact = factCount
        goalFact = factCount + 1
        var pres: [[Int32]] = [], adds: [[Int32]] = [], base: [Int] = []
        for (o, op) in task.task.operators.enumerated() {
            pres.append(op.preconditions.isEmpty ? [Int32(factCount)] : Array(Set(op.preconditions)))
            adds.append(op.adds)
            base.append(costs.apply(task.cost[o]))
        }
        pres.append(task.goal.isEmpty ? [Int32(factCount)] : task.goal)
        adds.append([Int32(factCount + 1)])
        base.append(0)
        opCount = pres.count
        func csr(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
            var start: [Int32] = [0], flat: [Int32] = []
            for list in lists { flat += list; start.append(Int32(flat.count)) }
            return (start, flat)
        }
        (preStart, pre) = csr(pres)
        (addStart, add) = csr(adds)
        var watchers = Array(repeating: [Int32](), count: factCount + 2)
        for (o, list) in pres.enumerated() { for f in list { watchers[Int(f)].append(Int32(o)) } }
        (watchStart, watch) = csr(watchers)
        var achievers = Array(repeating: [Int32](), count: factCount + 2)
        for (o, list) in adds.enumerated() { for f in list { achievers[Int(f)].append(Int32(o)) } }
        (achieverStart, achiever) = csr(achievers)
        baseCost = base
        cost = base
        hmax = Array(repeating: deadEnd, count: factCount + 2)
        remaining = Array(repeating: 0, count: opCount)
        supporter = Array(repeating: -1, count: opCount)
        goalZone = Array(repeating: false, count: factCount + 2)
        reached = Array(repeating: false, count: factCount + 2)
    }

    func evaluate(_ state: UnsafePointer<UInt64>, collectPreferred: Bool) -> Int {
        if let fallback { return fallback.evaluate(state, collectPreferred: false) }
        for o in 0..<opCount { cost[o] = baseCost[o] }
        var h = 0
        while true {
            computeHmax(state)
            if hmax[goalFact] == deadEnd { return deadEnd }
            if hmax[goalFact] == 0 { return h }
            markGoalZone()
            findCut(state)
            var m = Int.max
            for o in cut { m = min(m, cost[Int(o)]) }
            if m == 0 || m == Int.max { return h } // cannot happen for a proper cut; guards termination
            h += m
            for o in cut { cost[Int(o)] -= m }
        }
    }

    private func computeHmax(_ state: UnsafePointer<UInt64>) {
        for f in 0..<hmax.count { hmax[f] = deadEnd }
        for o in 0..<opCount { remaining[o] = preStart[o + 1] - preStart[o]; supporter[o] = -1 }
        heap.removeAll()
        hmax[trueFact] = 0
        heap.push(priority: 0, value: Int32(trueFact))
        for f in 0..<factCount where SearchTask.test(state, Int32(f)) {
            hmax[f] = 0
            heap.push(priority: 0, value: Int32(f))
        }
        while !heap.isEmpty {
            let (c, f) = heap.pop()
            if c > hmax[Int(f)] { continue }
            for i in Int(watchStart[Int(f)])..<Int(watchStart[Int(f) + 1]) {
                let o = Int(watch[i])
                remaining[o] -= 1
                if remaining[o] == 0 {
                    supporter[o] = f  // popped last, so its h^max is the maximum
                    let value = c + cost[o]
                    for j in Int(addStart[o])..<Int(addStart[o + 1]) where value < hmax[Int(add[j])] {
                        hmax[Int(add[j])] = value
                        heap.push(priority: value, value: add[j])
                    }
                }
            }
        }
    }

    /// Facts from which the goal is reached through zero-cost operators via their supporters.
    private func markGoalZone() {
        for f in 0..<goalZone.count { goalZone[f] = false }
        goalZone[goalFact] = true
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(goalFact))
        // Walk backwards: a zero-cost operator adding a zone fact puts its supporter in the zone.
        while let f = stack.popLast() {
            for i in Int(achieverStart[Int(f)])..<Int(achieverStart[Int(f) + 1]) {
                let o = Int(achiever[i])
                let s = supporter[o]
                if cost[o] == 0 && s >= 0 && !goalZone[Int(s)] {
                    goalZone[Int(s)] = true
                    stack.append(s)
                }
            }
        }
    }

    /// Operators reachable from the state without entering the goal zone whose effects enter it.
    private func findCut(_ state: UnsafePointer<UInt64>) {
        cut.removeAll(keepingCapacity: true)
        for f in 0..<reached.count { reached[f] = false }
        stack.removeAll(keepingCapacity: true)
        reached[trueFact] = true
        stack.append(Int32(trueFact))
        for f in 0..<factCount where SearchTask.test(state, Int32(f)) { reached[f] = true; stack.append(Int32(f)) }
        var inCut = Set<Int32>()
        while let f = stack.popLast() {
            for i in Int(watchStart[Int(f)])..<Int(watchStart[Int(f) + 1]) {
                let o = watch[i]
                guard supporter[Int(o)] == f else { continue }
                for j in Int(addStart[Int(o)])..<Int(addStart[Int(o) + 1]) {
                    let g = Int(add[j])
                    if goalZone[g] {
                        if inCut.insert(o).inserted { cut.append(o) }
                    } else if !reached[g] {
                        reached[g] = true
                        stack.append(Int32(g))
                    }
                }
            }
        }
    }
}
