/// Fact landmarks of a task and their orderings, found RHW-style (Richter, Helmert & Westphal
/// 2008) by back-chaining from the goals over the delete relaxation.
///
/// For a landmark B not true initially, the relaxed exploration is run with every achiever of B
/// removed; the achievers of B whose preconditions are still reachable are B's possible first
/// achievers. Preconditions shared by all of them are landmarks A with A →gn B (greedy-necessary:
/// A must hold when B is first achieved). The same exploration gives natural orderings: a
/// landmark C unreachable without B has B →nat C. No disjunctive landmarks, no domain transition
/// graphs (the task is STRIPS facts, not SAS+ variables), no reasonable orderings.
struct LandmarkGraph {
    /// The landmark facts; a landmark's index is its id.
    private(set) var facts: [Int32] = []
    /// Landmark id by fact id, or -1.
    private(set) var idOfFact: [Int32]
    /// Every ordering A → B (gn or nat), as `parents[B]` ∋ A.
    private(set) var parents: [[Int32]] = []
    /// Greedy-necessary orderings A →gn B, as `gnChildren[A]` ∋ B (for "required again").
    private(set) var gnChildren: [[Int32]] = []
    private(set) var isGoal: [Bool] = []
    private(set) var trueInitially: [Bool] = []
    /// Number of orderings of each kind, for reports and tests.
    private(set) var greedyNecessaryOrderings = 0
    private(set) var naturalOrderings = 0

    var count: Int { facts.count }

    init(factCount: Int) { idOfFact = Array(repeating: -1, count: factCount) }

    @discardableResult
    mutating func add(_ fact: Int32, goal: Bool, initially: Bool) -> (id: Int32, inserted: Bool) {
        if idOfFact[Int(fact)] >= 0 {
            let id = idOfFact[Int(fact)]
            if goal { isGoal[Int(id)] = true }
            return (id, false)
        }
        let id = Int32(facts.count)
        idOfFact[Int(fact)] = id
        facts.append(fact)
        parents.append([])
        gnChildren.append([])
        isGoal.append(goal)
        trueInitially.append(initially)
        return (id, true)
    }

    /// Adds A → B unless it is already there; `greedyNecessary` also records it for "required again".
    mutating func order(_ a: Int32, before b: Int32, greedyNecessary: Bool) {
        if a == b || trueInitially[Int(b)] { return }
        if !parents[Int(b)].contains(a) {
            parents[Int(b)].append(a)
            if greedyNecessary { greedyNecessaryOrderings += 1 } else { naturalOrderings += 1 }
        }
        if greedyNecessary && !gnChildren[Int(a)].contains(b) { gnChildren[Int(a)].append(b) }
    }

    /// Generates the landmarks of `task`; stops adding landmarks at `deadline` (what was found so
    /// far is still sound: every landmark and ordering found is one).
    static func rhw(_ task: SearchTask, deadline: ContinuousClock.Instant? = nil) -> LandmarkGraph {
        let relaxed = RelaxedUnits(task)
        var graph = LandmarkGraph(factCount: task.factCount)
        let initial = task.initialState
        func isInitial(_ f: Int32) -> Bool { initial.withUnsafeBufferPointer { SearchTask.test($0.baseAddress!, f) } }
        var queue: [Int32] = []
        for g in task.goal {
            let (id, inserted) = graph.add(g, goal: true, initially: isInitial(g))
            if inserted { queue.append(id) }
        }
        // Facts unreachable without each processed landmark, for the natural orderings afterwards.
        var unreachableWithout: [(Int32, [Bool])] = []
        var reached = Array(repeating: false, count: task.factCount)
        var head = 0
        while head < queue.count {
            let b = queue[head]
            head += 1
            if graph.trueInitially[Int(b)] { continue }
            if let deadline, ContinuousClock.now >= deadline { break }
            let fact = graph.facts[Int(b)]
            relaxed.explore(from: initial, excluding: fact, into: &reached)
            unreachableWithout.append((b, reached))
            var shared: [Int32]?
            for u in relaxed.achievers(of: fact) where relaxed.preconditions(of: u).allSatisfy({ reached[Int($0)] }) {
                let pre = relaxed.preconditions(of: u)
                shared = shared.map { current in current.filter { pre.contains($0) } } ?? Array(pre)
                if shared!.isEmpty { break }
            }
            for a in shared ?? [] where a != fact {
                let (id, inserted) = graph.add(a, goal: false, initially: isInitial(a))
                if inserted { queue.append(id) }
                graph.order(id, before: b, greedyNecessary: true)
            }
        }
        for (b, reachable) in unreachableWithout {
            for c in 0..<graph.count where Int32(c) != b && !graph.trueInitially[c] && !reachable[Int(graph.facts[c])] {
                graph.order(b, before: Int32(c), greedyNecessary: false)
            }
        }
        return graph
    }
}

/// The delete relaxation as "units" (an operator's precondition and adds, or an operator's
/// precondition + one conditional effect's condition and adds), with a reachability exploration
/// that can leave out every achiever of one fact.
final class RelaxedUnits {
    let task: SearchTask
    private let preStart: [Int32], pre: [Int32]
    private let addStart: [Int32], add: [Int32]
    let unitOperator: [Int32]
    private let watchStart: [Int32], watch: [Int32]
    private let achieverStart: [Int32], achiever: [Int32]
    private var missing: [Int32]
    private var queue: [Int32] = []

    init(_ task: SearchTask) {
        self.task = task
        var pres: [[Int32]] = [], adds: [[Int32]] = [], owner: [Int32] = []
        for (o, op) in task.task.operators.enumerated() {
            if !op.adds.isEmpty { pres.append(Array(Set(op.preconditions))); adds.append(op.adds); owner.append(Int32(o)) }
            for effect in op.conditionalEffects where !effect.adds.isEmpty {
                pres.append(Array(Set(op.preconditions + effect.conditions))); adds.append(effect.adds); owner.append(Int32(o))
            }
        }
        func csr(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
            var start: [Int32] = [0], flat: [Int32] = []
            for list in lists { flat += list; start.append(Int32(flat.count)) }
            return (start, flat)
        }
        (preStart, pre) = csr(pres)
        (addStart, add) = csr(adds)
        unitOperator = owner
        var watchers = Array(repeating: [Int32](), count: task.factCount)
        var achievers = Array(repeating: [Int32](), count: task.factCount)
        for (u, list) in pres.enumerated() { for f in list { watchers[Int(f)].append(Int32(u)) } }
        for (u, list) in adds.enumerated() { for f in Set(list) { achievers[Int(f)].append(Int32(u)) } }
        (watchStart, watch) = csr(watchers)
        (achieverStart, achiever) = csr(achievers)
        missing = pres.map { Int32($0.count) }
    }

    var unitCount: Int { unitOperator.count }

    func preconditions(of u: Int32) -> ArraySlice<Int32> { pre[Int(preStart[Int(u)])..<Int(preStart[Int(u) + 1])] }
    func adds(of u: Int32) -> ArraySlice<Int32> { add[Int(addStart[Int(u)])..<Int(addStart[Int(u) + 1])] }
    func achievers(of f: Int32) -> ArraySlice<Int32> { achiever[Int(achieverStart[Int(f)])..<Int(achieverStart[Int(f) + 1])] }

    /// Marks in `reached` the facts reachable from `state` in the delete relaxation when
    /// `excluded` is never reached (units adding it still add their other facts).
    func explore(from state: [UInt64], excluding excluded: Int32, into reached: inout [Bool]) {
        for i in reached.indices { reached[i] = false }
        for u in missing.indices { missing[u] = preStart[u + 1] - preStart[u] }
        queue.removeAll(keepingCapacity: true)
        func reach(_ f: Int32, _ reached: inout [Bool]) {
            if f != excluded && !reached[Int(f)] { reached[Int(f)] = true; queue.append(f) }
        }
        state.withUnsafeBufferPointer { s in
            for f in 0..<task.factCount where SearchTask.test(s.baseAddress!, Int32(f)) { reach(Int32(f), &reached) }
        }
        func fire(_ u: Int, _ reached: inout [Bool]) {
            // A unit that adds `excluded` still adds its other facts: only `excluded` itself is
            // withheld (dropping the whole unit would call facts unreachable that are not).
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
