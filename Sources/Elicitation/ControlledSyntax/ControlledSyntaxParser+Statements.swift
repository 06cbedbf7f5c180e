import PDDL

extension ControlledSyntaxParser {
    mutating func statement() throws(ControlledSyntaxError) -> Statement {
        let first = tokens[0]
        guard first.kind == .word else {
            throw fail("a statement starts with a keyword such as 'type', 'action' or 'goal'", at: first)
        }
        position = 1
        switch first.text {
        case "name":
            example = SyntaxExamples.name
            let name = try expectName("a domain name"); try expectEnd(); return .name(name)
        case "type", "types":
            example = SyntaxExamples.type
            let (names, parent) = try nameList("a type name", typeWhat: "a parent type")
            return .types(names, parent: parent)
        case "object", "objects":
            example = SyntaxExamples.object
            let (names, type) = try nameList("an object name", typeWhat: "the objects' type")
            return .objects(names, type: type)
        case "predicate":
            example = SyntaxExamples.predicate
            let name = try expectName("a predicate name")
            let parameters = try optionalParameters()
            try expectEnd()
            return .predicate(name, parameters)
        case "action":
            return try action()
        case "init":
            example = SyntaxExamples.initial
            let facts = try literalList(allowNegation: false, allowEquality: false)
            try expectEnd(); return .initial(facts)
        case "goal":
            example = SyntaxExamples.goal
            let facts = try literalList(allowNegation: true, allowEquality: false)
            try expectEnd(); return .goal(facts)
        case "remove":
            return try removal()
        case "template":
            example = SyntaxExamples.template
            let name = try expectName("a template name"); try expectEnd(); return .template(name)
        default:
            if let command = ConversationCommand(rawValue: first.text) {
                try expectEnd(); return .command(command)
            }
            let suggestion = Suggestions.closest(to: first.text, among: Self.keywords)
            example = SyntaxExamples.action
            throw fail("unknown statement '\(first.text)'", at: first, suggestions: suggestion.map { [$0] } ?? [])
        }
    }

    /// `a, b, c [- parent]`
    mutating func nameList(_ what: String, typeWhat: String) throws(ControlledSyntaxError) -> ([Located], Located?) {
        var names = [try expectName(what)]
        while accept(",") { names.append(try expectName(what)) }
        var type: Located?
        if accept("-") { type = try expectName(typeWhat) }
        try expectEnd()
        return (names, type)
    }

    /// `(x: t, y: u)` or nothing (a predicate or action without parameters).
    mutating func optionalParameters() throws(ControlledSyntaxError) -> [ParsedParameter] {
        guard accept("(") else { return [] }
        var parameters: [ParsedParameter] = []
        if accept(")") { return [] }
        repeat {
            let name = try expectName("a parameter name")
            try expect(":", "between the parameter name '\(name.text)' and its type")
            let type = try expectName("the type of parameter '\(name.text)'")
            parameters.append(ParsedParameter(name: name, type: type))
        } while accept(",")
        try expect(")", "to close the parameter list")
        return parameters
    }

    mutating func action() throws(ControlledSyntaxError) -> Statement {
        example = SyntaxExamples.action
        let name = try expectName("an action name")
        let parameters = try optionalParameters()
        var requires: [ParsedLiteral] = [], makes: [ParsedLiteral] = []
        if acceptWord("requires") { requires = try literalList(allowNegation: true, allowEquality: true) }
        guard acceptWord("makes") else {
            let hint = current.flatMap { $0.kind == .word ? Suggestions.closest(to: $0.text, among: ["requires", "makes"]) : nil }
            throw fail("expected 'makes' and the action's effects\(found)", suggestions: hint.map { [$0] } ?? [])
        }
        makes = try literalList(allowNegation: true, allowEquality: false)
        try expectEnd()
        return .action(name, parameters, requires: requires, makes: makes)
    }

    /// `at(t, from), not at(t, to), from != to`, stopping before `makes`.
    mutating func literalList(allowNegation: Bool, allowEquality: Bool) throws(ControlledSyntaxError) -> [ParsedLiteral] {
        var literals = [try literal(allowNegation: allowNegation, allowEquality: allowEquality)]
        while accept(",") { literals.append(try literal(allowNegation: allowNegation, allowEquality: allowEquality)) }
        return literals
    }

    mutating func literal(allowNegation: Bool, allowEquality: Bool) throws(ControlledSyntaxError) -> ParsedLiteral {
        let start = current
        var negated = false
        if acceptWord("not") {
            guard allowNegation else { throw fail("'not' is not allowed here: list only the facts that are true", at: start) }
            negated = true
        }
        let first = try expectName("a fact such as at(t1, depot)")
        if !negated, let op = current, op.kind == .symbol, op.text == "=" || op.text == "!=" {
            guard allowEquality else { throw fail("'\(op.text)' is only allowed in an action's 'requires' list", at: op) }
            position += 1
            let second = try expectName("a parameter after '\(op.text)'")
            return ParsedLiteral(predicate: Located(Literal.equality, column: op.column), arguments: [first, second], negated: op.text == "!=")
        }
        var arguments: [Located] = []
        if accept("(") && !accept(")") {
            repeat { arguments.append(try expectName("an argument of '\(first.text)'")) } while accept(",")
            try expect(")", "to close the arguments of '\(first.text)'")
        }
        return ParsedLiteral(predicate: first, arguments: arguments, negated: negated)
    }

    mutating func removal() throws(ControlledSyntaxError) -> Statement {
        example = SyntaxExamples.remove
        let kinds = ["type", "object", "predicate", "action", "init", "goal"]
        guard let token = current, token.kind == .word else { throw fail("expected what to remove (\(kinds.joined(separator: ", ")))") }
        position += 1
        let target: RemovalTarget
        switch token.text {
        case "type": target = .type(try expectName("a type name"))
        case "object": target = .object(try expectName("an object name"))
        case "predicate": target = .predicate(try expectName("a predicate name"))
        case "action": target = .action(try expectName("an action name"))
        case "init": target = .initial(try literal(allowNegation: false, allowEquality: false))
        case "goal": target = .goal(try literal(allowNegation: true, allowEquality: false))
        default:
            let hint = Suggestions.closest(to: token.text, among: kinds)
            throw fail("cannot remove a '\(token.text)'; say one of \(kinds.joined(separator: ", "))", at: token, suggestions: hint.map { [$0] } ?? [])
        }
        try expectEnd()
        return .remove(target)
    }
}
