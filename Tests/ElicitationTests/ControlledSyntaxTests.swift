import Testing
@testable import Elicitation

@Suite("Controlled syntax")
struct ControlledSyntaxTests {
    @Test("an action line gives typed parameters, preconditions with negation and inequality, and effects")
    func parsesAction() throws {
        let statement = try ControlledSyntaxParser.parse(
            "Action Drive(t: truck, from: location, to: location) requires at(t, from), not busy(t), from != to makes at(t, to), not at(t, from)")
        guard case .action(let name, let parameters, let requires, let makes)? = statement else {
            Issue.record("not an action: \(String(describing: statement))"); return
        }
        #expect(name.text == "drive")
        #expect(parameters.map(\.parameter) == [Parameter("t", "truck"), Parameter("from", "location"), Parameter("to", "location")])
        #expect(requires.map(\.literal) == [Literal("at", ["t", "from"]), Literal("busy", ["t"], negated: true),
                                            Literal("=", ["from", "to"], negated: true)])
        #expect(makes.map(\.literal) == [Literal("at", ["t", "to"]), Literal("at", ["t", "from"], negated: true)])
    }

    @Test("type, object, predicate, init, goal and remove lines parse")
    func parsesDeclarations() throws {
        #expect(try ControlledSyntaxParser.parse("type truck, package - object")
                == .types([Located("truck", column: 6), Located("package", column: 13)], parent: Located("object", column: 23)))
        guard case .predicate(let name, let parameters)? = try ControlledSyntaxParser.parse("predicate handempty") else { Issue.record("predicate"); return }
        #expect(name.text == "handempty" && parameters.isEmpty)
        guard case .goal(let goal)? = try ControlledSyntaxParser.parse("goal at(p1, shop), not at(p2, shop)") else { Issue.record("goal"); return }
        #expect(goal.map(\.literal) == [Literal("at", ["p1", "shop"]), Literal("at", ["p2", "shop"], negated: true)])
        guard case .remove(.initial(let fact))? = try ControlledSyntaxParser.parse("remove init at(t1, depot)") else { Issue.record("remove"); return }
        #expect(fact.literal == Literal("at", ["t1", "depot"]))
        #expect(try ControlledSyntaxParser.parse("   ") == nil)
        #expect(try ControlledSyntaxParser.parse("BACK") == .command(.back))
    }

    @Test("syntax errors point at the column, show an example and suggest the intended word", arguments: [
        ("action drive(t truck) makes at(t)", 16, "expected ':'", nil as String?),
        ("action drive(t: truck) reqires at(t) makes at(t)", 24, "expected 'makes'", "requires"),
        ("init not at(t1, depot)", 6, "'not' is not allowed here", nil),
        ("objet t1 - truck", 1, "unknown statement 'objet'", "object"),
        ("goal at(p1, shop", 17, "expected ')'", nil),
        ("remove thing x", 8, "cannot remove a 'thing'", nil),
    ])
    func errorsAreExplained(line: String, column: Int, message: String, suggestion: String?) {
        #expect {
            _ = try ControlledSyntaxParser.parse(line)
        } throws: { error in
            guard let error = error as? ControlledSyntaxError else { return false }
            let ok = error.column == column && error.message.contains(message) && !error.example.isEmpty
                && (suggestion.map { error.suggestions.contains($0) } ?? true)
            if !ok { Issue.record("\(error)") }
            return ok
        }
    }

    @Test("help lists every statement kind with an example")
    func helpListsTheLanguage() {
        var conversation = Conversation()
        let help = conversation.handle("help").text
        for example in [SyntaxExamples.type, SyntaxExamples.object, SyntaxExamples.predicate, SyntaxExamples.action,
                        SyntaxExamples.initial, SyntaxExamples.goal, SyntaxExamples.remove, SyntaxExamples.template] {
            #expect(help.contains(example))
        }
    }
}
