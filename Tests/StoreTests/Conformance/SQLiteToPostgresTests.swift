import Foundation
import Testing
@testable import Store

/// `plansmith db migrate`'s engine: a SQLite database copied into PostgreSQL, nothing lost.
@Suite("Moving a SQLite database to PostgreSQL", .enabled(if: Backend.postgresRequired))
struct SQLiteToPostgresTests {
    @Test("every table arrives with the same row count and content hash; the copy works as a store afterwards")
    func copiesEverything() async throws {
        let t = try TestStore()
        let (alice, workspace) = try await t.user("alice@example.com")
        let (bob, _) = try await t.user("bob@example.com")
        _ = try await t.store.workspaces.invite(email: "bob@example.com", role: .editor, to: workspace.id!, by: alice.id!)
        _ = try await t.store.workspaces.invite(email: "carol@example.com", role: .viewer, to: workspace.id!, by: alice.id!)
        let domain = try await t.store.domains.create(DomainDraft(name: "d", domainPddl: StoreConformanceTests.pddl,
                                                                  problemPddl: "(define (problem p))", isPublic: true),
                                                      in: workspace.id!, by: alice.id!)
        t.clock.advance(by: 3)
        _ = try await t.store.domains.save(DomainDraft(name: "d", domainPddl: StoreConformanceTests.pddl + " ; 2"),
                                           to: domain.id!, by: bob.id!, message: "two")
        let session = try await t.store.planningSessions.create(userId: alice.id!, domainId: domain.id!, maxIterations: 3, config: "{}")
        _ = try await t.store.planningSessions.appendIteration(
            IterationDraft(iterationNum: 0, planVersion: #"["(a)"]"#, aggregatedScore: 0.1 + 0.2), to: session.id!, userId: alice.id!)
        let chat = try await t.store.chats.createSession(userId: alice.id!, domainId: nil, title: "ünïcode ✓")
        _ = try await t.store.chats.append(.user, "line one\nline two\ttabbed ✓", to: chat.id!, userId: alice.id!,
                                           elicitationState: nil, tokens: 3)
        _ = try await t.store.apiKeys.create(userId: alice.id!, name: "ci", expiresAt: t.clock.now().addingTimeInterval(86_400))
        try await t.store.usage.record(contentsOf: UsageData.rows(userIds: [alice.id!, bob.id!, nil], start: t.clock.now()))

        let url = try await BackendFixture.freshPostgresDatabase()
        let target = try await PostgresStoreDatabase.open(try PostgresLocation(url: url))
        defer { target.close() }
        let report = try await SQLiteToPostgres.copy(from: t.store.database, to: target)
        #expect(report.matches, "\(report.tables.filter { !$0.matches })")
        let counts = Dictionary(uniqueKeysWithValues: report.tables.map { ($0.name, $0.targetRows) })
        #expect(counts["users"] == 2 && counts["usage_logs"] == 240 && counts["iterations"] == 1)
        #expect(counts["domains"] == DomainTemplate.all.count + 1 && counts["domain_revisions"] == DomainTemplate.all.count + 2)

        // The copy is a working store: reads agree with the source, and new rows get fresh ids.
        let pg = try await PostgresStore.open(try PostgresLocation(url: url))
        defer { pg.close() }
        #expect(try await pg.domains.history(of: domain.id!, readableBy: bob.id!)
                == (try await t.store.domains.history(of: domain.id!, readableBy: bob.id!)))
        #expect(try await pg.planningSessions.iterations(of: session.id!, userId: alice.id!)
                == (try await t.store.planningSessions.iterations(of: session.id!, userId: alice.id!)))
        #expect(try await pg.chats.messages(in: chat.id!, userId: alice.id!).first?.content == "line one\nline two\ttabbed ✓")
        #expect(try await pg.usage.summary(since: nil, until: nil, userId: nil)
                == (try await t.store.usage.summary(since: nil, until: nil, userId: nil)))
        let next = try await pg.domains.create(DomainDraft(name: "after", domainPddl: StoreConformanceTests.pddl),
                                               in: workspace.id!, by: alice.id!)
        #expect(next.id! > domain.id!)

        // A second copy into the now used database is refused, and changes nothing.
        await #expect(throws: StoreError.conflict("the PostgreSQL database already has 2 account(s); migrate into an empty one")) {
            try await SQLiteToPostgres.copy(from: t.store.database, to: target)
        }
        #expect(try await pg.domains.domain(id: next.id!, readableBy: alice.id!).name == "after")
    }
}
