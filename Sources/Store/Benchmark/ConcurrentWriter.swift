import Foundation
import GRDB

/// One writer process of the kill -9 check: `tasks` concurrent tasks on one store (SQLite file
/// or PostgreSQL URL), each alternating a batch of usage rows and a new revision of its own
/// domain until `seconds` pass. After each write returns (committed), `acknowledge` gets a line:
/// "usage TAG TASK SEQ" or "revision TAG TASK SEQ". The process that runs this writes those lines
/// with write(2), so a line on its stdout proves the commit happened before any kill.
public enum ConcurrentWriter {
    public static let endpoint = "/bench/writer"
    public static let rowsPerBatch = 4
    static let domainText = "(define (domain counter) (:requirements :strips) (:predicates (done)) (:action finish :parameters () :precondition () :effect (done)))"

    public static func run(location: String, tag: String, tasks: Int, seconds: Double,
                           acknowledge: @escaping @Sendable (String) -> Void) async throws {
        let target = try await WriterTarget.open(location, email: "writer-\(tag)@example.com", connections: tasks)
        defer { target.close() }
        let deadline = Date().addingTimeInterval(seconds)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    let name = "writer-\(tag)-\(task)"
                    let domain = try await target.domains.create(DomainDraft(name: name, domainPddl: domainText),
                                                                 in: target.workspaceId, by: target.userId)
                    var seq = 0
                    while Date() < deadline {
                        let rows = (0..<rowsPerBatch).map { row in
                            UsageRecord(userId: target.userId, endpoint: endpoint, method: "POST", statusCode: 200,
                                        latencyMs: Double(seq % 1000) + Double(row) / 4,
                                        extraData: #"{"batch":"\#(tag)/\#(task)/\#(seq)","row":\#(row)}"#, createdAt: Date())
                        }
                        do {
                            try await target.usage.record(contentsOf: rows)
                            acknowledge("usage \(tag) \(task) \(seq)")
                            _ = try await target.domains.save(
                                DomainDraft(name: name, domainPddl: domainText + "\n; \(seq)"), to: domain.id!,
                                by: target.userId, message: "writer \(tag) \(task) \(seq)")
                            acknowledge("revision \(tag) \(task) \(seq)")
                        } catch StoreError.busy {
                            // Another process held the SQLite write lock past the timeout: not
                            // acknowledged, so not expected; try the next one.
                        }
                        seq += 1
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

/// What the check finds in the database after the writers stopped (one of them by SIGKILL).
public struct WriterAudit: Sendable, Codable, Equatable {
    public var acknowledgedBatches = 0
    public var acknowledgedRevisions = 0
    /// Acknowledged but not in the database (must be 0).
    public var missingBatches = 0
    public var missingRevisions = 0
    /// Batches present with fewer or more rows than written (must be 0: a batch is one transaction).
    public var partialBatches = 0
    /// Batches and revisions present (acknowledged or committed just before the kill).
    public var presentBatches = 0
    public var presentRevisions = 0
    /// SQLite: `PRAGMA integrity_check`; PostgreSQL: amcheck over the usage indexes, or what was checked.
    public var integrity = ""
    /// The writers' usage summaries from the rollups equal the plain aggregate over their rows.
    public var rollupsMatch = false

    public var passed: Bool {
        missingBatches == 0 && missingRevisions == 0 && partialBatches == 0 && rollupsMatch
            && (integrity == "ok" || integrity.hasPrefix("amcheck ok"))
    }

    /// Checks the lines `acknowledged` (from all writers) against the database at `location`.
    public static func audit(location: String, acknowledged lines: [String], tags: [String]) async throws -> WriterAudit {
        var audit = WriterAudit()
        var batches = Set<String>(), revisions = Set<String>()
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 4 else { continue }
            let key = "\(parts[1])/\(parts[2])/\(parts[3])"
            if parts[0] == "usage" { batches.insert(key) } else if parts[0] == "revision" { revisions.insert("writer \(parts[1]) \(parts[2]) \(parts[3])") }
        }
        audit.acknowledgedBatches = batches.count
        audit.acknowledgedRevisions = revisions.count
        let found = try await WriterTarget.written(location, tags: tags)
        audit.presentBatches = found.batches.count
        audit.presentRevisions = found.revisions.count
        audit.missingBatches = batches.filter { found.batches[$0] == nil }.count
        audit.partialBatches = found.batches.values.filter { $0 != ConcurrentWriter.rowsPerBatch }.count
        audit.missingRevisions = revisions.subtracting(found.revisions).count
        audit.integrity = found.integrity
        audit.rollupsMatch = found.rollupsMatch
        return audit
    }
}

/// The repositories a writer uses, on either backend.
struct WriterTarget: Sendable {
    let usage: any UsageLog
    let domains: any DomainRepository
    let userId: Int64
    let workspaceId: Int64
    let close: @Sendable () -> Void

    static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    static func open(_ location: String, email: String, connections: Int) async throws -> WriterTarget {
        if isPostgres(location) {
            let database = try await PostgresStoreDatabase.open(try PostgresLocation(url: location),
                                                                maximumConnections: connections)
            let store = PostgresStore(database: database, options: StoreOptions())
            let (user, workspace) = try await store.accounts.createUser(email: email)
            return WriterTarget(usage: store.usage, domains: store.domains, userId: user, workspaceId: workspace,
                                close: { store.close() })
        }
        var options = StoreOptions()
        options.busyTimeout = 10
        let store = try Store.open(DatabaseLocation(path: location, createsDirectory: false), options: options)
        let user = try await store.accounts.ensureLocalUser(email: email)
        let workspace = try await store.accounts.personalWorkspace(of: user.id!)
        return WriterTarget(usage: store.usage, domains: store.domains, userId: user.id!, workspaceId: workspace.id!,
                            close: { try? store.database.close() })
    }

    /// Writer batches (key → rows), revision messages, the integrity verdict and whether each
    /// writer's rollup summary equals the scan of its rows.
    static func written(_ location: String, tags: [String]) async throws
        -> (batches: [String: Int], revisions: Set<String>, integrity: String, rollupsMatch: Bool) {
        if isPostgres(location) {
            let store = try await PostgresStore.open(try PostgresLocation(url: location))
            defer { store.close() }
            let db = store.database
            var batches: [String: Int] = [:]
            for row in try await db.rows("""
                SELECT extra_data::jsonb->>'batch' AS batch, COUNT(*)::bigint AS n FROM usage_logs
                WHERE endpoint = \(ConcurrentWriter.endpoint) GROUP BY 1
                """) { batches[try row.value("batch")] = try row.value("n", as: Int.self) }
            let revisions = Set(try await db.rows("SELECT message FROM domain_revisions WHERE message LIKE 'writer %'")
                .map { try $0.value("message", as: String.self) })
            var matches = true
            for tag in tags {
                guard let user = try await db.rows("SELECT id FROM users WHERE email = \("writer-\(tag)@example.com")")
                    .first?.value("id", as: Int64.self) else { continue }
                let usage = PostgresUsageLog(database: db)
                let rollup = try await usage.rollupSummary(since: nil, until: nil, userId: user)
                let scan = try await usage.scanSummary(since: nil, until: nil, userId: user)
                matches = matches && rollup != nil && rollup == scan
            }
            return (batches, revisions, try await amcheck(db), matches)
        }
        let store = try Store.open(DatabaseLocation(path: location, createsDirectory: false))
        defer { try? store.database.close() }
        let integrity = try await store.database.integrityCheck()
        let endpoint = ConcurrentWriter.endpoint
        let (batches, revisions, users) = try await store.database.read { db in
            let batches = Dictionary(try Row.fetchAll(db, sql: """
                SELECT json_extract(extra_data, '$.batch') AS batch, COUNT(*) AS n FROM usage_logs
                WHERE endpoint = ? GROUP BY 1
                """, arguments: [endpoint]).map { ($0["batch"] as String, $0["n"] as Int) }, uniquingKeysWith: +)
            let revisions = Set(try String.fetchAll(db, sql: "SELECT message FROM domain_revisions WHERE message LIKE 'writer %'"))
            let users = try Int64.fetchAll(db, sql: "SELECT id FROM users WHERE email LIKE 'writer-%@example.com'")
            return (batches, revisions, users)
        }
        var matches = true
        let usage = SQLiteUsageLog(database: try store.database)
        for user in users {
            let rollup = try await store.database.read { db in
                try SQLiteUsageLog.rollupSummary(since: nil, until: nil, userId: user, db)
            }
            let scan = try await usage.scanSummary(since: nil, until: nil, userId: user)
            matches = matches && rollup != nil && rollup == scan
        }
        return (batches, revisions, integrity, matches)
    }

    /// B-tree checks of the usage and revision tables' indexes with the amcheck extension when
    /// the server has it; otherwise says so (the other checks still run).
    static func amcheck(_ db: PostgresStoreDatabase) async throws -> String {
        do {
            try await db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
            let indexes = try await db.rows("""
                SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relname IN ('usage_logs', 'usage_hourly', 'usage_latency', 'domain_revisions')
                """).map { try $0.value("name", as: String.self) }
            for index in indexes { try await db.execute("SELECT bt_index_check('\(index)'::regclass, true)") }
            return "amcheck ok (\(indexes.count) indexes, heapallindexed)"
        } catch {
            return "amcheck unavailable: \(error)"
        }
    }
}
