import PDDL

/// Applies a parsed statement to a `DomainModel`, checking every name against what is declared
/// so the model stays consistent; a mistake is reported with its column, an example and the
/// closest declared names.
public struct ModelEditor {
    public let line: String
    public init(line: String) { self.line = line }

    func fail(_ message: String, at word: Located, example: String, among candidates: [String] = []) -> ControlledSyntaxError {
        let hint = Suggestions.closest(to: word.text, among: candidates)
        return ControlledSyntaxError(message, column: word.column, line: line, example: example, suggestions: hint.map { [$0] } ?? [])
    }

    func checkNew(_ word: Located, kind: String, existing: [String], example: String) throws(ControlledSyntaxError) {
        if !DomainModel.isValidName(word.text) {
            throw fail("'\(word.text)' cannot name a \(kind): use a letter, then letters, digits, '-' or '_'", at: word, example: example)
        }
        if DomainModel.reservedWords.contains(word.text) || ["requires", "makes"].contains(word.text) {
            throw fail("'\(word.text)' is a keyword; choose another \(kind) name", at: word, example: example)
        }
        if existing.contains(word.text) {
            throw fail("the \(kind) '\(word.text)' already exists (say 'remove \(kind) \(word.text)' first to redefine it)", at: word, example: example)
        }
    }

    func checkType(_ word: Located, in model: DomainModel, example: String) throws(ControlledSyntaxError) {
        guard model.typeNames.contains(word.text) else {
            throw fail("the type '\(word.text)' is not declared; declare it with 'type \(word.text)'", at: word, example: example, among: model.typeNames)
        }
    }

    /// Adds or changes what `statement` declares; returns the confirmation to show the user.
    public func apply(_ statement: Statement, to model: inout DomainModel) throws(ControlledSyntaxError) -> String {
        switch statement {
        case .name(let name):
            try checkNew(name, kind: "domain", existing: [], example: SyntaxExamples.name)
            model.name = name.text
            return "The domain is called '\(name.text)'."
        case .types(let names, let parent):
            if let parent { try checkType(parent, in: model, example: SyntaxExamples.type) }
            var seen = model.typeNames
            for name in names {
                try checkNew(name, kind: "type", existing: seen, example: SyntaxExamples.type); seen.append(name.text)
            }
            model.types += names.map { TypeDeclaration($0.text, parent: parent?.text == DomainModel.rootType ? nil : parent?.text) }
            return "Added type\(names.count == 1 ? "" : "s") \(names.map(\.text).joined(separator: ", ")) (a kind of \(parent?.text ?? "object"))."
        case .objects(let names, let type):
            if let type { try checkType(type, in: model, example: SyntaxExamples.object) }
            var seen = model.objects.map(\.name)
            for name in names {
                try checkNew(name, kind: "object", existing: seen, example: SyntaxExamples.object); seen.append(name.text)
            }
            model.objects += names.map { ObjectDeclaration($0.text, type: type?.text == DomainModel.rootType ? nil : type?.text) }
            let kind = type.map { "of type \($0.text)" } ?? "without a type (say e.g. 'object \(names[0].text) - TYPE')"
            return "Added object\(names.count == 1 ? "" : "s") \(names.map(\.text).joined(separator: ", ")) \(kind)."
        case .predicate(let name, let parameters):
            try checkNew(name, kind: "predicate", existing: model.predicates.map(\.name), example: SyntaxExamples.predicate)
            try checkParameters(parameters, in: model, example: SyntaxExamples.predicate)
            let signature = PredicateSignature(name.text, parameters.map(\.parameter))
            model.predicates.append(signature)
            return "Added predicate \(signature)."
        case .action(let name, let parameters, let requires, let makes):
            try checkNew(name, kind: "action", existing: model.actions.map(\.name), example: SyntaxExamples.action)
            try checkParameters(parameters, in: model, example: SyntaxExamples.action)
            let scope = parameters.map { ($0.name.text, $0.type.text) }
            for literal in requires + makes { try checkLiteral(literal, scope: scope, in: model, example: SyntaxExamples.action, what: "parameter of the action") }
            let action = ActionSchema(name.text, parameters: parameters.map(\.parameter),
                                      preconditions: requires.map(\.literal), effects: makes.map(\.literal))
            model.actions.append(action)
            return "Added action \(action.signature)."
        case .initial(let facts):
            let scope = model.objects.map { ($0.name, $0.type ?? DomainModel.rootType) }
            for fact in facts { try checkLiteral(fact, scope: scope, in: model, example: SyntaxExamples.initial, what: "declared object") }
            let new = facts.map(\.literal).filter { !model.initialState.contains($0) }
            model.initialState += new
            return "At the start: \(facts.map(\.literal.description).joined(separator: ", "))."
        case .goal(let facts):
            let scope = model.objects.map { ($0.name, $0.type ?? DomainModel.rootType) }
            for fact in facts { try checkLiteral(fact, scope: scope, in: model, example: SyntaxExamples.goal, what: "declared object") }
            model.goal += facts.map(\.literal).filter { !model.goal.contains($0) }
            return "Goal: \(facts.map(\.literal.description).joined(separator: ", "))."
        case .remove(let target):
            return try remove(target, from: &model)
        case .template, .command:
            return ""  // handled by the conversation
        }
    }

    func checkParameters(_ parameters: [ParsedParameter], in model: DomainModel, example: String) throws(ControlledSyntaxError) {
        var seen: [String] = []
        for parameter in parameters {
            try checkNew(parameter.name, kind: "parameter", existing: seen, example: example)
            seen.append(parameter.name.text)
            try checkType(parameter.type, in: model, example: example)
        }
    }

    /// `scope`: the names usable as arguments with their types (action parameters or objects).
    func checkLiteral(_ parsed: ParsedLiteral, scope: [(String, String)], in model: DomainModel,
                      example: String, what: String) throws(ControlledSyntaxError) {
        let names = scope.map(\.0)
        for argument in parsed.arguments where !names.contains(argument.text) {
            throw fail("'\(argument.text)' is not a \(what)", at: argument, example: example, among: names)
        }
        if parsed.literal.isEquality { return }
        guard let predicate = model.predicate(named: parsed.predicate.text) else {
            throw fail("the predicate '\(parsed.predicate.text)' is not declared", at: parsed.predicate, example: example,
                       among: model.predicates.map(\.name))
        }
        guard predicate.parameters.count == parsed.arguments.count else {
            throw fail("'\(predicate.name)' takes \(predicate.parameters.count) argument(s) (\(predicate)), not \(parsed.arguments.count)",
                       at: parsed.predicate, example: example)
        }
        let types = Dictionary(scope, uniquingKeysWith: { a, _ in a })
        for (argument, parameter) in zip(parsed.arguments, predicate.parameters) {
            let type = types[argument.text] ?? DomainModel.rootType
            if !model.isSubtype(type, of: parameter.type) {
                throw fail("'\(argument.text)' is a \(type), but '\(predicate.name)' expects a \(parameter.type) here (\(predicate))",
                           at: argument, example: example)
            }
        }
    }
}
