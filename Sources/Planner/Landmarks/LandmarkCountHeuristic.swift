/// LAMA's landmark-count heuristic over a `LandmarkGraph`, path-dependent: each state carries the
/// set of landmarks accepted on the way to it (a bitset, `words` words per state), progressed
/// along each transition. A disjunctive landmark holds when one of its facts does; a landmark is
/// accepted once it holds after all its parents (sound and reasonable orderings) were accepted.
///
/// h(s) = cost of the landmarks not yet accepted + cost of the accepted ones that are "required
/// again" (false in s, and a goal or a greedy-necessary parent of a landmark not yet accepted).
/// A landmark's cost is the cheapest achiever's of any of its facts (after the cost adjustment).
/// Not admissible.
/// Preferred operators: applicable operators that achieve a landmark whose parents are all
/// accepted (a "leaf" of what is left) or one required again.
final class LandmarkCountHeuristic {
    let graph: LandmarkGraph
    let task: SearchTask
    /// 64-bit words of one accepted-landmark set.
    let words: Int
    private let cost: [Int]
    /// Per fact: the stamp of the last evaluation in which it was an interesting landmark.
    private var interesting: [Int32]
    private var stamp: Int32 = 0
    private(set) var preferred: [Int32] = []

    init(task: SearchTask, graph: LandmarkGraph, costs: CostAdjustment) {
        self.task = task
        self.graph = graph
        words = max(1, (graph.count + 63) / 64)
        var cheapest = Array(repeating: Int.max, count: graph.count)
        for (o, op) in task.task.operators.enumerated() {
            let c = costs.apply(task.cost[o])
            for f in op.adds + op.conditionalEffects.flatMap(\.adds) where graph.idOfFact[Int(f)] >= 0 {
                let id = Int(graph.idOfFact[Int(f)])
                cheapest[id] = min(cheapest[id], c)
            }
        }
        cost = cheapest.map { $0 == Int.max ? 1 : $0 }
        interesting = Array(repeating: 0, count: task.factCount)
        // Acceptance waits for reasonable parents too (LAMA: B reached too early counts again).
        orderedBefore = graph.parents.indices.map { graph.parents[$0] + graph.reasonableParents[$0] }
        let flat = graph.landmarks.flatMap { $0 }
        (factStart, fact) = (graph.landmarks.reduce(into: [Int32(0)]) { $0.append($0.last! + Int32($1.count)) }, flat)
    }

    /// Parents of each landmark for acceptance: sound and reasonable orderings.
    private let orderedBefore: [[Int32]]
    /// The facts of landmark l are `fact[factStart[l]..<factStart[l+1]]` (one, or a disjunction).
    private let factStart: [Int32]
    private let fact: [Int32]

    /// Whether landmark `id` holds in `state`: one of its facts does.
    @inline(__always) private func holds(_ id: Int, in state: UnsafePointer<UInt64>) -> Bool {
        for i in Int(factStart[id])..<Int(factStart[id + 1]) where SearchTask.test(state, fact[i]) { return true }
        return false
    }

    private func mark(_ id: Int) {
        for i in Int(factStart[id])..<Int(factStart[id + 1]) { interesting[Int(fact[i])] = stamp }
    }

    @inline(__always) private static func has(_ set: UnsafePointer<UInt64>, _ id: Int) -> Bool {
        set[id >> 6] & (1 << UInt64(id & 63)) != 0
    }

    /// The landmarks accepted in the initial state: those true in it.
    func initialAccepted(_ state: UnsafePointer<UInt64>, into target: UnsafeMutablePointer<UInt64>) {
        target.update(repeating: 0, count: words)
        for id in 0..<graph.count where holds(id, in: state) { target[id >> 6] |= 1 << UInt64(id & 63) }
    }

    /// Accepted after a transition into `state`: those accepted before, plus landmarks true in
    /// `state` whose every ordered predecessor was accepted before.
    func progress(_ before: UnsafePointer<UInt64>, state: UnsafePointer<UInt64>, into target: UnsafeMutablePointer<UInt64>) {
        target.update(from: before, count: words)
        for id in 0..<graph.count where !Self.has(before, id) && holds(id, in: state) {
            if orderedBefore[id].allSatisfy({ Self.has(before, Int($0)) }) { target[id >> 6] |= 1 << UInt64(id & 63) }
        }
    }

    /// h of `state` given its accepted set; when `collectPreferred`, marks interesting landmarks
    /// for `preferredOperators(among:)`.
    func evaluate(_ state: UnsafePointer<UInt64>, accepted: UnsafePointer<UInt64>, collectPreferred: Bool) -> Int {
        stamp &+= 1
        if stamp == Int32.max { for i in interesting.indices { interesting[i] = 0 }; stamp = 1 }
        var h = 0
        for id in 0..<graph.count {
            if !Self.has(accepted, id) {
                h += cost[id]
                if collectPreferred && orderedBefore[id].allSatisfy({ Self.has(accepted, Int($0)) }) { mark(id) }
            } else if (graph.isGoal[id] || graph.gnChildren[id].contains { !Self.has(accepted, Int($0)) })
                        && !holds(id, in: state) {
                h += cost[id]
                if collectPreferred { mark(id) }
            }
        }
        return h
    }

    /// The operators in `applicable` that add a landmark marked interesting by the last
    /// `evaluate`: those adding a fact landmark when there are any, else those adding a
    /// disjunctive one (Fast Downward's rule: a disjunction is the weaker hint).
    func preferredOperators(among applicable: [Int32], in state: UnsafePointer<UInt64>) -> [Int32] {
        preferred.removeAll(keepingCapacity: true)
        disjunctivePreferred.removeAll(keepingCapacity: true)
        for o in applicable {
            var hit = 0  // 0 none, 1 a disjunctive landmark, 2 a fact landmark
            func note(_ f: Int32) {
                guard interesting[Int(f)] == stamp else { return }
                hit = max(hit, graph.landmarks[Int(graph.idOfFact[Int(f)])].count == 1 ? 2 : 1)
            }
            for i in Int(task.addStart[Int(o)])..<Int(task.addStart[Int(o) + 1]) where hit < 2 { note(task.add[i]) }
            for e in Int(task.effStart[Int(o)])..<Int(task.effStart[Int(o) + 1]) where hit < 2 {
                for i in Int(task.effAddStart[e])..<Int(task.effAddStart[e + 1]) where hit < 2 { note(task.effAdd[i]) }
            }
            if hit == 2 { preferred.append(o) } else if hit == 1 { disjunctivePreferred.append(o) }
        }
        return preferred.isEmpty ? disjunctivePreferred : preferred
    }

    private var disjunctivePreferred: [Int32] = []
}
