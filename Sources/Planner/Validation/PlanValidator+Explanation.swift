/// Explaining failures: which ground literals are false, and which actions could make them true.
extension PlanValidator {
    struct UnsatisfiedLiteral: Hashable {
        var text: String
        /// The atom and whether it should be true, when the failing part is a literal.
        var fact: FactKey?
        var positive: Bool
    }

    /// Breaks a false condition into the ground parts that are false: conjunctions and universal
    /// quantifiers are opened up; literals, disjunctions and existentials are reported whole.
    func collectUnsatisfied(_ condition: LiftedCondition, _ binding: inout [Int32], slotTypes: [[Int]],
                            in state: Set<FactKey>, into result: inout [UnsatisfiedLiteral]) {
        if holds(condition, &binding, slotTypes: slotTypes, in: state) { return }
        switch condition {
        case .and(let parts):
            for part in parts { collectUnsatisfied(part, &binding, slotTypes: slotTypes, in: state, into: &result) }
        case .forall(let slots, let body):
            forEach(slots, index: 0, binding: &binding, slotTypes: slotTypes) { binding in
                collectUnsatisfied(body, &binding, slotTypes: slotTypes, in: state, into: &result)
            }
        case .atom(let p, let terms):
            let fact = FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) })
            append(UnsatisfiedLiteral(text: task.describe(fact), fact: fact, positive: true), to: &result)
        case .not(.atom(let p, let terms)):
            let fact = FactKey(predicate: Int32(p), arguments: terms.map { $0.resolve(binding) })
            append(UnsatisfiedLiteral(text: "(not \(task.describe(fact)))", fact: fact, positive: false), to: &result)
        default:
            append(UnsatisfiedLiteral(text: render(condition, &binding, slotTypes: slotTypes), fact: nil, positive: true), to: &result)
        }
    }

    private func append(_ literal: UnsatisfiedLiteral, to result: inout [UnsatisfiedLiteral]) {
        if !result.contains(literal) { result.append(literal) }
    }

    /// PDDL text of a condition with bound slots replaced by objects (quantified ones stay variables).
    func render(_ condition: LiftedCondition, _ binding: inout [Int32], slotTypes: [[Int]]) -> String {
        func term(_ t: LiftedTerm) -> String {
            switch t {
            case .object(let o): return task.objectNames[Int(o)]
            case .slot(let s): return binding[s] >= 0 ? task.objectNames[Int(binding[s])] : "?v\(s)"
            }
        }
        switch condition {
        case .atom(let p, let terms):
            return terms.isEmpty ? "(\(task.predicateNames[p]))" : "(\(task.predicateNames[p]) \(terms.map(term).joined(separator: " ")))"
        case .equals(let a, let b): return "(= \(term(a)) \(term(b)))"
        case .not(let inner): return "(not \(render(inner, &binding, slotTypes: slotTypes)))"
        case .and(let parts): return "(and \(parts.map { render($0, &binding, slotTypes: slotTypes) }.joined(separator: " ")))"
        case .or(let parts): return "(or \(parts.map { render($0, &binding, slotTypes: slotTypes) }.joined(separator: " ")))"
        case .forall(let slots, let body), .exists(let slots, let body):
            let word: String = { if case .forall = condition { "forall" } else { "exists" } }()
            let saved = slots.map { binding[$0] }
            for s in slots { binding[s] = -1 }
            let variables = slots.map { "?v\($0) - \(slotTypes[$0].map { task.typeNames[$0] }.joined(separator: "|"))" }
            let text = "(\(word) (\(variables.joined(separator: " "))) \(render(body, &binding, slotTypes: slotTypes)))"
            for (s, value) in zip(slots, saved) { binding[s] = value }
            return text
        }
    }

    /// For each literal: the action schemas with an effect that could make it true, with the
    /// parameters the literal determines filled in.
    func advice(for literals: [UnsatisfiedLiteral]) -> [RepairAdvice] {
        literals.compactMap { literal in
            guard let fact = literal.fact else { return nil }
            var achievers: [String] = []
            for action in task.actions {
                for effect in action.effects {
                    let terms: [LiftedTerm]
                    switch effect.kind {
                    case .add(let p, let t) where literal.positive && p == Int(fact.predicate): terms = t
                    case .delete(let p, let t) where !literal.positive && p == Int(fact.predicate): terms = t
                    default: continue
                    }
                    var binding = Array(repeating: Int32(-1), count: action.slotTypes.count)
                    var matches = true
                    for (t, object) in zip(terms, fact.arguments) {
                        switch t {
                        case .object(let o): if o != object { matches = false }
                        case .slot(let s):
                            if binding[s] >= 0 && binding[s] != object || !task.objectIs(object, ofTypes: action.slotTypes[s]) { matches = false }
                            binding[s] = object
                        }
                    }
                    guard matches else { continue }
                    let arguments = (0..<action.parameterCount).map { binding[$0] >= 0 ? task.objectNames[Int(binding[$0])] : "?\(action.parameterNames[$0])" }
                    let text = arguments.isEmpty ? "(\(action.name))" : "(\(action.name) \(arguments.joined(separator: " ")))"
                    if !achievers.contains(text) { achievers.append(text) }
                }
            }
            return RepairAdvice(literal: literal.text, achievers: achievers)
        }
    }
}
