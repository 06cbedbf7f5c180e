import PDDL

/// A domain and its problem as formatted PDDL text.
public struct GeneratedPDDL: Sendable, Hashable {
    public var domain: String
    public var problem: String
}

/// Why PDDL could not be generated: the model still has problems (the user's to fix), or, never
/// expected, the generated text did not validate (a bug here, reported with the diagnostics).
public enum GenerationError: Error, Sendable, CustomStringConvertible {
    case incompleteModel([ModelProblem])
    case internalInconsistency([String])

    public var description: String {
        switch self {
        case .incompleteModel(let problems): problems.map(\.message).joined(separator: "\n")
        case .internalInconsistency(let messages): "generated PDDL did not validate (a bug): " + messages.joined(separator: "; ")
        }
    }
}

/// Turns a `DomainModel` into PDDL deterministically: the same model always gives the same text
/// (declaration order is kept, requirements are derived from what is used), formatted with the
/// project's formatter. Only models without `problems` are accepted, and the result is checked
/// with the validator before it is returned, so callers never see PDDL that does not validate.
public struct PDDLGenerator: Sendable {
    public init() {}

    public func generate(_ model: DomainModel) throws(GenerationError) -> GeneratedPDDL {
        let problems = model.problems
        guard problems.isEmpty else { throw .incompleteModel(problems) }
        let domain = format(domainText(model))
        let problem = format(problemText(model))
        let report = ValidationReport.validate(domain: SourceText(name: "domain.pddl", text: domain),
                                               problem: SourceText(name: "problem.pddl", text: problem))
        let errors = report.diagnostics.filter(\.isError)
        guard errors.isEmpty else { throw .internalInconsistency(errors.map(\.description)) }
        return GeneratedPDDL(domain: domain, problem: problem)
    }

    /// The problem's name in the generated PDDL.
    public static func problemName(of model: DomainModel) -> String { model.name + "-problem" }

    private func format(_ text: String) -> String {
        switch PDDLFormatter().format(text) {
        case .success(let formatted): formatted
        case .failure: text  // the validation step above reports anything that went wrong
        }
    }

    func requirements(of model: DomainModel) -> [String] {
        var result = [":strips", ":typing"]
        let conditions = model.actions.flatMap(\.preconditions) + model.goal
        if conditions.contains(where: { $0.negated && !$0.isEquality }) { result.append(":negative-preconditions") }
        if conditions.contains(where: \.isEquality) { result.append(":equality") }
        return result
    }

    func domainText(_ model: DomainModel) -> String {
        var lines = ["(define (domain \(model.name))", "(:requirements \(requirements(of: model).joined(separator: " ")))"]
        if !model.types.isEmpty {
            lines.append("(:types " + model.types.map { "\($0.name) - \($0.parent ?? DomainModel.rootType)" }.joined(separator: " ") + ")")
        }
        lines.append("(:predicates " + model.predicates.map { "(\($0.name)\(typedList($0.parameters)))" }.joined(separator: " ") + ")")
        for action in model.actions {
            let variables = Set(action.parameters.map(\.name))
            lines.append("(:action \(action.name)")
            lines.append(":parameters (\(typedList(action.parameters).dropFirst()))")
            lines.append(":precondition (and \(action.preconditions.map { condition($0, variables: variables) }.joined(separator: " ")))")
            lines.append(":effect (and \(action.effects.map { condition($0, variables: variables) }.joined(separator: " "))))")
        }
        lines.append(")")
        return lines.joined(separator: "\n")
    }

    func problemText(_ model: DomainModel) -> String {
        var lines = ["(define (problem \(Self.problemName(of: model)))", "(:domain \(model.name))"]
        lines.append("(:objects " + model.objects.map { "\($0.name) - \($0.type ?? DomainModel.rootType)" }.joined(separator: " ") + ")")
        lines.append("(:init " + model.initialState.map { condition($0, variables: []) }.joined(separator: " ") + ")")
        lines.append("(:goal (and " + model.goal.map { condition($0, variables: []) }.joined(separator: " ") + "))")
        lines.append(")")
        return lines.joined(separator: "\n")
    }

    private func typedList(_ parameters: [Parameter]) -> String {
        parameters.map { " ?\($0.name) - \($0.type)" }.joined()
    }

    private func condition(_ literal: Literal, variables: Set<String>) -> String {
        let arguments = literal.arguments.map { variables.contains($0) ? "?" + $0 : $0 }
        let atom = "(\(literal.predicate)\(arguments.map { " " + $0 }.joined()))"
        return literal.negated ? "(not \(atom))" : atom
    }
}
