/// Landmarks of a task and their orderings, found RHW-style (Richter, Helmert & Westphal 2008) by
/// back-chaining from the goals over the delete relaxation.
///
/// A landmark is one fact, or a disjunction of 2–4 facts of one predicate (some of them must be
/// true at some point of every plan). For a landmark B not true initially, the relaxed
/// exploration is run with B's facts left out; the achievers of B whose preconditions are still
/// reachable are B's possible first achievers. Preconditions shared by all of them are fact
/// landmarks A with A →gn B (greedy-necessary: A holds when B is first achieved); facts of one
/// predicate of which every first achiever needs one form a disjunctive landmark, also →gn B (in
/// childsnack, "some tray is at table 2" before "child 3 is served"). The same exploration gives
/// natural orderings: a landmark C unreachable without B has B →nat C. Reasonable orderings
/// (`LandmarkGraph+Reasonable.swift`) are added last. No domain transition graphs: the task is
/// STRIPS facts, not SAS+ variables.
struct LandmarkGraph {
    /// The facts of each landmark (one, or 2–4 for a disjunction); a landmark's index is its id.
    private(set) var landmarks: [[Int32]] = []
    /// Landmark id by fact id, or -1. A fact belongs to one landmark at most.
    private(set) var idOfFact: [Int32]
    /// Sound orderings A → B (gn or nat), as `parents[B]` ∋ A.
    private(set) var parents: [[Int32]] = []
    /// Reasonable orderings A →r B (a plan had better reach A first, or B is lost again), as
    /// `reasonableParents[B]` ∋ A. Not sound: a plan may well violate one.
    var reasonableParents: [[Int32]] = []
    /// Greedy-necessary orderings A →gn B, as `gnChildren[A]` ∋ B (for "required again").
    private(set) var gnChildren: [[Int32]] = []
    private(set) var isGoal: [Bool] = []
    private(set) var trueInitially: [Bool] = []
    /// Number of orderings of each kind, for reports and tests.
    private(set) var greedyNecessaryOrderings = 0
    private(set) var naturalOrderings = 0
    var reasonableOrderings = 0
    /// Disjunctions dropped because a fact of theirs became a fact landmark; compacted away.
    private var dropped: [Bool] = []

    var count: Int { landmarks.count }
    var disjunctiveCount: Int { landmarks.lazy.filter { $0.count > 1 }.count }
    func isDisjunctive(_ id: Int) -> Bool { landmarks[id].count > 1 }

    init(factCount: Int) { idOfFact = Array(repeating: -1, count: factCount) }

    private mutating func append(_ facts: [Int32], goal: Bool, initially: Bool) -> Int32 {
        let id = Int32(landmarks.count)
        for f in facts { idOfFact[Int(f)] = id }
        landmarks.append(facts)
        parents.append([])
        reasonableParents.append([])
        gnChildren.append([])
        isGoal.append(goal)
        trueInitially.append(initially)
        dropped.append(false)
        return id
    }

    /// Adds the fact landmark `fact`. A disjunction holding it is dropped with its orderings:
    /// the fact landmark says more, and the disjunction's orderings need not hold for the fact.
    @discardableResult
    mutating func add(_ fact: Int32, goal: Bool, initially: Bool) -> (id: Int32, inserted: Bool) {
        let existing = idOfFact[Int(fact)]
        if existing >= 0 && !isDisjunctive(Int(existing)) {
            if goal { isGoal[Int(existing)] = true }
            return (existing, false)
        }
        if existing >= 0 { drop(Int(existing)) }
        return (append([fact], goal: goal, initially: initially), true)
    }

    /// Adds the disjunctive landmark `facts` (sorted, none true initially), or finds it; nil when
    /// it overlaps a fact landmark or another disjunction (RHW keeps landmarks disjoint).
    mutating func addDisjunction(_ facts: [Int32]) -> (id: Int32, inserted: Bool)? {
        let owners = Set(facts.map { idOfFact[Int($0)] })
        if owners == [-1] { return (append(facts, goal: false, initially: false), true) }
        if owners.count == 1, let id = owners.first, landmarks[Int(id)] == facts { return (id, false) }
        return nil
    }

    private mutating func drop(_ id: Int) {
        dropped[id] = true
        for f in landmarks[id] { idOfFact[Int(f)] = -1 }
        for b in parents.indices { parents[b].removeAll { $0 == id } }
        for a in gnChildren.indices { gnChildren[a].removeAll { $0 == id } }
        parents[id] = []
        gnChildren[id] = []
    }

    /// Adds A → B unless it is already there; `greedyNecessary` also records it for "required again".
    mutating func order(_ a: Int32, before b: Int32, greedyNecessary: Bool) {
        if a == b || trueInitially[Int(b)] || dropped[Int(a)] || dropped[Int(b)] { return }
        if !parents[Int(b)].contains(a) {
            parents[Int(b)].append(a)
            if greedyNecessary { greedyNecessaryOrderings += 1 } else { naturalOrderings += 1 }
        }
        if greedyNecessary && !gnChildren[Int(a)].contains(b) { gnChildren[Int(a)].append(b) }
    }

    /// Renumbers the landmarks without the dropped disjunctions.
    private mutating func compact() {
        guard dropped.contains(true) else { return }
        var newID = Array(repeating: Int32(-1), count: count)
        var next: Int32 = 0
        for id in 0..<count where !dropped[id] { newID[id] = next; next += 1 }
        func keep<T>(_ values: [T]) -> [T] { values.indices.filter { !dropped[$0] }.map { values[$0] } }
        func renumber(_ lists: [[Int32]]) -> [[Int32]] { keep(lists).map { $0.map { newID[Int($0)] } } }
        landmarks = keep(landmarks)
        parents = renumber(parents)
        gnChildren = renumber(gnChildren)
        reasonableParents = renumber(reasonableParents)
        isGoal = keep(isGoal)
        trueInitially = keep(trueInitially)
        dropped = Array(repeating: false, count: landmarks.count)
        greedyNecessaryOrderings = gnChildren.reduce(0) { $0 + $1.count }
        naturalOrderings = parents.reduce(0) { $0 + $1.count } - greedyNecessaryOrderings
        for f in idOfFact.indices where idOfFact[f] >= 0 { idOfFact[f] = newID[Int(idOfFact[f])] }
    }

    /// Largest disjunction kept (Fast Downward's limit too: larger ones say little and cost much).
    static let maxDisjunctionSize = 4

    /// Generates the landmarks of `task`; stops adding landmarks at `deadline` (what was found so
    /// far is still sound: every landmark and ordering found is one). `disjunctive` and
    /// `reasonable` switch those kinds on (tests and measurements compare with and without).
    static func rhw(_ task: SearchTask, deadline: ContinuousClock.Instant? = nil, disjunctive: Bool = true,
                    reasonable: Bool = true) -> LandmarkGraph {
        let relaxed = RelaxedUnits(task)
        let atoms = FactAtoms(task.task)
        var graph = LandmarkGraph(factCount: task.factCount)
        let initial = task.initialState
        func isInitial(_ f: Int32) -> Bool { initial.withUnsafeBufferPointer { SearchTask.test($0.baseAddress!, f) } }
        var queue: [Int32] = []
        for g in task.goal {
            let (id, inserted) = graph.add(g, goal: true, initially: isInitial(g))
            if inserted { queue.append(id) }
        }
        // Facts unreachable without each processed landmark (packed bits), for the natural
        // orderings afterwards.
        var unreachableWithout: [(Int32, [UInt64])] = []
        var reached = Array(repeating: false, count: task.factCount)
        var firstAchievers: [Int32] = []
        var unitSeen = Array(repeating: false, count: relaxed.unitCount)
        var head = 0
        while head < queue.count {
            let b = queue[head]
            head += 1
            if graph.trueInitially[Int(b)] || graph.dropped[Int(b)] { continue }
            if let deadline, ContinuousClock.now >= deadline { break }
            let facts = graph.landmarks[Int(b)]
            relaxed.explore(from: initial, excluding: facts, into: &reached)
            var bits = Array(repeating: UInt64(0), count: (task.factCount + 63) / 64)
            for f in reached.indices where !reached[f] { bits[f >> 6] |= 1 << UInt64(f & 63) }
            unreachableWithout.append((b, bits))
            firstAchievers.removeAll(keepingCapacity: true)
            for f in facts {
                for u in relaxed.achievers(of: f) where !unitSeen[Int(u)] && relaxed.preconditions(of: u).allSatisfy({ reached[Int($0)] }) {
                    unitSeen[Int(u)] = true
                    firstAchievers.append(u)
                }
            }
            for u in firstAchievers { unitSeen[Int(u)] = false }
            if firstAchievers.isEmpty { continue }
            var shared = Array(relaxed.preconditions(of: firstAchievers[0]))
            for u in firstAchievers.dropFirst() where !shared.isEmpty {
                let pre = relaxed.preconditions(of: u)
                shared.removeAll { !pre.contains($0) }
            }
            for a in shared where !facts.contains(a) {
                let (id, inserted) = graph.add(a, goal: false, initially: isInitial(a))
                if inserted { queue.append(id) }
                graph.order(id, before: b, greedyNecessary: true)
            }
            guard disjunctive else { continue }
            for candidate in disjunctivePreconditions(of: firstAchievers, relaxed: relaxed, atoms: atoms, isInitial: isInitial)
            where !candidate.contains(where: facts.contains) {
                guard let (id, inserted) = graph.addDisjunction(candidate) else { continue }
                if inserted { queue.append(id) }
                graph.order(id, before: b, greedyNecessary: true)
            }
        }
        for (b, unreachable) in unreachableWithout where !graph.dropped[Int(b)] {
            for c in 0..<graph.count where Int32(c) != b && !graph.dropped[c] && !graph.trueInitially[c] {
                if graph.landmarks[c].allSatisfy({ unreachable[Int($0) >> 6] & (1 << UInt64(Int($0) & 63)) != 0 }) {
                    graph.order(b, before: Int32(c), greedyNecessary: false)
                }
            }
        }
        graph.compact()
        if reasonable {
            graph.addReasonableOrderings(relaxed: relaxed, mutexes: FactMutexes(task: task.task, atoms: atoms))
        }
        return graph
    }

    /// RHW's disjunctive preconditions of a set of first achievers: for each predicate of which
    /// every achiever needs some fact not true initially, those facts, when there are 2 to
    /// `maxDisjunctionSize` of them.
    static func disjunctivePreconditions(of achievers: [Int32], relaxed: RelaxedUnits, atoms: FactAtoms,
                                         isInitial: (Int32) -> Bool) -> [[Int32]] {
        var facts: [Int32: Set<Int32>] = [:]
        var users: [Int32: Int] = [:]
        for u in achievers {
            var predicates = Set<Int32>()
            for p in relaxed.preconditions(of: u) where !isInitial(p) {
                let predicate = atoms.predicate[Int(p)]
                predicates.insert(predicate)
                facts[predicate, default: []].insert(p)
            }
            for predicate in predicates { users[predicate, default: 0] += 1 }
        }
        return users.filter { $0.value == achievers.count }.keys.sorted().compactMap { predicate in
            let set = facts[predicate]!
            return (2...maxDisjunctionSize).contains(set.count) ? set.sorted() : nil
        }
    }
}
