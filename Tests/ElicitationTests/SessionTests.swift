import Foundation
import Store
import Testing
@testable import Elicitation

@Suite("Persisted sessions")
struct SessionTests {
    @Test("a conversation resumes where it stopped from a new Store on the same file, then saves the domain")
    func resumesAcrossStoreInstances() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let split = 10
        let sessionId: Int64
        do {
            let store = try fixture.open()
            let user = try await fixture.user(in: store)
            let session = try await ElicitationSession.start(store: store, userId: user)
            sessionId = session.sessionId
            for line in Scripts.gripper.prefix(split) { _ = try await session.send(line) }
        }
        let store = try fixture.open()
        let user = try await fixture.user(in: store)
        #expect(try await ElicitationSession.latestUnfinished(store: store, userId: user) == sessionId)
        let resumed = try await ElicitationSession.resume(store: store, userId: user, sessionId: sessionId)
        #expect(await resumed.state.stage == .predicates)
        #expect(await resumed.state.model.objects.count == 7)
        var last: ConversationReply?
        for line in Scripts.gripper.dropFirst(split) { last = try await resumed.send(line) }
        if last?.stage != .complete { last = try await resumed.send("yes") }
        #expect(last?.stage == .complete, "\(last?.text ?? "")")
        #expect(last?.text.contains("Saved as the new domain 'gripper'") == true)

        let history = try await resumed.history()
        #expect(history.filter { $0.role == .user }.count >= Scripts.gripper.count)
        #expect(history.first?.role == .assistant)
        let saved = try await store.domains.domain(named: "gripper", readableBy: user)
        #expect(!saved.isTemplate)
        #expect(saved.problemPddl?.contains("(:goal") == true)
        #expect(try await ElicitationSession.latestUnfinished(store: store, userId: user) == nil)
    }

    @Test("completing again for the same domain saves a new revision")
    func secondCompletionIsANewRevision() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let store = try fixture.open()
        let user = try await fixture.user(in: store)
        for _ in 0..<2 {
            let session = try await ElicitationSession.start(store: store, userId: user, domainName: "coffee-robot")
            var last: ConversationReply?
            for line in Scripts.coffee { last = try await session.send(line) }
            if last?.stage != .complete { last = try await session.send("yes") }
            #expect(last?.stage == .complete, "\(last?.text ?? "")")
        }
        let domain = try await store.domains.domain(named: "coffee-robot", readableBy: user)
        let history = try await store.domains.history(of: domain.id!, readableBy: user)
        #expect(history.count == 2)
    }

    @Test("starting with --domain of a template loads it and goes straight to review")
    func startsFromATemplateRecord() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let store = try fixture.open()
        let user = try await fixture.user(in: store)
        let session = try await ElicitationSession.start(store: store, userId: user, domainName: "gripper")
        #expect(await session.state.stage == .review)
        #expect(await session.state.model.actions.map(\.name).sorted() == ["drop", "move", "pick"])
        let reply = try await session.send("yes")
        #expect(reply.stage == .complete, "\(reply.text)")
    }

    @Test("each user message is committed before its reply, and a message left without reply (a crash) does not lose the state")
    func messagesAreCommittedInOrder() async throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        let store = try fixture.open()
        let user = try await fixture.user(in: store)
        let session = try await ElicitationSession.start(store: store, userId: user)
        _ = try await session.send("A robot moves between rooms.")
        _ = try await session.send("type room")
        let messages = try await session.history()
        #expect(messages.map(\.role) == [.assistant, .user, .assistant, .user, .assistant])
        #expect(messages.filter { $0.role == .user }.allSatisfy { $0.elicitationState == nil })
        #expect(messages.filter { $0.role == .assistant }.allSatisfy { $0.elicitationState != nil })
        // The process dies after committing a user message but before answering it.
        _ = try await store.chats.append(.user, "object r1 - room", to: session.sessionId, userId: user, elicitationState: nil, tokens: nil)
        let resumed = try await ElicitationSession.resume(store: try fixture.open(), userId: user, sessionId: session.sessionId)
        #expect(await resumed.state.stage == .objects)
        #expect(await resumed.state.model.types == [TypeDeclaration("room")])
        #expect(await resumed.openingText.contains("What kinds of things"))
    }
}
