import Foundation
import Testing
@testable import Store

@Suite("Domains and revisions")
struct DomainTests {
    static let v1 = "(define (domain door) (:predicates (open)))"
    static let v2 = "(define (domain door) (:predicates (open) (locked)))"
    static let problem = "(define (problem p1) (:domain door) (:init) (:goal (open)))"

    @Test("every save is a revision; history is newest first; restore adds a revision with the old text")
    func revisions() async throws {
        let t = try TestStore()
        let (user, space) = try await t.user("u@example.com")
        let domains = t.store.domains
        let created = try await domains.create(DomainDraft(name: "door", domainPddl: Self.v1), in: space.id!, by: user.id!)
        t.clock.advance(by: 60)
        let saved = try await domains.save(DomainDraft(name: "door", domainPddl: Self.v2, problemPddl: Self.problem),
                                           to: created.id!, by: user.id!, message: "add locked")
        #expect(saved.updatedAt == created.updatedAt.addingTimeInterval(60))
        let restored = try await domains.restore(created.id!, toRevision: 1, by: user.id!)
        #expect(restored.domainPddl == Self.v1)
        #expect(restored.problemPddl == nil)
        let history = try await domains.history(of: created.id!, readableBy: user.id!)
        #expect(history.map(\.revision) == [3, 2, 1])
        #expect(history.map(\.message) == ["restored revision 1", "add locked", "created"])
        #expect(history[1].domainPddl == Self.v2 && history[1].problemPddl == Self.problem)
        #expect(try await domains.domain(id: created.id!, readableBy: user.id!) == restored)
        await #expect(throws: StoreError.notFound("revision 9 of domain door")) {
            try await domains.restore(created.id!, toRevision: 9, by: user.id!)
        }
    }

    @Test("deleting a domain removes its revisions too")
    func deleteCascades() async throws {
        let t = try TestStore()
        let (user, space) = try await t.user("u@example.com")
        let d = try await t.store.domains.create(DomainDraft(name: "door", domainPddl: Self.v1), in: space.id!, by: user.id!)
        try await t.store.domains.delete(id: d.id!, by: user.id!)
        let orphans = try await t.store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM domain_revisions WHERE domain_id = ?", arguments: [d.id!])
        }
        #expect(orphans == 0)
    }

    @Test("imports .pddl files named by their define header and exports them byte for byte")
    func importExport() async throws {
        let t = try TestStore()
        let (user, space) = try await t.user("u@example.com")
        let dir = TemporaryDirectory()
        let text = "; a comment (define (domain wrong))\n" + Self.v2 + "\n"
        try text.write(toFile: dir.file("d.pddl"), atomically: true, encoding: .utf8)
        try Self.problem.write(toFile: dir.file("p.pddl"), atomically: true, encoding: .utf8)
        let imported = try await t.store.domains.importFiles(domainPath: dir.file("d.pddl"), problemPath: dir.file("p.pddl"),
                                                             into: space.id!, by: user.id!)
        #expect(imported.name == "door")
        let out = TemporaryDirectory()
        let paths = try await t.store.domains.exportFiles(imported.id!, readableBy: user.id!, to: out.path)
        #expect(paths == [out.file("door-domain.pddl"), out.file("door-problem.pddl")])
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == text)
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == Self.problem)
    }

    @Test("bad input is refused with a clear error and nothing is stored")
    func badInput() async throws {
        let t = try TestStore()
        let (user, space) = try await t.user("u@example.com")
        await #expect(throws: StoreError.invalidInput("not a PDDL domain: no (define (domain NAME) …) found")) {
            try await t.store.domains.importPDDL(domain: "(hello world)", problem: nil, into: space.id!, by: user.id!)
        }
        await #expect(throws: StoreError.invalidInput("domain name must not be empty")) {
            try await t.store.domains.create(DomainDraft(name: "  ", domainPddl: Self.v1), in: space.id!, by: user.id!)
        }
        _ = try await t.store.domains.create(DomainDraft(name: "door", domainPddl: Self.v1), in: space.id!, by: user.id!)
        await #expect(throws: StoreError.conflict("a domain named 'door' already exists in this workspace")) {
            try await t.store.domains.create(DomainDraft(name: "door", domainPddl: Self.v2), in: space.id!, by: user.id!)
        }
        #expect(try await t.store.domains.list(readableBy: user.id!, workspaceId: space.id!).count == 1)
    }

    @Test("the database itself refuses values outside the enum columns' sets")
    func checkConstraints() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("u@example.com")
        for sql in [
            "INSERT INTO planning_sessions (user_id, status, max_iterations, started_at) VALUES (\(user.id!), 'exploded', 3, '2026-01-01')",
            "INSERT INTO api_keys (user_id, name, key_hash, key_prefix, status, rate_limit, created_at) VALUES (\(user.id!), 'k', '\(String(repeating: "0", count: 64))', 'psk_abcd', 'paused', 60, '2026-01-01')",
            "INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (1, \(user.id!), 'god')",
            "INSERT INTO domains (workspace_id, name, domain_pddl, created_at, updated_at) VALUES (NULL, 'orphan', '(x)', '2026-01-01', '2026-01-01')",
            "INSERT INTO domain_revisions (domain_id, revision, name, description, domain_pddl, created_at) VALUES (999999, 1, 'n', '', '(x)', '2026-01-01')",
        ] {
            await #expect(throws: StoreError.self, "\(sql)") {
                try await t.store.database.write { db in try db.execute(sql: sql) }
            }
        }
    }
}
