/// Phase 1 of grounding: which action instances and facts are reachable in the delete relaxation,
/// computed datalog-style without enumerating all parameter tuples.
///
/// Each action's rule body is the positive atoms of its top-level precondition conjunction (those
/// over parameters and constants). When a fact is first derived it is joined, as the newest fact,
/// with facts derived before it (semi-naive evaluation), so every instance is found once per body
/// atom it matches. Other precondition parts (negations, disjunctions, quantifiers, equality) are
/// ignored here, which over-approximates; phase 2 evaluates them exactly per instance.
struct LiftedReachability {
    let task: LiftedTask
    let operatorLimit: Int
    var facts = FactTable()
    /// Reachable action instances: action index and parameter objects.
    var instances: [(action: Int, arguments: [Int32])] = []

    private var bodies: [[(predicate: Int, terms: [LiftedTerm])]] = []
    private var triggers: [[(action: Int, atom: Int)]] = []
    private var slotMember: [[[Bool]]] = []
    /// Objects each action slot may take (computed once: `objects(ofTypes:)` allocates).
    private var slotObjects: [[[Int32]]] = []
    private var seenInstances: [Set<[Int32]>] = []
    /// Processed facts by predicate.
    private var byPredicate: [[Int32]] = []
    /// Processed facts of one predicate keyed by the objects at a set of bound positions (a bit
    /// mask): a join looks candidates up by every argument it already knows, so a body atom with
    /// two bound arguments costs one lookup, not a scan of the facts matching one of them.
    private var indexes: [Int: [[Int32]: [Int32]]] = [:]
    private var indexedMasks: [[Int]] = []
    private var budget: BudgetCheck

    init(task: LiftedTask, operatorLimit: Int, deadline: ContinuousClock.Instant? = nil, memoryLimitBytes: Int? = nil) {
        self.task = task
        self.operatorLimit = operatorLimit
        budget = BudgetCheck(deadline: deadline, memoryLimitBytes: memoryLimitBytes, stride: 256)
    }

    /// A rough count of the bytes this phase holds (facts, instances, indexes), for the memory limit.
    var estimatedBytes: Int { facts.count * 120 + instances.count * 120 }

    private mutating func checkBudget() throws {
        if budget.isDue(), let limit = budget.exceededNow(bytes: estimatedBytes) { throw PlanningError.limitReached(limit) }
    }

    mutating func run() throws {
        let objectCount = task.objectNames.count
        byPredicate = Array(repeating: [], count: task.predicateNames.count)
        indexedMasks = Array(repeating: [], count: task.predicateNames.count)
        triggers = Array(repeating: [], count: task.predicateNames.count)
        seenInstances = Array(repeating: [], count: task.actions.count)
        for (a, action) in task.actions.enumerated() {
            var body: [(Int, [LiftedTerm])] = []
            Self.collectBody(action.precondition, parameterCount: action.parameterCount, into: &body)
            bodies.append(body.map { (predicate: $0.0, terms: $0.1) })
            for (i, atom) in body.enumerated() { triggers[atom.0].append((a, i)) }
            let objects = action.slotTypes.map { task.objects(ofTypes: $0) }
            slotObjects.append(objects)
            slotMember.append(objects.map { list in
                var member = Array(repeating: false, count: objectCount)
                for object in list { member[Int(object)] = true }
                return member
            })
        }
        for fact in task.initialFacts { facts.intern(fact) }
        for (a, body) in bodies.enumerated() where body.isEmpty {
            var binding = Array(repeating: Int32(-1), count: task.actions[a].parameterCount)
            try completeUnbound(action: a, binding: &binding, from: 0)
        }
        var next = 0
        while next < facts.count {
            try checkBudget()
            let id = Int32(next)
            let fact = facts.keys[next]
            next += 1
            let p = Int(fact.predicate)
            byPredicate[p].append(id)
            for mask in indexedMasks[p] {
                indexes[indexKey(p, mask), default: [:]][Self.project(fact.arguments, mask), default: []].append(id)
            }
            for (a, atomIndex) in triggers[p] {
                var binding = Array(repeating: Int32(-1), count: task.actions[a].parameterCount)
                guard unify(bodies[a][atomIndex].terms, with: fact.arguments, action: a, binding: &binding) else { continue }
                var done = Array(repeating: false, count: bodies[a].count)
                done[atomIndex] = true
                try join(action: a, binding: &binding, done: &done, remaining: bodies[a].count - 1)
            }
        }
    }

    private func indexKey(_ predicate: Int, _ mask: Int) -> Int { predicate &* 4096 &+ mask }

    /// The arguments at the positions in `mask`, in position order.
    private static func project(_ arguments: [Int32], _ mask: Int) -> [Int32] {
        var key: [Int32] = []
        for (position, object) in arguments.enumerated() where mask & (1 << position) != 0 { key.append(object) }
        return key
    }

    /// Processed facts of `predicate` whose arguments at the bound positions of `terms` match.
    private mutating func candidates(_ predicate: Int, _ terms: [LiftedTerm], binding: [Int32]) -> [Int32] {
        var mask = 0
        var key: [Int32] = []
        for (position, term) in terms.enumerated() where position < 12 {
            let object: Int32
            switch term {
            case .object(let o): object = o
            case .slot(let s): object = binding[s]
            }
            if object >= 0 { mask |= 1 << position; key.append(object) }
        }
        if mask == 0 { return byPredicate[predicate] }
        let slot = indexKey(predicate, mask)
        if indexes[slot] == nil {
            // First lookup by this set of positions: index the facts processed so far.
            indexedMasks[predicate].append(mask)
            var index: [[Int32]: [Int32]] = [:]
            for id in byPredicate[predicate] { index[Self.project(facts.keys[Int(id)].arguments, mask), default: []].append(id) }
            indexes[slot] = index
        }
        return indexes[slot]![key] ?? []
    }

    private static func collectBody(_ condition: LiftedCondition, parameterCount: Int, into body: inout [(Int, [LiftedTerm])]) {
        switch condition {
        case .and(let parts): for part in parts { collectBody(part, parameterCount: parameterCount, into: &body) }
        case .atom(let p, let terms):
            let usable = terms.allSatisfy { if case .slot(let s) = $0 { s < parameterCount } else { true } }
            if usable { body.append((p, terms)) }
        default: break
        }
    }

    private func unify(_ terms: [LiftedTerm], with arguments: [Int32], action: Int, binding: inout [Int32]) -> Bool {
        for (term, object) in zip(terms, arguments) {
            switch term {
            case .object(let o): if o != object { return false }
            case .slot(let s):
                if binding[s] >= 0 {
                    if binding[s] != object { return false }
                } else {
                    guard slotMember[action][s][Int(object)] else { return false }
                    binding[s] = object
                }
            }
        }
        return true
    }

    private mutating func join(action a: Int, binding: inout [Int32], done: inout [Bool], remaining: Int) throws {
        try checkBudget()
        if remaining == 0 {
            try completeUnbound(action: a, binding: &binding, from: 0)
            return
        }
        // Pick the pending atom with the fewest candidates.
        var best = -1
        var bestCandidates: [Int32] = []
        var bestSize = Int.max
        for i in bodies[a].indices where !done[i] {
            let atom = bodies[a][i]
            let list = candidates(atom.predicate, atom.terms, binding: binding)
            if list.count < bestSize { best = i; bestSize = list.count; bestCandidates = list }
            if bestSize == 0 { return }
        }
        done[best] = true
        let terms = bodies[a][best].terms
        for candidate in bestCandidates {
            var extended = binding
            guard unify(terms, with: facts.keys[Int(candidate)].arguments, action: a, binding: &extended) else { continue }
            try join(action: a, binding: &extended, done: &done, remaining: remaining - 1)
        }
        done[best] = false
    }

    /// Enumerates objects for parameters no body atom binds, then records the instance.
    private mutating func completeUnbound(action a: Int, binding: inout [Int32], from slot: Int) throws {
        try checkBudget()
        if slot == binding.count {
            guard seenInstances[a].insert(binding).inserted else { return }
            instances.append((a, binding))
            if instances.count > operatorLimit {
                throw PlanningError.tooManyOperators(limit: operatorLimit, schema: task.actions[a].name)
            }
            addEffects(action: a, binding: binding)
            return
        }
        if binding[slot] >= 0 { return try completeUnbound(action: a, binding: &binding, from: slot + 1) }
        for object in slotObjects[a][slot] {
            binding[slot] = object
            try completeUnbound(action: a, binding: &binding, from: slot + 1)
        }
        binding[slot] = -1
    }

    /// Adds every atom the instance may add (conditions of `when` are ignored: an over-approximation).
    private mutating func addEffects(action a: Int, binding parameters: [Int32]) {
        let action = task.actions[a]
        var binding = parameters + Array(repeating: -1, count: action.slotTypes.count - action.parameterCount)
        for effect in action.effects {
            guard case .add(let p, let terms) = effect.kind else { continue }
            // Static: calling a method of `self` here would hold a second reference to `facts`
            // while the closure interns into it, and copy the whole table on every insert.
            Self.forEachBinding(of: effect.forallSlots, objects: slotObjects[a], binding: &binding, index: 0) { binding in
                facts.intern(FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) }))
            }
        }
    }

    private static func forEachBinding(of slots: [Int], objects: [[Int32]], binding: inout [Int32], index: Int,
                                _ body: (inout [Int32]) -> Void) {
        if index == slots.count { body(&binding); return }
        for object in objects[slots[index]] {
            binding[slots[index]] = object
            forEachBinding(of: slots, objects: objects, binding: &binding, index: index + 1, body)
        }
    }
}
