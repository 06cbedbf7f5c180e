import Testing
@testable import Elicitation

@Suite("Scripted conversations")
struct ConversationTests {
    @Test("scripted conversations build logistics, gripper and a coffee-robot domain that the planner solves",
          arguments: [("logistics", Scripts.logistics, 6), ("gripper", Scripts.gripper, 7), ("coffee-robot", Scripts.coffee, 7)])
    func scriptedDomainsAreSolved(name: String, script: [String], minimumPlanLength: Int) throws {
        var conversation = Conversation()
        var replies = Scripts.run(script, on: &conversation)
        // Warnings (e.g. unused objects) may ask once more; a second 'yes' accepts them.
        if replies.last?.stage != .complete { replies.append(conversation.handle("yes")) }
        let last = try #require(replies.last)
        #expect(last.stage == ElicitationStage.complete, "\(last.text)")
        let pddl = try #require(last.completed)
        #expect(pddl.domain.contains("(define (domain \(name))"))
        let solved = try Scripts.solve(pddl)
        let length = try #require(solved, "no plan found")
        #expect(length >= minimumPlanLength)
    }

    @Test("the review explains actions and goal in plain words")
    func reviewExplainsTheModel() {
        var conversation = Conversation()
        let replies = Scripts.run(Array(Scripts.gripper.dropLast()), on: &conversation)
        let review = replies.last!.text
        #expect(conversation.state.stage == .review)
        #expect(review.contains("Action pick(b: ball, r: room, g: gripper): can be done when at(b, r) holds and at-robby(r) holds and free(g) holds; afterwards carry(b, g) becomes true, and at(b, r) and free(g) no longer hold."))
        #expect(review.contains("The goal is that at(ball1, roomb) holds and at(ball2, roomb) holds and at(ball3, roomb) holds."))
    }

    @Test("back returns to the previous stage and a change made there is kept")
    func backNavigation() {
        var conversation = Conversation()
        _ = Scripts.run(Array(Scripts.gripper.prefix(12)), on: &conversation)
        #expect(conversation.state.stage == .actions)
        #expect(conversation.handle("back").stage == .predicates)
        #expect(conversation.handle("back").stage == .objects)
        _ = Scripts.run(["object ball4 - ball"], on: &conversation)
        #expect(conversation.handle("next").stage == .predicates)
        #expect(conversation.state.model.object(named: "ball4")?.type == "ball")
        #expect(conversation.handle("back").text.contains("Back to: Objects and types"))
    }

    @Test("undo reverts the last change, one step at a time")
    func undoRevertsChanges() {
        var conversation = Conversation()
        _ = Scripts.run(["type room", "object r1 - room", "object r2 - room"], on: &conversation)
        #expect(conversation.state.model.objects.map(\.name) == ["r1", "r2"])
        _ = conversation.handle("undo")
        #expect(conversation.state.model.objects.map(\.name) == ["r1"])
        _ = conversation.handle("undo"); _ = conversation.handle("undo")
        #expect(conversation.state.model.types.isEmpty)
        #expect(conversation.handle("undo").isError)
    }

    @Test("next is refused while a blocking gap remains, and the gap is the question")
    func blockingGapBecomesTheQuestion() {
        var conversation = Conversation()
        _ = conversation.handle("Move things around.")
        let reply = conversation.handle("next")
        #expect(reply.stage == .objects)
        #expect(reply.text.contains("There are no objects yet."))
    }

    @Test("mistakes keep the model unchanged and say where, with an example and a did-you-mean")
    func mistakesExplainThemselves() {
        var conversation = Conversation()
        _ = Scripts.run(["type truck, location", "object t1 - truck", "predicate at(t: truck, l: location)"], on: &conversation)
        let before = conversation.state.model
        let typo = conversation.handle("object d1 - locaton")
        #expect(typo.isError)
        #expect(typo.text.contains("error at column 13"))
        #expect(typo.text.contains("did you mean 'location'?"))
        #expect(typo.text.contains("example: object t1 - truck"))
        let wrongPredicate = conversation.handle("init att(t1, t1)")
        #expect(wrongPredicate.text.contains("did you mean 'at'?"))
        let wrongType = conversation.handle("init at(t1, t1)")
        #expect(wrongType.text.contains("'t1' is a truck, but 'at' expects a location here"))
        let keyword = conversation.handle("predicat p")
        #expect(keyword.text.contains("did you mean 'predicate'?"))
        #expect(conversation.state.model == before)
    }

    @Test("a warning (goal already true) is asked once; a second next accepts it")
    func warningsAreAskedOnce() {
        var conversation = Conversation()
        _ = Scripts.run(["A robot moves between rooms.", "type room", "object a, b - room", "next", "predicate at(r: room)", "next",
                         "action go(x: room, y: room) requires at(x) makes at(y), not at(x)", "next",
                         "init at(a)", "next", "goal at(a)"], on: &conversation)
        let first = conversation.handle("next")
        #expect(first.stage == .goal)
        #expect(first.text.contains("The goal is already true at the start"))
        #expect(first.text.contains("say 'next' again"))
        #expect(conversation.handle("next").stage == .review)
    }

    @Test("an action that can never fire is pointed out when the initial state is finished")
    func inapplicableActionIsAsked() {
        var conversation = Conversation()
        _ = Scripts.run(["A robot moves between rooms.", "type room", "object a, b - room", "next", "predicate at(r: room)", "predicate lit(r: room)", "next",
                         "action go(x: room, y: room) requires at(x), lit(y) makes at(y), not at(x)", "next",
                         "init at(a)"], on: &conversation)
        let reply = conversation.handle("next")
        #expect(reply.stage == .initialState)
        #expect(reply.text.contains("Action 'go' can never be done from the initial state: nothing ever makes at(x) and lit(y) true"))
        _ = conversation.handle("init lit(b)")
        #expect(conversation.handle("next").stage == .goal)
    }
}
