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
    private var seenInstances: [Set<[Int32]>] = []
    /// Processed facts by predicate, and by (predicate, argument position, object).
    private var byPredicate: [[Int32]] = []
    private var byArgument: [Int: [Int32]] = [:]

    init(task: LiftedTask, operatorLimit: Int) {
        self.task = task
        self.operatorLimit = operatorLimit
    }

    mutating func run() throws {
        let objectCount = task.objectNames.count
        byPredicate = Array(repeating: [], count: task.predicateNames.count)
        triggers = Array(repeating: [], count: task.predicateNames.count)
        seenInstances = Array(repeating: [], count: task.actions.count)
        for (a, action) in task.actions.enumerated() {
            var body: [(Int, [LiftedTerm])] = []
            Self.collectBody(action.precondition, parameterCount: action.parameterCount, into: &body)
            bodies.append(body.map { (predicate: $0.0, terms: $0.1) })
            for (i, atom) in body.enumerated() { triggers[atom.0].append((a, i)) }
            slotMember.append(action.slotTypes.map { types in
                var member = Array(repeating: false, count: objectCount)
                for object in task.objects(ofTypes: types) { member[Int(object)] = true }
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
            let id = Int32(next)
            let fact = facts.keys[next]
            next += 1
            let p = Int(fact.predicate)
            byPredicate[p].append(id)
            for (position, object) in fact.arguments.enumerated() {
                byArgument[argumentKey(p, position, object), default: []].append(id)
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

    private func argumentKey(_ predicate: Int, _ position: Int, _ object: Int32) -> Int {
        (predicate &* 64 &+ position) &* (task.objectNames.count + 1) &+ Int(object)
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
        if remaining == 0 {
            try completeUnbound(action: a, binding: &binding, from: 0)
            return
        }
        // Pick the pending atom with the shortest candidate list.
        var best = -1
        var bestCandidates: [Int32] = []
        var bestSize = Int.max
        for (i, atom) in bodies[a].enumerated() where !done[i] {
            var candidates = byPredicate[atom.predicate]
            for (position, term) in atom.terms.enumerated() {
                let object: Int32
                switch term {
                case .object(let o): object = o
                case .slot(let s): object = binding[s]
                }
                if object >= 0 {
                    let list = byArgument[argumentKey(atom.predicate, position, object)] ?? []
                    if list.count < candidates.count { candidates = list }
                }
            }
            if candidates.count < bestSize { best = i; bestSize = candidates.count; bestCandidates = candidates }
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
        for object in task.objects(ofTypes: task.actions[a].slotTypes[slot]) {
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
            forEachBinding(of: effect.forallSlots, action: action, binding: &binding, index: 0) { binding in
                facts.intern(FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) }))
            }
        }
    }

    private func forEachBinding(of slots: [Int], action: LiftedAction, binding: inout [Int32], index: Int,
                                _ body: (inout [Int32]) -> Void) {
        if index == slots.count { body(&binding); return }
        for object in task.objects(ofTypes: action.slotTypes[slots[index]]) {
            binding[slots[index]] = object
            forEachBinding(of: slots, action: action, binding: &binding, index: index + 1, body)
        }
    }
}
