import Foundation
import Testing
@testable import Store

/// One suite, two backends: every repository test here runs on SQLite and on PostgreSQL (see
/// `Backend`). Whatever one backend does, the other must do the same: scoping, revisions,
/// iterations committed one by one, interrupted sessions, chats and usage aggregates.
@Suite("Store conformance: the same behaviour on SQLite and PostgreSQL")
struct StoreConformanceTests {
    static let pddl = "(define (domain d) (:requirements :strips) (:predicates (p)) (:action a :parameters () :precondition (p) :effect (not (p))))"

    @Test("another user's domain is not found; public domains are read-only to others; viewers cannot write",
          arguments: Backend.testable)
    func domainScoping(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let alice = try await f.user("alice@example.com")
        let bob = try await f.user("bob@example.com")
        let secret = try await f.domains.create(DomainDraft(name: "secret", domainPddl: Self.pddl), in: alice.workspace, by: alice.id)
        let shared = try await f.domains.create(DomainDraft(name: "shared", domainPddl: Self.pddl, isPublic: true),
                                                in: alice.workspace, by: alice.id)

        await #expect(throws: StoreError.notFound("domain \(secret.id!)")) {
            try await f.domains.domain(id: secret.id!, readableBy: bob.id)
        }
        await #expect(throws: StoreError.notFound("domain 'secret'")) {
            try await f.domains.domain(named: "secret", readableBy: bob.id)
        }
        await #expect(throws: StoreError.notFound("domain \(secret.id!)")) {
            try await f.domains.history(of: secret.id!, readableBy: bob.id)
        }
        await #expect(throws: StoreError.notFound("domain \(secret.id!)")) {
            try await f.domains.delete(id: secret.id!, by: bob.id)
        }
        await #expect(throws: StoreError.notFound("workspace \(alice.workspace)")) {
            try await f.domains.create(DomainDraft(name: "intruder", domainPddl: Self.pddl), in: alice.workspace, by: bob.id)
        }
        let bobSees = try await f.domains.list(readableBy: bob.id, workspaceId: nil)
        #expect(!bobSees.contains { $0.name == "secret" })
        #expect(bobSees.contains { $0.name == "shared" })
        // The user's and public domains first, then the templates, each by name; the same templates on both.
        #expect(bobSees.prefix(while: { !$0.isTemplate }).isEmpty == false)
        #expect(bobSees.filter(\.isTemplate).map(\.name) == DomainTemplate.all.map(\.name).sorted())
        #expect(try await f.domains.domain(id: shared.id!, readableBy: bob.id).name == "shared")
        await #expect(throws: StoreError.forbidden("'shared' is public but belongs to another workspace; copy it to change it")) {
            try await f.domains.save(DomainDraft(name: "shared", domainPddl: Self.pddl), to: shared.id!, by: bob.id, message: "x")
        }
        let blocks = try await f.domains.domain(named: "blocksworld", readableBy: bob.id)
        await #expect(throws: StoreError.forbidden("templates are read-only; copy 'blocksworld' into your workspace to change it")) {
            try await f.domains.delete(id: blocks.id!, by: bob.id)
        }
        let copy = try await f.domains.copy(blocks.id!, into: bob.workspace, as: nil, by: bob.id)
        #expect(copy.name == "blocksworld" && !copy.isTemplate && copy.workspaceId == bob.workspace)
        // By name, the user's own copy wins over the template.
        #expect(try await f.domains.domain(named: "blocksworld", readableBy: bob.id).id == copy.id)

        try await f.setMember(bob.id, role: .viewer, in: alice.workspace, owner: alice.id)
        #expect(try await f.domains.domain(id: secret.id!, readableBy: bob.id).name == "secret")
        await #expect(throws: StoreError.forbidden("viewers cannot change domains in this workspace")) {
            try await f.domains.save(DomainDraft(name: "secret", domainPddl: Self.pddl), to: secret.id!, by: bob.id, message: "x")
        }
        try await f.setMember(bob.id, role: .editor, in: alice.workspace, owner: alice.id)
        let edited = try await f.domains.save(DomainDraft(name: "secret", description: "by bob", domainPddl: Self.pddl),
                                              to: secret.id!, by: bob.id, message: "bob's edit")
        #expect(edited.description == "by bob")
        #expect(try await f.domains.list(readableBy: bob.id, workspaceId: alice.workspace).map(\.name) == ["secret", "shared"])
    }

    @Test("every save is a revision; restore appends one; names are unique per workspace; delete takes the revisions",
          arguments: Backend.testable)
    func revisions(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let me = try await f.user("me@example.com")
        let created = try await f.domains.create(DomainDraft(name: "d", domainPddl: Self.pddl, problemPddl: "(define (problem p))"),
                                                 in: me.workspace, by: me.id)
        #expect(created.createdAt == f.clock.now() && created.updatedAt == f.clock.now())
        f.clock.advance(by: 60)
        _ = try await f.domains.save(DomainDraft(name: "d", description: "two", domainPddl: Self.pddl + " ; 2"),
                                     to: created.id!, by: me.id, message: "second")
        f.clock.advance(by: 60)
        let third = try await f.domains.save(DomainDraft(name: "d2", description: "three", domainPddl: Self.pddl + " ; 3"),
                                             to: created.id!, by: me.id, message: "third")
        #expect(third.name == "d2" && third.updatedAt == f.clock.now() && third.problemPddl == nil)
        let history = try await f.domains.history(of: created.id!, readableBy: me.id)
        #expect(history.map(\.revision) == [3, 2, 1])
        #expect(history.map(\.message) == ["third", "second", "created"])
        #expect(history.last?.problemPddl == "(define (problem p))")
        #expect(history.allSatisfy { $0.authorId == me.id && $0.domainId == created.id })

        f.clock.advance(by: 60)
        let restored = try await f.domains.restore(created.id!, toRevision: 1, by: me.id)
        #expect(restored.name == "d" && restored.domainPddl == Self.pddl && restored.problemPddl == "(define (problem p))")
        let after = try await f.domains.history(of: created.id!, readableBy: me.id)
        #expect(after.map(\.revision) == [4, 3, 2, 1])
        #expect(after.first?.message == "restored revision 1")
        await #expect(throws: StoreError.notFound("revision 9 of domain d")) {
            try await f.domains.restore(created.id!, toRevision: 9, by: me.id)
        }
        await #expect(throws: StoreError.conflict("a domain named 'd' already exists in this workspace")) {
            try await f.domains.create(DomainDraft(name: "d", domainPddl: Self.pddl), in: me.workspace, by: me.id)
        }
        await #expect(throws: StoreError.invalidInput("domain PDDL must not be empty")) {
            try await f.domains.create(DomainDraft(name: "empty", domainPddl: "  "), in: me.workspace, by: me.id)
        }
        try await f.domains.delete(id: created.id!, by: me.id)
        await #expect(throws: StoreError.notFound("domain \(created.id!)")) {
            try await f.domains.history(of: created.id!, readableBy: me.id)
        }
        #expect(try await f.domains.list(readableBy: me.id, workspaceId: me.workspace).isEmpty)
    }

    @Test("each iteration is committed as it is appended (a second handle sees it at once); finished sessions take no more",
          arguments: Backend.testable)
    func iterationsCommittedOneByOne(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let me = try await f.user("me@example.com")
        let other = try await f.user("other@example.com")
        let blocks = try await f.domains.domain(named: "blocksworld", readableBy: me.id)
        let session = try await f.sessions.create(userId: me.id, domainId: blocks.id!, maxIterations: 3, config: #"{"threshold":0.5}"#)
        #expect(session.status == .pending && session.currentIteration == 0 && session.finishedAt == nil)
        _ = try await f.sessions.update(session.id!, userId: me.id, to: .running, finalPlan: nil, failureReason: nil)
        let second = try await f.reopen()
        defer { second.close() }
        for n in 0...2 {
            f.clock.advance(by: 1)
            let saved = try await f.sessions.appendIteration(
                IterationDraft(iterationNum: n, planVersion: #"["(a)"]"#, critiques: #"[{"n":\#(n)}]"#,
                               aggregatedScore: 0.25 * Double(n), validation: n == 2 ? #"{"valid":true}"# : nil),
                to: session.id!, userId: me.id)
            #expect(saved.createdAt == f.clock.now())
            let seen = try await second.sessions.iterations(of: session.id!, userId: me.id)
            #expect(seen.map(\.iterationNum) == Array(0...n))
            #expect(seen.last == saved)
            #expect(try await second.sessions.session(session.id!, userId: me.id).currentIteration == n)
        }
        await #expect(throws: StoreError.self) {  // the same round twice
            try await f.sessions.appendIteration(IterationDraft(iterationNum: 1, planVersion: "[]"), to: session.id!, userId: me.id)
        }
        await #expect(throws: StoreError.notFound("planning session \(session.id!)")) {
            try await f.sessions.iterations(of: session.id!, userId: other.id)
        }
        await #expect(throws: StoreError.notFound("planning session \(session.id!)")) {
            try await f.sessions.appendIteration(IterationDraft(iterationNum: 3, planVersion: "[]"), to: session.id!, userId: other.id)
        }
        f.clock.advance(by: 5)
        let done = try await f.sessions.update(session.id!, userId: me.id, to: .completed, finalPlan: #"["(a)"]"#, failureReason: nil)
        #expect(done.status == .completed && done.finishedAt == f.clock.now() && done.finalPlan == #"["(a)"]"#)
        #expect(done.currentIteration == 2 && done.config == #"{"threshold":0.5}"#)
        await #expect(throws: StoreError.conflict("session \(session.id!) is already completed")) {
            try await f.sessions.update(session.id!, userId: me.id, to: .running, finalPlan: nil, failureReason: nil)
        }
        await #expect(throws: StoreError.conflict("session \(session.id!) is completed; it takes no more iterations")) {
            try await f.sessions.appendIteration(IterationDraft(iterationNum: 3, planVersion: "[]"), to: session.id!, userId: me.id)
        }
        let listed = try await f.sessions.sessions(userId: me.id, domainId: blocks.id!, limit: 10)
        #expect(listed == [done])
        #expect(try await f.sessions.sessions(userId: other.id, domainId: nil, limit: 10).isEmpty)
        await #expect(throws: StoreError.invalidInput("max iterations must be at least 1")) {
            try await f.sessions.create(userId: me.id, domainId: nil, maxIterations: 0, config: "{}")
        }
    }

    @Test("start-up marks only sessions whose process is gone: not this live process's, not another host's",
          arguments: Backend.testable)
    func interruptedOnlyWhenOwnerGone(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let me = try await f.user("me@example.com")
        let mine = try await f.sessions.create(userId: me.id, domainId: nil, maxIterations: 2, config: "{}")
        let host = SessionOwner.current.host
        let crashed = try await f.reopen(owner: SessionOwner(pid: Int32.max, host: host, startTime: ""))
        defer { crashed.close() }
        let dead = try await crashed.sessions.create(userId: me.id, domainId: nil, maxIterations: 2, config: "{}")
        _ = try await crashed.sessions.update(dead.id!, userId: me.id, to: .running, finalPlan: nil, failureReason: nil)
        let remote = try await f.reopen(owner: SessionOwner(pid: Int32.max, host: "elsewhere.example", startTime: "1"))
        defer { remote.close() }
        let theirs = try await remote.sessions.create(userId: me.id, domainId: nil, maxIterations: 2, config: "{}")

        f.clock.advance(by: 10)
        #expect(try await f.sessions.markInterruptedSessions() == 1)
        let marked = try await f.sessions.session(dead.id!, userId: me.id)
        #expect(marked.status == .interrupted && marked.finishedAt == f.clock.now())
        #expect(marked.failureReason == "interrupted: Plansmith stopped while the session was running")
        #expect(try await f.sessions.session(mine.id!, userId: me.id).status == .pending)
        #expect(try await f.sessions.session(theirs.id!, userId: me.id).status == .pending)
        #expect(try await f.sessions.markInterruptedSessions() == 0)
    }

    @Test("chat messages keep their order and state; sessions sort by activity; another user's chat is not found",
          arguments: Backend.testable)
    func chats(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let me = try await f.user("me@example.com")
        let other = try await f.user("other@example.com")
        let first = try await f.chats.createSession(userId: me.id, domainId: nil, title: "first")
        f.clock.advance(by: 1)
        let second = try await f.chats.createSession(userId: me.id, domainId: nil, title: "second")
        f.clock.advance(by: 1)
        _ = try await f.chats.append(.user, "Robots move boxes", to: first.id!, userId: me.id, elicitationState: "describe", tokens: nil)
        _ = try await f.chats.append(.assistant, "Which objects?", to: first.id!, userId: me.id, elicitationState: "objects", tokens: 12)
        let messages = try await f.chats.messages(in: first.id!, userId: me.id)
        #expect(messages.map(\.role) == [.user, .assistant])
        #expect(messages.map(\.elicitationState) == ["describe", "objects"])
        #expect(messages.map(\.tokens) == [nil, 12])
        #expect(try await f.chats.sessions(userId: me.id, limit: 10).map(\.id) == [first.id, second.id])
        try await f.chats.rename(second.id!, userId: me.id, title: "renamed")
        #expect(try await f.chats.sessions(userId: me.id, limit: 10).last?.title == "renamed")
        await #expect(throws: StoreError.notFound("chat session \(first.id!)")) {
            try await f.chats.messages(in: first.id!, userId: other.id)
        }
        await #expect(throws: StoreError.notFound("chat session \(first.id!)")) {
            try await f.chats.append(.user, "hi", to: first.id!, userId: other.id, elicitationState: nil, tokens: nil)
        }
        await #expect(throws: StoreError.notFound("chat session \(first.id!)")) {
            try await f.chats.delete(first.id!, userId: other.id)
        }
        #expect(try await f.chats.sessions(userId: other.id, limit: 10).isEmpty)
        try await f.chats.delete(first.id!, userId: me.id)
        #expect(try await f.chats.sessions(userId: me.id, limit: 10).map(\.id) == [second.id])
    }

    @Test("usage: rows come back as written, newest first, scoped by user; the summary's figures are the expected ones",
          arguments: Backend.testable)
    func usageRowsAndSummary(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let me = try await f.user("me@example.com")
        let rows = UsageData.rows(userIds: [me.id, nil], start: f.clock.now())
        try await f.usage.record(contentsOf: rows)
        let recent = try await f.usage.recent(limit: 3, userId: me.id)
        let expectedRecent = rows.filter { $0.userId == me.id }.suffix(3).reversed().map { row -> UsageRecord in
            var row = row
            row.id = nil
            return row
        }
        #expect(recent.map { var r = $0; r.id = nil; return r } == Array(expectedRecent))
        let summary = try await f.usage.summary(since: nil, until: nil, userId: nil)
        #expect(summary.requests == rows.count)
        #expect(summary.errors == rows.filter { $0.statusCode >= 400 || $0.statusCode == 0 }.count)
        let sorted = rows.map(\.latencyMs).sorted()
        #expect(summary.p50LatencyMs == sorted[SQLiteUsageLog.rank(percent: 50, of: sorted.count) - 1])
        #expect(summary.p95LatencyMs == sorted[SQLiteUsageLog.rank(percent: 95, of: sorted.count) - 1])
        #expect(summary.perDay.map(\.day) == ["2027-01-15", "2027-01-16", "2027-01-17"])
        #expect(summary.perModel.map(\.model).sorted() == ["model-a", "model-b"])
        #expect(abs(summary.totalCostUSD - rows.count.quotient(over: 4) * 0.25) < 1e-9)
        let mine = try await f.usage.summary(since: nil, until: nil, userId: me.id)
        #expect(mine.requests == rows.filter { $0.userId == me.id }.count)
    }

    @Test("usage aggregates are equal on SQLite and PostgreSQL for the same rows (all time, a window, one user)",
          .enabled(if: Backend.postgresRequired))
    func usageAggregatesEqualOnBothBackends() async throws {
        let lite = try await BackendFixture.make(.sqlite)
        let pg = try await BackendFixture.make(.postgres)
        defer { lite.close(); pg.close() }
        let liteUser = try await lite.user("me@example.com")
        let pgUser = try await pg.user("me@example.com")
        #expect(liteUser.id == pgUser.id)  // both fresh: the same ids, so the rows are identical
        let rows = UsageData.rows(userIds: [liteUser.id, nil], start: lite.clock.now())
        try await lite.usage.record(contentsOf: rows)
        try await pg.usage.record(contentsOf: rows)
        let start = lite.clock.now()
        let windows: [(Date?, Date?, Int64?)] = [
            (nil, nil, nil), (start.addingTimeInterval(3_600), start.addingTimeInterval(30 * 3_600), nil),
            (nil, nil, liteUser.id), (start.addingTimeInterval(86_400), nil, liteUser.id),
        ]
        for (since, until, user) in windows {
            let a = try await lite.usage.summary(since: since, until: until, userId: user)
            let b = try await pg.usage.summary(since: since, until: until, userId: user)
            #expect(a == b, "since \(String(describing: since)) until \(String(describing: until)) user \(String(describing: user))")
            #expect(a.requests > 0)
        }
        #expect(try await lite.usage.recent(limit: 50, userId: nil) == (try await pg.usage.recent(limit: 50, userId: nil)))
    }
}

private extension Int {
    /// How many of 0..<self are multiples of `n` (the rows that carry a cost, below).
    func quotient(over n: Int) -> Double { Double((self + n - 1) / n) }
}

/// Deterministic usage rows over three days: several endpoints, errors, LLM calls with costs
/// that are exact in binary (so sums cannot differ by rounding order between backends).
enum UsageData {
    static func rows(userIds: [Int64?], start: Date) -> [UsageRecord] {
        let endpoints = ["/v1/plan", "/v1/validate", "/v1/critique"]
        let base = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC, the ManualClock's start
        _ = start
        return (0..<240).map { i in
            let created = base.addingTimeInterval(Double(i) * 900 + 0.125)  // every 15 min: spans three UTC days
            let status = i % 17 == 0 ? 500 : i % 23 == 0 ? 0 : i % 5 == 0 ? 404 : 200
            if i % 4 == 0 {
                return UsageRecord.llmCall(userId: userIds[i % userIds.count], endpoint: "/v1/messages", statusCode: status,
                                           latencyMs: Double((i * 37) % 1000) + 0.5, model: i % 8 == 0 ? "model-a" : "model-b",
                                           inputTokens: 100 + i, outputTokens: 10 + i % 7, costUSD: 0.25, createdAt: created)
            }
            return UsageRecord(userId: userIds[i % userIds.count], apiKeyId: nil, endpoint: endpoints[i % 3], method: "POST",
                               statusCode: status, latencyMs: Double((i * 53) % 700) + 0.25, ip: i % 2 == 0 ? "127.0.0.1" : nil,
                               extraData: #"{"i":\#(i)}"#, createdAt: created)
        }
    }
}
