/// Each fact's predicate and arguments, read back from its printed name, `(at truck1 depot)`.
/// The grounded task keeps only ids; landmark generation needs the lifted shape to group facts
/// by predicate (disjunctive landmarks) and to find at-most-one invariants (mutexes).
struct FactAtoms {
    /// Predicate id per fact (ids local to this table).
    let predicate: [Int32]
    /// Argument ids per fact (ids local to this table).
    let arguments: [[Int32]]

    init(_ task: GroundedTask) {
        var predicates: [Substring: Int32] = [:], objects: [Substring: Int32] = [:]
        var predicate: [Int32] = [], arguments: [[Int32]] = []
        predicate.reserveCapacity(task.factCount)
        arguments.reserveCapacity(task.factCount)
        for name in task.factNames {
            let body = name.hasPrefix("(") && name.hasSuffix(")") ? name.dropFirst().dropLast() : Substring(name)
            let parts = body.split(separator: " ")
            let head = parts.first ?? ""
            let p = predicates[head] ?? Int32(predicates.count)
            predicates[head] = p
            predicate.append(p)
            arguments.append(parts.dropFirst().map { word in
                let o = objects[word] ?? Int32(objects.count)
                objects[word] = o
                return o
            })
        }
        self.predicate = predicate
        self.arguments = arguments
    }
}

/// Pairs of facts that are never true together, from "at most one" invariants of a single
/// predicate with one counted argument: for `(at ?t ?p)` counted on ?p, each truck is at one
/// place at most. Such a candidate holds when no initial state group has two true facts and every
/// operator that makes a fact of a group true needs and deletes another fact of the same group
/// (or needs the fact itself). Found over the ground operators, so it is sound; it misses
/// invariants that span predicates (`(at-kitchen ?s)` vs `(ontray ?s ?t)`), which Fast
/// Downward's invariant synthesis finds.
struct FactMutexes {
    let atoms: FactAtoms
    /// `holds[p][i]`: the candidate of predicate p counted on argument i survived.
    private let holds: [[Bool]]

    init(task: GroundedTask, atoms: FactAtoms) {
        self.atoms = atoms
        let predicateCount = Int((atoms.predicate.max() ?? -1) + 1)
        var arity = Array(repeating: 0, count: predicateCount)
        for f in atoms.predicate.indices { arity[Int(atoms.predicate[f])] = atoms.arguments[f].count }
        var holds = arity.map { Array(repeating: true, count: $0) }
        /// Whether g is f's group-mate on argument i: same predicate, same arguments but the i-th.
        func sameGroup(_ f: Int32, _ g: Int32, _ i: Int) -> Bool {
            guard atoms.predicate[Int(f)] == atoms.predicate[Int(g)] else { return false }
            let a = atoms.arguments[Int(f)], b = atoms.arguments[Int(g)]
            return a.count == b.count && a.indices.allSatisfy { $0 == i || a[$0] == b[$0] }
        }
        for op in task.operators {
            // A conditional add may fire with or without the delete that balances it: give up on
            // the predicate.
            for effect in op.conditionalEffects {
                for f in effect.adds { holds[Int(atoms.predicate[Int(f)])] = holds[Int(atoms.predicate[Int(f)])].map { _ in false } }
            }
            for f in op.adds where !op.preconditions.contains(f) {
                let p = Int(atoms.predicate[Int(f)])
                for i in holds[p].indices where holds[p][i] {
                    let balanced = op.preconditions.contains { g in
                        g != f && sameGroup(f, g, i) && op.deletes.contains(g) && !op.adds.contains(g)
                    }
                    let single = !op.adds.contains { g in g != f && sameGroup(f, g, i) && !op.preconditions.contains(g) }
                    if !balanced || !single { holds[p][i] = false }
                }
            }
        }
        // The initial state: at most one true fact per group.
        var seen = Set<[Int32]>()
        for f in task.initialFacts {
            let p = Int(atoms.predicate[Int(f)])
            for i in holds[p].indices where holds[p][i] {
                var key = [Int32(p), Int32(i)] + atoms.arguments[Int(f)]
                key[2 + i] = -1
                if !seen.insert(key).inserted { holds[p][i] = false }
            }
        }
        self.holds = holds
    }

    /// Whether `a` and `b` (different facts) can never be true at once.
    func areMutex(_ a: Int32, _ b: Int32) -> Bool {
        let p = Int(atoms.predicate[Int(a)])
        guard a != b, p == Int(atoms.predicate[Int(b)]) else { return false }
        let x = atoms.arguments[Int(a)], y = atoms.arguments[Int(b)]
        guard x.count == y.count else { return false }
        for i in holds[p].indices where holds[p][i] && x[i] != y[i] {
            if x.indices.allSatisfy({ $0 == i || x[$0] == y[$0] }) { return true }
        }
        return false
    }
}
