import Foundation
import Testing
@testable import Store

@Suite("Planning sessions and chats")
struct SessionTests {
    @Test("a session goes pending → running → completed, with iterations saved in order")
    func lifecycle() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("u@example.com")
        let gripper = try await t.store.domains.domain(named: "gripper", readableBy: user.id!)
        let repo = t.store.planningSessions
        let s = try await repo.create(userId: user.id!, domainId: gripper.id!, maxIterations: 3, config: #"{"threshold":0.5}"#)
        #expect(s.status == .pending && s.finishedAt == nil)
        _ = try await repo.update(s.id!, userId: user.id!, to: .running, finalPlan: nil, failureReason: nil)
        for i in 1...2 {
            _ = try await repo.appendIteration(IterationDraft(iterationNum: i, planVersion: #"["(move rooma roomb)"]"#,
                                                              aggregatedScore: 0.5 + Double(i) / 10), to: s.id!, userId: user.id!)
        }
        await #expect(throws: StoreError.self) {  // the same round twice is refused by UNIQUE(session_id, iteration_num)
            try await repo.appendIteration(IterationDraft(iterationNum: 2, planVersion: "[]"), to: s.id!, userId: user.id!)
        }
        t.clock.advance(by: 30)
        let done = try await repo.update(s.id!, userId: user.id!, to: .completed, finalPlan: #"["(move rooma roomb)"]"#, failureReason: nil)
        #expect(done.status == .completed && done.currentIteration == 2 && done.finishedAt == t.clock.now())
        #expect(try await repo.iterations(of: s.id!, userId: user.id!).map(\.iterationNum) == [1, 2])
        await #expect(throws: StoreError.conflict("session \(s.id!) is already completed")) {
            try await repo.update(s.id!, userId: user.id!, to: .running, finalPlan: nil, failureReason: nil)
        }
        await #expect(throws: StoreError.self) {
            try await repo.appendIteration(IterationDraft(iterationNum: 3, planVersion: "[]"), to: s.id!, userId: user.id!)
        }
    }

    @Test("start-up marks sessions left running or pending by a dead process as interrupted, and leaves finished ones alone")
    func interrupted() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("u@example.com")
        var crashed = StoreOptions()
        crashed.clock = t.clock
        crashed.sessionOwner = SessionOwner(pid: Int32.max, host: SessionOwner.current.host, startTime: "")  // no pid is that high
        let repo = try Store.open(DatabaseLocation(path: t.store.path, createsDirectory: false), options: crashed).planningSessions
        let running = try await repo.create(userId: user.id!, domainId: nil, maxIterations: 5, config: "{}")
        _ = try await repo.update(running.id!, userId: user.id!, to: .running, finalPlan: nil, failureReason: nil)
        let finished = try await repo.create(userId: user.id!, domainId: nil, maxIterations: 5, config: "{}")
        _ = try await repo.update(finished.id!, userId: user.id!, to: .cancelled, finalPlan: nil, failureReason: nil)
        #expect(try await repo.markInterruptedSessions() == 1)
        let after = try await repo.session(running.id!, userId: user.id!)
        #expect(after.status == .interrupted && after.failureReason?.hasPrefix("interrupted") == true && after.finishedAt != nil)
        #expect(try await repo.session(finished.id!, userId: user.id!).status == .cancelled)
        #expect(try await repo.markInterruptedSessions() == 0)
    }

    @Test("sessions and chats of one user are invisible to another")
    func privacy() async throws {
        let t = try TestStore()
        let (alice, _) = try await t.user("alice@example.com")
        let (bob, _) = try await t.user("bob@example.com")
        let s = try await t.store.planningSessions.create(userId: alice.id!, domainId: nil, maxIterations: 1, config: "{}")
        await #expect(throws: StoreError.notFound("planning session \(s.id!)")) {
            try await t.store.planningSessions.session(s.id!, userId: bob.id!)
        }
        await #expect(throws: StoreError.self) {
            try await t.store.planningSessions.appendIteration(IterationDraft(iterationNum: 1, planVersion: "[]"), to: s.id!, userId: bob.id!)
        }
        let chat = try await t.store.chats.createSession(userId: alice.id!, domainId: nil, title: "kitchen")
        await #expect(throws: StoreError.notFound("chat session \(chat.id!)")) {
            try await t.store.chats.append(.user, "hi", to: chat.id!, userId: bob.id!, elicitationState: nil, tokens: nil)
        }
        #expect(try await t.store.chats.sessions(userId: bob.id!, limit: 10).isEmpty)
    }

    @Test("chat messages are kept in order with their elicitation state, and the session sorts by activity")
    func chats() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("u@example.com")
        let chats = t.store.chats
        let first = try await chats.createSession(userId: user.id!, domainId: nil, title: "first")
        t.clock.advance(by: 1)
        let second = try await chats.createSession(userId: user.id!, domainId: nil, title: "second")
        t.clock.advance(by: 1)
        _ = try await chats.append(.user, "Robots move boxes", to: first.id!, userId: user.id!, elicitationState: "describe", tokens: nil)
        _ = try await chats.append(.assistant, "Which objects?", to: first.id!, userId: user.id!, elicitationState: "objects", tokens: 12)
        let messages = try await chats.messages(in: first.id!, userId: user.id!)
        #expect(messages.map(\.role) == [.user, .assistant])
        #expect(messages.map(\.elicitationState) == ["describe", "objects"])
        #expect(messages.last?.tokens == 12)
        #expect(try await chats.sessions(userId: user.id!, limit: 10).map(\.id) == [first.id, second.id])
        try await chats.delete(first.id!, userId: user.id!)
        #expect(try await chats.sessions(userId: user.id!, limit: 10).map(\.id) == [second.id])
    }
}
