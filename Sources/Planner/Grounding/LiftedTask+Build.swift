import PDDL

extension LiftedTask {
    /// Resolves every name in `domain` and `problem`; throws on anything the planner cannot handle.
    init(domain: Domain, problem: Problem) throws {
        self.init()
        for entry in domain.requirements + problem.requirements {
            if let requirement = entry.requirement, !requirement.isSupported {
                throw PlanningError.unsupported("requirement \(requirement.rawValue) is not supported by the planner", entry.name.range)
            }
        }
        try buildTypes(domain.types)
        for typed in domain.constants + problem.objects { try addObject(typed) }
        for declaration in domain.predicates where predicateIndex[declaration.name.text] == nil {
            predicateIndex[declaration.name.text] = predicateNames.count
            predicateNames.append(declaration.name.text)
            predicateParameterTypes.append(try declaration.parameters.map { try typeIDs($0.effectiveType) })
        }
        for (index, action) in domain.actions.enumerated() {
            if actionIndex[action.name.text] != nil {
                throw PlanningError.invalidTask("action '\(action.name.text)' is defined twice", action.name.range)
            }
            actionIndex[action.name.text] = index
            actions.append(try compile(action))
        }
        predicateIsStatic = Array(repeating: true, count: predicateNames.count)
        for action in actions {
            for effect in action.effects {
                switch effect.kind {
                case .add(let p, _), .delete(let p, _): predicateIsStatic[p] = false
                case .increaseCost: break
                }
            }
        }
        for element in problem.initialState {
            switch element {
            case .fact(let atom):
                guard case .atom(let p, let terms) = try compileAtom(atom, scope: [:]) else { continue }
                initialFacts.append(FactKey(predicate: Int32(p), arguments: terms.map { if case .object(let o) = $0 { o } else { -1 } }))
            case .assignment(let function, let value, _):
                let arguments = try function.arguments.map { term -> String in
                    guard case .constant(let name) = term, objectIndex[name.text] != nil else {
                        throw PlanningError.invalidTask("unknown object '\(term.name.text)' in an :init assignment", term.range)
                    }
                    return name.text
                }
                functionValues[([function.function.text] + arguments).joined(separator: " ")] = value
            }
        }
        if let metric = problem.metric {
            guard metric.direction == .minimize, metric.expression.function.text == "total-cost" else {
                throw PlanningError.unsupported("only (:metric minimize (total-cost)) is supported", metric.range)
            }
            usesActionCosts = true
        }
        var goalSlots: [[Int]] = []
        goal = try compile(problem.goal, scope: [:], slotTypes: &goalSlots)
        goalSlotTypes = goalSlots
    }

    private mutating func typeID(_ name: String) -> Int {
        if let id = typeIndex[name] { return id }
        typeIndex[name] = typeNames.count
        typeNames.append(name)
        typeObjects.append([])
        return typeNames.count - 1
    }

    private mutating func buildTypes(_ declared: [TypedName]) throws {
        _ = typeID("object")
        var parentsOf: [Int: [Int]] = [:]
        for typed in declared {
            let child = typeID(typed.name.text)
            for parent in typed.effectiveType.alternatives where parent.text != typed.name.text {
                parentsOf[child, default: []].append(typeID(parent.text))
            }
        }
        typeParents = parentsOf
    }

    /// The type and all its ancestors.
    private func ancestors(of type: Int) -> Set<Int> {
        var result: Set<Int> = [type, 0]
        var stack = [type]
        while let next = stack.popLast() {
            for parent in typeParents[next] ?? [] where result.insert(parent).inserted { stack.append(parent) }
        }
        return result
    }

    private mutating func addObject(_ typed: TypedName) throws {
        let name = typed.name.text
        let id: Int32
        if let existing = objectIndex[name] {
            id = existing
        } else {
            id = Int32(objectNames.count)
            objectIndex[name] = id
            objectNames.append(name)
        }
        for alternative in typed.effectiveType.alternatives {
            for type in ancestors(of: typeID(alternative.text)) where !typeObjects[type].contains(id) {
                typeObjects[type].append(id)
            }
        }
    }

    mutating func typeIDs(_ reference: TypeReference) throws -> [Int] {
        reference.alternatives.map { typeID($0.text) }
    }
}
