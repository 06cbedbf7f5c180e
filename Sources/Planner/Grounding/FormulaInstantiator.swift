/// Substitutes objects into lifted conditions, evaluating static atoms (by `:init`), equality, and
/// atoms that phase 1 proved unreachable (always false), so only fluent literals remain.
struct FormulaInstantiator {
    let task: LiftedTask
    let facts: FactTable
    let initial: Set<FactKey>

    func instantiate(_ condition: LiftedCondition, binding: inout [Int32], slotTypes: [[Int]], negated: Bool = false) -> GroundFormula {
        switch condition {
        case .atom(let p, let terms):
            let key = FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) })
            if task.predicateIsStatic[p] { return .constant(initial.contains(key) != negated) }
            guard let id = facts.id(of: key) else { return .constant(negated) }
            return .literal(id, !negated)
        case .equals(let a, let b):
            return .constant((a.resolve(binding) == b.resolve(binding)) != negated)
        case .not(let inner):
            return instantiate(inner, binding: &binding, slotTypes: slotTypes, negated: !negated)
        case .and(let parts), .or(let parts):
            var grounded: [GroundFormula] = []
            grounded.reserveCapacity(parts.count)
            let isAnd: Bool = { if case .and = condition { return !negated } else { return negated } }()
            for part in parts {
                let g = instantiate(part, binding: &binding, slotTypes: slotTypes, negated: negated)
                if case .constant(let value) = g, value != isAnd { return g }
                grounded.append(g)
            }
            return isAnd ? .conjunction(grounded) : .disjunction(grounded)
        case .forall(let slots, let body), .exists(let slots, let body):
            let isAnd: Bool = { if case .forall = condition { return !negated } else { return negated } }()
            var grounded: [GroundFormula] = []
            var shortCircuit: GroundFormula?
            forEach(slots, index: 0, binding: &binding, slotTypes: slotTypes) { binding in
                if shortCircuit != nil { return }
                let g = instantiate(body, binding: &binding, slotTypes: slotTypes, negated: negated)
                if case .constant(let value) = g, value != isAnd { shortCircuit = g; return }
                grounded.append(g)
            }
            if let shortCircuit { return shortCircuit }
            return isAnd ? .conjunction(grounded) : .disjunction(grounded)
        }
    }

    func forEach(_ slots: [Int], index: Int, binding: inout [Int32], slotTypes: [[Int]], _ body: (inout [Int32]) -> Void) {
        if index == slots.count { body(&binding); return }
        for object in task.objects(ofTypes: slotTypes[slots[index]]) {
            binding[slots[index]] = object
            forEach(slots, index: index + 1, binding: &binding, slotTypes: slotTypes, body)
        }
    }
}
