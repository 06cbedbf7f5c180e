/// The delete relaxation as "units" (an operator's precondition and adds, or an operator's
/// precondition + one conditional effect's condition and adds), with a reachability exploration
/// that can leave out every achiever of a set of facts.
final class RelaxedUnits {
    let task: SearchTask
    private let preStart: [Int32], pre: [Int32]
    private let addStart: [Int32], add: [Int32]
    /// What a unit surely deletes: its operator's deletes, plus its conditional effect's.
    private let delStart: [Int32], del: [Int32]
    let unitOperator: [Int32]
    private let watchStart: [Int32], watch: [Int32]
    private let achieverStart: [Int32], achiever: [Int32]
    private var missing: [Int32]
    private var queue: [Int32] = []
    private var excluded: [Bool]

    init(_ task: SearchTask) {
        self.task = task
        var pres: [[Int32]] = [], adds: [[Int32]] = [], dels: [[Int32]] = [], owner: [Int32] = []
        for (o, op) in task.task.operators.enumerated() {
            if !op.adds.isEmpty {
                pres.append(Array(Set(op.preconditions))); adds.append(op.adds); dels.append(op.deletes); owner.append(Int32(o))
            }
            for effect in op.conditionalEffects where !effect.adds.isEmpty {
                pres.append(Array(Set(op.preconditions + effect.conditions))); adds.append(effect.adds)
                dels.append(op.deletes + effect.deletes); owner.append(Int32(o))
            }
        }
        func csr(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
            var start: [Int32] = [0], flat: [Int32] = []
            for list in lists { flat += list; start.append(Int32(flat.count)) }
            return (start, flat)
        }
        (preStart, pre) = csr(pres)
        (addStart, add) = csr(adds)
        (delStart, del) = csr(dels)
        unitOperator = owner
        var watchers = Array(repeating: [Int32](), count: task.factCount)
        var achievers = Array(repeating: [Int32](), count: task.factCount)
        for (u, list) in pres.enumerated() { for f in list { watchers[Int(f)].append(Int32(u)) } }
        for (u, list) in adds.enumerated() { for f in Set(list) { achievers[Int(f)].append(Int32(u)) } }
        (watchStart, watch) = csr(watchers)
        (achieverStart, achiever) = csr(achievers)
        missing = pres.map { Int32($0.count) }
        excluded = Array(repeating: false, count: task.factCount)
    }

    var unitCount: Int { unitOperator.count }

    func preconditions(of u: Int32) -> ArraySlice<Int32> { pre[Int(preStart[Int(u)])..<Int(preStart[Int(u) + 1])] }
    func adds(of u: Int32) -> ArraySlice<Int32> { add[Int(addStart[Int(u)])..<Int(addStart[Int(u) + 1])] }
    func deletes(of u: Int32) -> ArraySlice<Int32> { del[Int(delStart[Int(u)])..<Int(delStart[Int(u) + 1])] }
    func achievers(of f: Int32) -> ArraySlice<Int32> { achiever[Int(achieverStart[Int(f)])..<Int(achieverStart[Int(f) + 1])] }

    /// Whether unit `u` surely makes `fact` false: its operator deletes it and adds it nowhere
    /// (in PDDL an add wins over a delete of the same atom).
    func surelyDeletes(_ u: Int32, _ fact: Int32) -> Bool {
        guard deletes(of: u).contains(fact) else { return false }
        let op = task.task.operators[Int(unitOperator[Int(u)])]
        return !op.adds.contains(fact) && !op.conditionalEffects.contains { $0.adds.contains(fact) }
    }

    /// Marks in `reached` the facts reachable from `state` in the delete relaxation when no fact
    /// of `excludedFacts` is ever reached (units adding one still add their other facts).
    func explore(from state: [UInt64], excluding excludedFacts: [Int32], into reached: inout [Bool]) {
        for f in excludedFacts { excluded[Int(f)] = true }
        defer { for f in excludedFacts { excluded[Int(f)] = false } }
        for i in reached.indices { reached[i] = false }
        for u in missing.indices { missing[u] = preStart[u + 1] - preStart[u] }
        queue.removeAll(keepingCapacity: true)
        func reach(_ f: Int32, _ reached: inout [Bool]) {
            if !excluded[Int(f)] && !reached[Int(f)] { reached[Int(f)] = true; queue.append(f) }
        }
        state.withUnsafeBufferPointer { s in
            for f in 0..<task.factCount where SearchTask.test(s.baseAddress!, Int32(f)) { reach(Int32(f), &reached) }
        }
        func fire(_ u: Int, _ reached: inout [Bool]) {
            // A unit that adds an excluded fact still adds its other facts: only the excluded
            // ones are withheld (dropping the whole unit would call facts unreachable that are not).
            for i in Int(addStart[u])..<Int(addStart[u + 1]) { reach(add[i], &reached) }
        }
        for u in missing.indices where missing[u] == 0 { fire(u, &reached) }
        var head = 0
        while head < queue.count {
            let f = Int(queue[head])
            head += 1
            for i in Int(watchStart[f])..<Int(watchStart[f + 1]) {
                let u = Int(watch[i])
                missing[u] -= 1
                if missing[u] == 0 { fire(u, &reached) }
            }
        }
    }
}
