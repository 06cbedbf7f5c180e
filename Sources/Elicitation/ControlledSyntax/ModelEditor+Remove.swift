extension ModelEditor {
    /// Removes a declaration, refusing while something still uses it so the model stays consistent.
    func remove(_ target: RemovalTarget, from model: inout DomainModel) throws(ControlledSyntaxError) -> String {
        let example = SyntaxExamples.remove
        switch target {
        case .type(let word):
            guard model.type(named: word.text) != nil else {
                throw fail("there is no type '\(word.text)'", at: word, example: example, among: model.types.map(\.name))
            }
            let users = model.types.filter { $0.parent == word.text }.map { "type \($0.name)" }
                + model.objects.filter { $0.type == word.text }.map { "object \($0.name)" }
                + model.predicates.filter { $0.parameters.contains { $0.type == word.text } }.map { "predicate \($0.name)" }
                + model.actions.filter { $0.parameters.contains { $0.type == word.text } }.map { "action \($0.name)" }
            try refuse(word, usedBy: users)
            model.types.removeAll { $0.name == word.text }
        case .object(let word):
            guard model.object(named: word.text) != nil else {
                throw fail("there is no object '\(word.text)'", at: word, example: example, among: model.objects.map(\.name))
            }
            let users = (model.initialState + model.goal).filter { $0.arguments.contains(word.text) }.map(\.description)
            try refuse(word, usedBy: users)
            model.objects.removeAll { $0.name == word.text }
        case .predicate(let word):
            guard model.predicate(named: word.text) != nil else {
                throw fail("there is no predicate '\(word.text)'", at: word, example: example, among: model.predicates.map(\.name))
            }
            let users = model.actions.filter { ($0.preconditions + $0.effects).contains { $0.predicate == word.text } }.map { "action \($0.name)" }
                + (model.initialState + model.goal).filter { $0.predicate == word.text }.map(\.description)
            try refuse(word, usedBy: users)
            model.predicates.removeAll { $0.name == word.text }
        case .action(let word):
            guard model.action(named: word.text) != nil else {
                throw fail("there is no action '\(word.text)'", at: word, example: example, among: model.actions.map(\.name))
            }
            model.actions.removeAll { $0.name == word.text }
        case .initial(let parsed):
            guard model.initialState.contains(parsed.literal) else {
                throw fail("'\(parsed.literal)' is not in the initial state", at: parsed.predicate, example: "remove init at(t1, depot)",
                           among: model.initialState.map(\.predicate))
            }
            model.initialState.removeAll { $0 == parsed.literal }
            return "Removed \(parsed.literal) from the initial state."
        case .goal(let parsed):
            guard model.goal.contains(parsed.literal) else {
                throw fail("'\(parsed.literal)' is not part of the goal", at: parsed.predicate, example: "remove goal at(p1, shop)",
                           among: model.goal.map(\.predicate))
            }
            model.goal.removeAll { $0 == parsed.literal }
            return "Removed \(parsed.literal) from the goal."
        }
        return "Removed."
    }

    private func refuse(_ word: Located, usedBy users: [String]) throws(ControlledSyntaxError) {
        guard users.isEmpty else {
            throw fail("'\(word.text)' is still used by \(users.prefix(3).joined(separator: ", "))\(users.count > 3 ? " …" : ""); remove those first",
                       at: word, example: SyntaxExamples.remove)
        }
    }
}
