import Store
import Testing
@testable import Elicitation

@Suite("Templates and pasted PDDL")
struct ImportTests {
    @Test("every bundled template loads into the model and regenerates to PDDL the planner solves",
          arguments: DomainTemplate.all.map(\.name))
    func templateRoundTrip(name: String) throws {
        var conversation = Conversation(templates: ElicitationSession.bundledTemplates)
        let reply = conversation.handle("template \(name)")
        #expect(!reply.isError, "\(reply.text)")
        #expect(reply.stage == .review)
        var done = conversation.handle("yes")
        if done.stage != .complete { done = conversation.handle("yes") }
        let pddl = try #require(done.completed, "\(done.text)")
        #expect(try Scripts.solve(pddl) != nil)
    }

    @Test("an unknown template name suggests the closest one")
    func unknownTemplate() {
        var conversation = Conversation(templates: ElicitationSession.bundledTemplates)
        let reply = conversation.handle("template griper")
        #expect(reply.isError)
        #expect(reply.text.contains("did you mean 'gripper'?"))
    }

    @Test("PDDL pasted over several lines becomes the model")
    func pastedPDDL() throws {
        var conversation = Conversation()
        let template = try #require(DomainTemplate.all.first { $0.name == "gripper" })
        var reply = conversation.handle("")
        for line in template.domainPddl.split(separator: "\n") { reply = conversation.handle(String(line)) }
        #expect(!reply.isError, "\(reply.text)")
        #expect(conversation.state.model.actions.count == 3)
        for line in template.problemPddl.split(separator: "\n") { reply = conversation.handle(String(line)) }
        #expect(!reply.isError, "\(reply.text)")
        #expect(reply.stage == .review)
        #expect(!conversation.state.model.goal.isEmpty)
    }

    @Test("PDDL outside the supported fragment is refused with the reason, and nothing changes")
    func unsupportedPDDL() {
        var conversation = Conversation()
        let reply = conversation.handle("(define (domain d) (:requirements :strips :disjunctive-preconditions) (:predicates (p) (q)) (:action a :parameters () :precondition (or (p) (q)) :effect (p)))")
        #expect(reply.isError)
        #expect(reply.text.contains("or/imply/exists/forall"))
        #expect(conversation.state.model == DomainModel())
    }

    @Test("an unfinished paste can be cancelled, leaving the model as it was")
    func pasteCanBeCancelled() {
        var conversation = Conversation()
        #expect(conversation.handle("(define (domain d)").text.contains("still open"))
        let reply = conversation.handle("cancel")
        #expect(reply.text.hasPrefix("Pasting cancelled."))
        #expect(conversation.state.pasteBuffer == nil)
        #expect(!conversation.handle("type room").isError)
    }
}
