import PDDL

/// Translation of AST conditions and effects into slot-based lifted form.
extension LiftedTask {
    mutating func compile(_ action: Action) throws -> LiftedAction {
        var scope: [String: Int] = [:]
        var slotTypes: [[Int]] = []
        for parameter in action.parameters {
            scope[parameter.name.text] = slotTypes.count
            slotTypes.append(try typeIDs(parameter.effectiveType))
        }
        let precondition = try compile(action.precondition, scope: scope, slotTypes: &slotTypes)
        var effects: [LiftedEffect] = []
        try compile(action.effect, scope: scope, foralls: [], conditions: [], slotTypes: &slotTypes, into: &effects)
        return LiftedAction(name: action.name.text, parameterNames: action.parameters.map(\.name.text),
                            slotTypes: slotTypes, precondition: precondition, effects: effects)
    }

    func compileTerm(_ term: Term, scope: [String: Int]) throws -> LiftedTerm {
        switch term {
        case .variable(let name):
            guard let slot = scope[name.text] else { throw PlanningError.invalidTask("undeclared variable '?\(name.text)'", name.range) }
            return .slot(slot)
        case .constant(let name):
            guard let object = objectIndex[name.text] else { throw PlanningError.invalidTask("unknown object or constant '\(name.text)'", name.range) }
            return .object(object)
        }
    }

    func compileAtom(_ atom: Atom, scope: [String: Int]) throws -> LiftedCondition {
        guard let predicate = predicateIndex[atom.predicate.text] else {
            throw PlanningError.invalidTask("undeclared predicate '\(atom.predicate.text)'", atom.range)
        }
        guard predicateParameterTypes[predicate].count == atom.arguments.count else {
            throw PlanningError.invalidTask("'\(atom.predicate.text)' takes \(predicateParameterTypes[predicate].count) arguments, \(atom) has \(atom.arguments.count)", atom.range)
        }
        return .atom(predicate, try atom.arguments.map { term in try compileTerm(term, scope: scope) })
    }

    mutating func compile(_ condition: Condition, scope: [String: Int], slotTypes: inout [[Int]]) throws -> LiftedCondition {
        switch condition {
        case .atom(let atom):
            return try compileAtom(atom, scope: scope)
        case .equals(let a, let b, _):
            return .equals(try compileTerm(a, scope: scope), try compileTerm(b, scope: scope))
        case .not(let inner, _):
            return .not(try compile(inner, scope: scope, slotTypes: &slotTypes))
        case .and(let parts, _):
            var compiled: [LiftedCondition] = []
            for part in parts { compiled.append(try compile(part, scope: scope, slotTypes: &slotTypes)) }
            return .and(compiled)
        case .or(let parts, _):
            var compiled: [LiftedCondition] = []
            for part in parts { compiled.append(try compile(part, scope: scope, slotTypes: &slotTypes)) }
            return .or(compiled)
        case .imply(let antecedent, let consequent, _):
            return .or([.not(try compile(antecedent, scope: scope, slotTypes: &slotTypes)),
                        try compile(consequent, scope: scope, slotTypes: &slotTypes)])
        case .exists(let variables, let body, _), .forall(let variables, let body, _):
            var inner = scope
            var slots: [Int] = []
            for variable in variables {
                inner[variable.name.text] = slotTypes.count
                slots.append(slotTypes.count)
                slotTypes.append(try typeIDs(variable.effectiveType))
            }
            let compiled = try compile(body, scope: inner, slotTypes: &slotTypes)
            if case .exists = condition { return .exists(slots, compiled) }
            return .forall(slots, compiled)
        }
    }

    private mutating func compile(_ effect: Effect, scope: [String: Int], foralls: [Int], conditions: [LiftedCondition],
                                  slotTypes: inout [[Int]], into effects: inout [LiftedEffect]) throws {
        switch effect {
        case .add(let atom):
            guard case .atom(let p, let terms) = try compileAtom(atom, scope: scope) else { return }
            effects.append(LiftedEffect(forallSlots: foralls, conditions: conditions, kind: .add(p, terms)))
        case .delete(let atom, _):
            guard case .atom(let p, let terms) = try compileAtom(atom, scope: scope) else { return }
            effects.append(LiftedEffect(forallSlots: foralls, conditions: conditions, kind: .delete(p, terms)))
        case .and(let parts, _):
            for part in parts {
                try compile(part, scope: scope, foralls: foralls, conditions: conditions, slotTypes: &slotTypes, into: &effects)
            }
        case .forall(let variables, let body, _):
            var inner = scope
            var slots = foralls
            for variable in variables {
                inner[variable.name.text] = slotTypes.count
                slots.append(slotTypes.count)
                slotTypes.append(try typeIDs(variable.effectiveType))
            }
            try compile(body, scope: inner, foralls: slots, conditions: conditions, slotTypes: &slotTypes, into: &effects)
        case .when(let condition, let body, _):
            let compiled = try compile(condition, scope: scope, slotTypes: &slotTypes)
            try compile(body, scope: scope, foralls: foralls, conditions: conditions + [compiled], slotTypes: &slotTypes, into: &effects)
        case .increase(let target, let amount, let range):
            guard target.function.text == "total-cost", target.arguments.isEmpty else {
                throw PlanningError.unsupported("only (increase (total-cost) …) numeric effects are supported", range)
            }
            let lifted: LiftedAmount
            switch amount {
            case .number(let value, _): lifted = .number(value)
            case .function(let term):
                lifted = .function(term.function.text, try term.arguments.map { t in try compileTerm(t, scope: scope) })
            }
            effects.append(LiftedEffect(forallSlots: foralls, conditions: conditions, kind: .increaseCost(lifted)))
        }
    }

    /// The value of a cost amount under a complete binding of the action's slots.
    func costValue(_ amount: LiftedAmount, binding: [Int32]) -> Double? {
        switch amount {
        case .number(let value): return value
        case .function(let name, let terms):
            let args = terms.map { term -> String in
                switch term {
                case .slot(let s): objectNames[Int(binding[s])]
                case .object(let o): objectNames[Int(o)]
                }
            }
            return functionValues[([name] + args).joined(separator: " ")]
        }
    }
}

extension LiftedTerm {
    @inline(__always) func resolve(_ binding: [Int32]) -> Int32 {
        switch self {
        case .slot(let s): binding[s]
        case .object(let o): o
        }
    }
}
