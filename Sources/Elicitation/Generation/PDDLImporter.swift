import PDDL

/// Why pasted PDDL could not become a `DomainModel`: it does not parse or validate, or it uses
/// something outside the supported fragment (typed STRIPS with negative preconditions and
/// equality: conjunctions of atoms, `not` atoms and `=`; add and delete effects).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var reasons: [String]
    public var description: String { "The PDDL cannot be used here:\n" + reasons.map { "- " + $0 }.joined(separator: "\n") }
}

/// Reads a domain (and optionally its problem) into a `DomainModel`.
public struct PDDLImporter: Sendable {
    public init() {}

    public func importModel(domain domainText: String, problem problemText: String?) throws(ImportError) -> DomainModel {
        let report = ValidationReport.validate(domain: SourceText(name: "domain.pddl", text: domainText),
                                               problem: problemText.map { SourceText(name: "problem.pddl", text: $0) })
        let errors = report.diagnostics.filter(\.isError)
        guard errors.isEmpty, let domain = report.domain else {
            throw ImportError(reasons: errors.prefix(5).map(\.description) + (report.domain == nil && errors.isEmpty ? ["no domain found"] : []))
        }
        var reasons: [String] = []
        var model = DomainModel(name: domain.name.text.lowercased())
        for typed in domain.types {
            guard case .named(let parent)? = typed.type ?? .object else { reasons.append("type \(typed.name) uses 'either'"); continue }
            if typed.name.text.lowercased() == DomainModel.rootType { continue }
            let parentName = parent.text.lowercased()
            model.types.append(TypeDeclaration(typed.name.text.lowercased(), parent: parentName == DomainModel.rootType ? nil : parentName))
        }
        if !domain.constants.isEmpty { reasons.append("domain constants are not supported (declare them as problem objects)") }
        if !domain.functions.isEmpty { reasons.append("numeric functions are not supported") }
        for predicate in domain.predicates {
            model.predicates.append(PredicateSignature(predicate.name.text.lowercased(), parameters(predicate.parameters, &reasons)))
        }
        for action in domain.actions {
            let name = action.name.text.lowercased()
            var preconditions: [Literal] = [], effects: [Literal] = []
            conditions(action.precondition, into: &preconditions, &reasons, where: "action \(name)")
            effectLiterals(action.effect, into: &effects, &reasons, where: "action \(name)")
            model.actions.append(ActionSchema(name, parameters: parameters(action.parameters, &reasons),
                                              preconditions: preconditions, effects: effects))
        }
        if let problem = report.problem {
            for object in problem.objects {
                let type = object.type.map { $0.alternatives.first!.text.lowercased() }
                model.objects.append(ObjectDeclaration(object.name.text.lowercased(), type: type == DomainModel.rootType ? nil : type))
            }
            for element in problem.initialState {
                switch element {
                case .fact(let atom): model.initialState.append(literal(atom, negated: false))
                case .assignment: reasons.append("numeric values in the initial state are not supported")
                }
            }
            conditions(problem.goal, into: &model.goal, &reasons, where: "the goal")
            if problem.metric != nil { reasons.append("metrics are not supported") }
        }
        guard reasons.isEmpty else { throw ImportError(reasons: Array(Set(reasons)).sorted()) }
        let problems = model.problems
        guard problems.isEmpty else { throw ImportError(reasons: problems.map(\.message)) }
        return model
    }

    private func parameters(_ list: [TypedName], _ reasons: inout [String]) -> [Parameter] {
        list.map { typed in
            if case .either? = typed.type { reasons.append("parameter ?\(typed.name) uses 'either'") }
            return Parameter(typed.name.text.lowercased(), typed.effectiveType.alternatives.first!.text.lowercased())
        }
    }

    private func literal(_ atom: Atom, negated: Bool) -> Literal {
        Literal(atom.predicate.text.lowercased(), atom.arguments.map { $0.name.text.lowercased() }, negated: negated)
    }

    private func conditions(_ condition: Condition, into result: inout [Literal], _ reasons: inout [String], where place: String) {
        switch condition {
        case .atom(let atom): result.append(literal(atom, negated: false))
        case .and(let parts, _): for part in parts { conditions(part, into: &result, &reasons, where: place) }
        case .not(.atom(let atom), _): result.append(literal(atom, negated: true))
        case .equals(let a, let b, _): result.append(Literal(Literal.equality, [a.name.text.lowercased(), b.name.text.lowercased()]))
        case .not(.equals(let a, let b, _), _):
            result.append(Literal(Literal.equality, [a.name.text.lowercased(), b.name.text.lowercased()], negated: true))
        default: reasons.append("\(place) uses or/imply/exists/forall or a nested 'not', which is not supported")
        }
    }

    private func effectLiterals(_ effect: Effect, into result: inout [Literal], _ reasons: inout [String], where place: String) {
        switch effect {
        case .add(let atom): result.append(literal(atom, negated: false))
        case .delete(let atom, _): result.append(literal(atom, negated: true))
        case .and(let parts, _): for part in parts { effectLiterals(part, into: &result, &reasons, where: place) }
        case .increase: reasons.append("\(place) uses action costs, which are not supported")
        case .forall, .when: reasons.append("\(place) uses forall/when effects, which are not supported")
        }
    }
}
