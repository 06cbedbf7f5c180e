/// Controlled-syntax lines that start a model from a `DescriptionReading`: the kinds of things as
/// types, an `at` predicate when places are named, a `move` action for the agent, `pick-up` and
/// `drop` when it handles items, and one object of each type. Only lines that apply cleanly, in
/// order, to the current model are offered — the user can type them as they are.
public enum StarterLines {
    public static func lines(for reading: DescriptionReading, model: DomainModel = DomainModel()) -> [String] {
        var working = model
        var accepted: [String] = []
        for line in candidates(for: reading, declared: Set(model.types.map(\.name))) {
            guard let statement = try? ControlledSyntaxParser.parse(line),
                  (try? ModelEditor(line: line).apply(statement, to: &working)) != nil else { continue }
            accepted.append(line)
        }
        return accepted
    }

    static func candidates(for reading: DescriptionReading, declared: Set<String>) -> [String] {
        let place = reading.places.first
        let movers = Array(((reading.agent.map { [$0] } ?? []) + reading.items).prefix(3))
        let places = Array(reading.places.prefix(2))
        let kinds = Array((movers + places).prefix(5))
        guard !kinds.isEmpty else { return [] }
        var lines: [String] = []
        // Several kinds of things that stand somewhere share one `at` through a common parent.
        let located: String?
        let fresh = kinds.filter { !declared.contains($0) }
        // (An existing `locatable` makes the first line fail to apply, so it is left out.)
        if declared.isEmpty, place != nil, movers.count > 1 {
            lines.append("type locatable")
            lines.append("type \(movers.joined(separator: ", ")) - locatable")
            lines.append("type \(places.joined(separator: ", "))")
            located = "locatable"
        } else {
            // With types already declared, only the new kinds are offered.
            if !fresh.isEmpty { lines.append("type \(fresh.joined(separator: ", "))") }
            located = movers.first
        }
        if let place, let located {
            lines.append("predicate at(x: \(located), l: \(place))")
            if let agent = reading.agent {
                lines.append("action move(a: \(agent), from: \(place), to: \(place)) requires at(a, from) makes at(a, to), not at(a, from)")
                if let item = reading.items.first(where: { $0 != agent }), located == "locatable" {
                    lines.append("predicate carrying(a: \(agent), x: \(item))")
                    lines.append("action pick-up(a: \(agent), x: \(item), l: \(place)) requires at(a, l), at(x, l) makes carrying(a, x), not at(x, l)")
                    lines.append("action drop(a: \(agent), x: \(item), l: \(place)) requires at(a, l), carrying(a, x) makes at(x, l), not carrying(a, x)")
                }
            }
        }
        for kind in movers where !declared.contains(kind) { lines.append("object \(kind)1 - \(kind)") }
        for kind in places where !declared.contains(kind) { lines.append("object \(kind)1, \(kind)2 - \(kind)") }
        return lines
    }
}
