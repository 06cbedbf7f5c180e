/// Explains a model back in plain language, so the user can check that it says what they mean:
/// parseable is not the same as correct.
public struct ModelExplainer: Sendable {
    public init() {}

    /// One line: how many of each kind of declaration there are.
    public func summary(_ model: DomainModel) -> String {
        "The model has \(model.types.count) type(s), \(model.objects.count) object(s), \(model.predicates.count) predicate(s), "
            + "\(model.actions.count) action(s), \(model.initialState.count) initial fact(s) and \(model.goal.count) goal fact(s)."
    }

    public func explain(_ model: DomainModel) -> String {
        var lines = ["Domain '\(model.name)'" + (model.description.isEmpty ? "" : ": \(model.description)")]
        if !model.types.isEmpty {
            lines.append("Kinds of things: " + model.types.map { "\($0.name) (a kind of \($0.parent ?? DomainModel.rootType))" }.joined(separator: ", ") + ".")
        }
        if !model.objects.isEmpty {
            let grouped = Dictionary(grouping: model.objects, by: { $0.type ?? DomainModel.rootType })
            let order = model.objects.map { $0.type ?? DomainModel.rootType }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            lines.append("Objects: " + order.map { "\(grouped[$0]!.map(\.name).joined(separator: ", ")) (\($0))" }.joined(separator: "; ") + ".")
        }
        if !model.predicates.isEmpty {
            lines.append("Facts that can be true or false: " + model.predicates.map(\.description).joined(separator: ", ") + ".")
        }
        for action in model.actions { lines.append(explain(action)) }
        lines.append(model.initialState.isEmpty ? "At the start nothing is true."
                     : "At the start: " + model.initialState.map(\.description).joined(separator: ", ") + ".")
        lines.append(model.goal.isEmpty ? "There is no goal yet."
                     : "The goal is that " + model.goal.map(phrase).joined(separator: " and ") + ".")
        return lines.joined(separator: "\n")
    }

    public func explain(_ action: ActionSchema) -> String {
        let requires = action.preconditions.map(phrase)
        let adds = action.effects.filter { !$0.negated }.map(\.description)
        let deletes = action.effects.filter(\.negated).map(\.positive.description)
        var text = "Action \(action.signature): "
        text += requires.isEmpty ? "can always be done" : "can be done when " + requires.joined(separator: " and ")
        var changes: [String] = []
        if !adds.isEmpty { changes.append(adds.joined(separator: " and ") + " become\(adds.count == 1 ? "s" : "") true") }
        if !deletes.isEmpty { changes.append(deletes.joined(separator: " and ") + " no longer hold\(deletes.count == 1 ? "s" : "")") }
        text += changes.isEmpty ? "; it changes nothing." : "; afterwards " + changes.joined(separator: ", and ") + "."
        return text
    }

    func phrase(_ literal: Literal) -> String {
        if literal.isEquality, literal.arguments.count == 2 {
            return "\(literal.arguments[0]) is \(literal.negated ? "not " : "")the same as \(literal.arguments[1])"
        }
        return literal.negated ? "\(literal.positive) is false" : "\(literal) holds"
    }
}
