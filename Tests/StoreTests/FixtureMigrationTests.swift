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
