import Testing
@testable import Elicitation

/// The offline chat answering plain sentences: matching templates and starter lines instead of
/// "unknown statement".
@Suite("Plain descriptions, offline")
struct DescriptionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        /// A template that must be offered.
        var template: String
        /// Lines that must be among the starter lines.
        var lines: [String]
        var testDescription: String { sentence }
    }

    static let cases: [Case] = [
        Case(sentence: "Robots deliver parcels between rooms", template: "gripper",
             lines: ["type robot, parcel - locatable", "type room", "predicate at(x: locatable, l: room)",
                     "action move(a: robot, from: room, to: room) requires at(a, from) makes at(a, to), not at(a, from)",
                     "action pick-up(a: robot, x: parcel, l: room) requires at(a, l), at(x, l) makes carrying(a, x), not at(x, l)"]),
        Case(sentence: "Trucks carry packages from depots to shops.", template: "logistics",
             lines: ["type truck, package - locatable", "type depot, shop", "predicate at(x: locatable, l: depot)"]),
        Case(sentence: "An elevator moves passengers between floors", template: "miconic",
             lines: ["type elevator, passenger - locatable", "type floor"]),
        Case(sentence: "A ferry takes cars between ports, one car at a time", template: "ferry",
             lines: ["type ferry, car - locatable", "type port"]),
        Case(sentence: "Stack the blocks into towers on a table", template: "blocksworld", lines: ["type block, tower, table"]),
        Case(sentence: "A satellite takes images of stars with its camera", template: "satellite",
             lines: ["type satellite, image, star"]),
    ]

    @Test("a plain first sentence gets matching templates and starter lines, never a syntax error", arguments: cases)
    func firstSentenceIsUnderstood(_ example: Case) {
        var conversation = Conversation(templates: ElicitationSession.bundledTemplates)
        let reply = conversation.handle(example.sentence)
        #expect(!reply.isError)
        #expect(!reply.text.contains("unknown statement"), "\(reply.text)")
        #expect(reply.text.contains("Say 'template \(example.template)'"), "\(reply.text)")
        for line in example.lines {
            #expect(reply.text.contains("\n  \(line)\n") || reply.text.hasSuffix("\n  \(line)"), "missing '\(line)' in:\n\(reply.text)")
        }
        // The sentence is kept as the description and the interview moves on.
        #expect(conversation.state.model.description == example.sentence)
        #expect(conversation.state.stage == .objects)
    }

    @Test("the starter lines are accepted as typed and, with an init and a goal, make a domain the planner solves")
    func starterLinesBuildASolvableDomain() throws {
        var conversation = Conversation(templates: ElicitationSession.bundledTemplates)
        _ = conversation.handle("Robots deliver parcels between rooms")
        let lines = StarterLines.lines(for: DescriptionReading("Robots deliver parcels between rooms"))
        #expect(lines.count >= 8, "\(lines)")
        _ = Scripts.run(lines, on: &conversation)
        _ = Scripts.run(["init at(robot1, room1), at(parcel1, room1)", "goal at(parcel1, room2)"], on: &conversation)
        var last: ConversationReply?
        // 'next' through the stages (a warning asks once more), 'yes' in the review.
        for _ in 0..<14 where conversation.state.stage != .complete {
            last = conversation.handle(conversation.state.stage == .review ? "yes" : "next")
        }
        let pddl = try #require(last?.completed, "\(last?.text ?? "")")
        // pick-up, move, drop.
        #expect(try Scripts.solve(pddl) == 3)
    }

    @Test("a sentence typed in a later stage is answered with what it says, not 'unknown statement'")
    func laterSentenceIsUnderstood() {
        var conversation = Conversation(templates: ElicitationSession.bundledTemplates)
        _ = Scripts.run(["type robot, room", "next"], on: &conversation, allowing: ["next"])
        let reply = conversation.handle("Robots carry boxes between rooms")
        #expect(!reply.text.contains("unknown statement"), "\(reply.text)")
        #expect(reply.text.contains("reads as a description"))
        // Types already declared are not offered again; the new one is.
        #expect(reply.text.contains("type box"), "\(reply.text)")
        #expect(!reply.text.contains("type robot,"), "\(reply.text)")
        #expect(conversation.state.model.types.map(\.name) == ["robot", "room"])
    }

    @Test("a mistyped statement still gets its syntax error with a did-you-mean")
    func mistypedStatementStillGetsTheError() {
        var conversation = Conversation(templates: ElicitationSession.bundledTemplates)
        _ = conversation.handle("Robots deliver parcels between rooms")
        let reply = conversation.handle("predicat at(x: robot, l: room)")
        #expect(reply.isError)
        #expect(reply.text.contains("did you mean 'predicate'?"))
    }

    @Test("the reading finds the agent, the items, the places and the verbs")
    func readingFindsRoles() {
        let reading = DescriptionReading("Robots deliver parcels between rooms")
        #expect(reading.agent == "robot")
        #expect(reading.items == ["parcel"])
        #expect(reading.places == ["room"])
        #expect(reading.verbs == ["deliver"])
        let passive = DescriptionReading("Boxes are carried from the depot to the shops by trucks")
        #expect(passive.verbs == ["carry"])
        #expect(passive.places == ["depot", "shop"])
        #expect(passive.agent == "truck")
        #expect(passive.items == ["box"])
    }

    @Test("a sentence naming nothing usable falls back to the stage's question")
    func emptySentenceFallsBack() {
        var conversation = Conversation(templates: ElicitationSession.bundledTemplates)
        let reply = conversation.handle("Hello there, how are you?")
        #expect(!reply.isError)
        #expect(reply.text.hasPrefix("Thanks, noted."))
        #expect(reply.text.contains("What kinds of things"))
    }
}
