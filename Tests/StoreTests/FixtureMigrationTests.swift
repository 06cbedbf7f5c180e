import Foundation
import GRDB
import Testing
@testable import Store

/// `Fixtures/v1.sqlite` was written by schema version 1 (regenerate only with
/// `RECORD_FIXTURES=1`, never after a v2 exists). Opening it with the current code proves a
/// database made by the first release still opens and keeps its data.
@Suite("Migrating old databases")
struct FixtureMigrationTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/v1.sqlite").path

    @Test("a database made by schema v1 opens with the current code and keeps its rows")
    func opensVersionOneFixture() async throws {
        let tmp = TemporaryDirectory()
        let copy = tmp.file("plansmith.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: copy)
        let store = try Store.open(DatabaseLocation(path: copy, createsDirectory: false))
        let user = try #require(try await store.accounts.user(email: "fixture@example.com"))
        let domains = try await store.domains.list(readableBy: user.id!, workspaceId: nil)
        #expect(domains.filter(\.isTemplate).count == DomainTemplate.all.count)
        let mine = try await store.domains.domain(named: "fixture-domain", readableBy: user.id!)
        #expect(try await store.domains.history(of: mine.id!, readableBy: user.id!).map(\.revision) == [2, 1])
        let applied = try await store.database.read { db in try SchemaMigrator.make().appliedIdentifiers(db) }
        #expect(applied == Set(SchemaMigrator.knownIdentifiers))
        #expect(try await store.database.integrityCheck() == "ok")
        // v2 added the session owner columns; the v1 session left running has none, so no live
        // process can own it: start-up marks it interrupted.
        let ownerPid = try await store.database.read { db in
            try Row.fetchOne(db, sql: "SELECT owner_pid, owner_host FROM planning_sessions").map { $0["owner_pid"] as Int64? }
        }
        #expect(ownerPid == .some(nil))
        #expect(try await store.planningSessions.markInterruptedSessions() == 1)
        #expect(try await store.planningSessions.sessions(userId: user.id!, domainId: nil, limit: 5).map(\.status) == [.interrupted])
    }

    static let fixtureV2 = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/v2.sqlite").path

    @Test("a database made by schema v2 opens and keeps its session owners; another host's running session stays running")
    func opensVersionTwoFixture() async throws {
        let tmp = TemporaryDirectory()
        let copy = tmp.file("plansmith.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixtureV2, toPath: copy)
        let store = try Store.open(DatabaseLocation(path: copy, createsDirectory: false))
        let user = try #require(try await store.accounts.user(email: "fixture@example.com"))
        let applied = try await store.database.read { db in try SchemaMigrator.make().appliedIdentifiers(db) }
        #expect(applied == Set(SchemaMigrator.knownIdentifiers))
        let owner = try await store.database.read { db in
            try Row.fetchOne(db, sql: "SELECT owner_pid, owner_host, owner_started FROM planning_sessions WHERE id = 7")
                .map { row in (row["owner_pid"] as Int64?, row["owner_host"] as String?, row["owner_started"] as String?) }
        }
        #expect(owner?.0 == 4242)
        #expect(owner?.1 == "fixture-host.example")
        #expect(owner?.2 == "123456")
        #expect(try await store.planningSessions.markInterruptedSessions() == 0)
        #expect(try await store.planningSessions.session(7, userId: user.id!).status == .running)
        #expect(try await store.database.integrityCheck() == "ok")
    }

    @Test("regenerates the v2 fixture when RECORD_FIXTURES=1", .enabled(if: ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1"))
    func recordFixtureV2() throws {
        try? FileManager.default.removeItem(atPath: Self.fixtureV2)
        let queue = try DatabaseQueue(path: Self.fixtureV2)
        try SchemaMigrator.make().migrate(queue, upTo: "v2-session-owners")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO users (id, email, password_hash, created_at) VALUES (1, 'fixture@example.com', NULL, '2026-12-05 12:00:00.000');
                INSERT INTO workspaces (id, owner_id, name, created_at) VALUES (1, 1, 'Personal', '2026-12-05 12:00:00.000');
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (1, 1, 'owner');
                INSERT INTO planning_sessions (id, user_id, status, max_iterations, started_at, owner_pid, owner_host, owner_started)
                  VALUES (7, 1, 'running', 5, '2026-12-05 12:00:00.000', 4242, 'fixture-host.example', '123456');
                """)
        }
        try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try queue.close()
    }

    @Test("regenerates the v1 fixture when RECORD_FIXTURES=1", .enabled(if: ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1"))
    func recordFixture() throws {
        try? FileManager.default.removeItem(atPath: Self.fixture)
        let queue = try DatabaseQueue(path: Self.fixture)
        try SchemaMigrator.make().migrate(queue, upTo: "v1-templates")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO users (id, email, password_hash, created_at) VALUES (1, 'fixture@example.com', NULL, '2026-11-25 12:00:00.000');
                INSERT INTO workspaces (id, owner_id, name, created_at) VALUES (1, 1, 'Personal', '2026-11-25 12:00:00.000');
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (1, 1, 'owner');
                INSERT INTO domains (id, workspace_id, name, description, domain_pddl, problem_pddl, is_public, is_template, created_at, updated_at)
                  VALUES (100, 1, 'fixture-domain', '', '(define (domain fixture-domain))', NULL, 0, 0, '2026-11-25 12:00:00.000', '2026-11-25 12:01:00.000');
                INSERT INTO domain_revisions (domain_id, revision, name, description, domain_pddl, author_id, message, created_at)
                  VALUES (100, 1, 'fixture-domain', '', '(define (domain fixture-domain))', 1, 'created', '2026-11-25 12:00:00.000'),
                         (100, 2, 'fixture-domain', '', '(define (domain fixture-domain))', 1, 'edited', '2026-11-25 12:01:00.000');
                INSERT INTO api_keys (user_id, name, key_hash, key_prefix, status, rate_limit, created_at)
                  VALUES (1, 'ci', '\(String(repeating: "ab", count: 32))', 'psk_abcd', 'active', 60, '2026-11-25 12:00:00.000');
                INSERT INTO usage_logs (user_id, endpoint, method, status_code, latency_ms, extra_data, created_at)
                  VALUES (1, '/v1/messages', 'POST', 200, 120.5, '{"model":"m","cost_usd":0.01}', '2026-11-25 12:00:00.000');
                INSERT INTO planning_sessions (user_id, domain_id, status, max_iterations, started_at) VALUES (1, 100, 'running', 5, '2026-11-25 12:00:00.000');
                """)
        }
        try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try queue.close()
    }
}
