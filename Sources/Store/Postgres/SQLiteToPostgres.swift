import Crypto
import Foundation
import GRDB
import PostgresNIO

/// What `SQLiteToPostgres.copy` moved: per table, the row count and a SHA-256 over every row
/// (in primary-key order, each column rendered canonically) on both sides.
public struct TransferReport: Sendable, Equatable {
    public struct Table: Sendable, Equatable {
        public var name: String
        public var sourceRows: Int
        public var targetRows: Int
        public var sourceHash: String
        public var targetHash: String
        public var matches: Bool { sourceRows == targetRows && sourceHash == targetHash }
    }

    public var tables: [Table]
    public var matches: Bool { tables.allSatisfy(\.matches) }
}

/// Moves a local SQLite database into an empty PostgreSQL one (`plansmith db migrate`): every row
/// of every table with its id, in one PostgreSQL transaction, then the id sequences moved past
/// the copied ids. Afterwards both sides are read back and compared by count and content hash.
public enum SQLiteToPostgres {
    enum Kind { case int, text, bool, date, double }

    /// Tables in foreign-key order, with their columns (the first is the primary key order).
    static let tables: [(name: String, order: String, columns: [(String, Kind)])] = [
        ("users", "id", [("id", .int), ("email", .text), ("password_hash", .text), ("preferences", .text),
                         ("failed_login_count", .int), ("last_failed_login_at", .date), ("created_at", .date)]),
        ("workspaces", "id", [("id", .int), ("owner_id", .int), ("name", .text), ("created_at", .date)]),
        ("workspace_members", "workspace_id, user_id", [("workspace_id", .int), ("user_id", .int), ("role", .text)]),
        ("workspace_invitations", "id", [("id", .int), ("workspace_id", .int), ("email", .text), ("role", .text),
                                         ("invited_by", .int), ("created_at", .date)]),
        ("domains", "id", [("id", .int), ("workspace_id", .int), ("name", .text), ("description", .text),
                           ("domain_pddl", .text), ("problem_pddl", .text), ("is_public", .bool), ("is_template", .bool),
                           ("created_at", .date), ("updated_at", .date)]),
        ("domain_revisions", "id", [("id", .int), ("domain_id", .int), ("revision", .int), ("name", .text),
                                    ("description", .text), ("domain_pddl", .text), ("problem_pddl", .text),
                                    ("author_id", .int), ("message", .text), ("created_at", .date)]),
        ("chat_sessions", "id", [("id", .int), ("user_id", .int), ("domain_id", .int), ("title", .text),
                                 ("created_at", .date), ("updated_at", .date)]),
        ("chat_messages", "id", [("id", .int), ("session_id", .int), ("role", .text), ("content", .text),
                                 ("elicitation_state", .text), ("tokens", .int), ("created_at", .date)]),
        ("planning_sessions", "id", [("id", .int), ("domain_id", .int), ("user_id", .int), ("status", .text),
                                     ("current_iteration", .int), ("max_iterations", .int), ("final_plan", .text),
                                     ("config", .text), ("started_at", .date), ("finished_at", .date),
                                     ("failure_reason", .text), ("owner_pid", .int), ("owner_host", .text),
                                     ("owner_started", .text)]),
        ("iterations", "id", [("id", .int), ("session_id", .int), ("iteration_num", .int), ("plan_version", .text),
                              ("critiques", .text), ("aggregated_score", .double), ("validation", .text),
                              ("created_at", .date)]),
        ("api_keys", "id", [("id", .int), ("user_id", .int), ("name", .text), ("key_hash", .text), ("key_prefix", .text),
                            ("status", .text), ("rate_limit", .int), ("last_used_at", .date), ("expires_at", .date),
                            ("created_at", .date)]),
        ("usage_logs", "id", [("id", .int), ("user_id", .int), ("api_key_id", .int), ("endpoint", .text),
                              ("method", .text), ("status_code", .int), ("latency_ms", .double), ("ip", .text),
                              ("extra_data", .text), ("created_at", .date)]),
    ]

    /// One column's value, backend-neutral.
    enum Value: Sendable, Equatable {
        case null, int(Int64), text(String), bool(Bool), date(Date), double(Double)

        /// The canonical text hashed on both sides.
        var canonical: String {
            switch self {
            case .null: return "\u{0}NULL"
            case .int(let v): return String(v)
            case .text(let v): return v
            case .bool(let v): return v ? "1" : "0"
            case .date(let v): return StoreDate.text(v)
            case .double(let v): return String(v)
            }
        }
    }

    /// Copies `source` into `target`, which must hold no accounts yet (its bundled templates are
    /// replaced by the source's, ids and all). Throws `conflict` when the target is in use.
    public static func copy(from source: StoreDatabase, to target: PostgresStoreDatabase) async throws -> TransferReport {
        let logger = target.logger
        try await target.transaction { c in
            let users = try await c.rows("SELECT COUNT(*) AS n FROM users", logger)[0].value("n", as: Int.self)
            guard users == 0 else {
                throw StoreError.conflict("the PostgreSQL database already has \(users) account(s); migrate into an empty one")
            }
            // TRUNCATE fires no DELETE triggers: the usage rollups are emptied with the rows, and the
            // inserts below fill them again.
            let names = (tables.map(\.name) + ["usage_hourly", "usage_latency"]).joined(separator: ", ")
            try await c.query(PostgresQuery(unsafeSQL: "TRUNCATE \(names) RESTART IDENTITY CASCADE"), logger: logger)
            for table in tables {
                let rows = try await sourceRows(table, source)
                var start = 0
                let width = table.columns.count
                while start < rows.count {
                    let chunk = rows[start..<min(start + 500, rows.count)]
                    var binds = PostgresBindings(capacity: chunk.count * width)
                    var tuples: [String] = []
                    for (i, row) in chunk.enumerated() {
                        tuples.append("(" + (0..<width).map { "$\(i * width + $0 + 1)" }.joined(separator: ", ") + ")")
                        for value in row { bind(value, into: &binds) }
                    }
                    let columns = table.columns.map(\.0).joined(separator: ", ")
                    try await c.query(PostgresQuery(unsafeSQL: "INSERT INTO \(table.name) (\(columns)) VALUES \(tuples.joined(separator: ", "))",
                                                    binds: binds), logger: logger)
                    start += chunk.count
                }
                if table.order == "id" {
                    try await c.query(PostgresQuery(unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), GREATEST(COALESCE(MAX(id), 0), 1),
                                      MAX(id) IS NOT NULL) FROM \(table.name)
                        """), logger: logger)
                }
            }
        }
        return try await compare(source, target)
    }

    /// Counts and hashes every table on both sides.
    public static func compare(_ source: StoreDatabase, _ target: PostgresStoreDatabase) async throws -> TransferReport {
        var report = TransferReport(tables: [])
        for table in tables {
            let a = try await sourceRows(table, source)
            let b = try await targetRows(table, target)
            report.tables.append(.init(name: table.name, sourceRows: a.count, targetRows: b.count,
                                       sourceHash: hash(a), targetHash: hash(b)))
        }
        return report
    }

    static func hash(_ rows: [[Value]]) -> String {
        var hasher = SHA256()
        for row in rows {
            for value in row {
                hasher.update(data: Data(value.canonical.utf8))
                hasher.update(data: Data([0x1F]))
            }
            hasher.update(data: Data([0x1E]))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func sourceRows(_ table: (name: String, order: String, columns: [(String, Kind)]),
                           _ source: StoreDatabase) async throws -> [[Value]] {
        let sql = "SELECT \(table.columns.map(\.0).joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.order)"
        let kinds = table.columns.map(\.1)
        return try await source.read { db in
            try Row.fetchAll(db, sql: sql).map { row in kinds.indices.map { value(in: row, at: $0, as: kinds[$0]) } }
        }
    }

    /// One SQLite column as a `Value`. Not optimised: Swift 6.3.1's release optimiser crashed
    /// (ownership verifier, signal 6) on the inlined switch over `DatabaseValue` here.
    @_optimize(none)
    static func value(in row: Row, at index: Int, as kind: Kind) -> Value {
        switch kind {
        case .int: return (row[index] as Int64?).map(Value.int) ?? .null
        case .text: return (row[index] as String?).map(Value.text) ?? .null
        case .bool: return (row[index] as Int64?).map { Value.bool($0 != 0) } ?? .null
        case .date:
            let raw: DatabaseValue = row[index]
            return StoreDate.date(from: raw).map(Value.date) ?? .null
        case .double: return (row[index] as Double?).map(Value.double) ?? .null
        }
    }

    static func targetRows(_ table: (name: String, order: String, columns: [(String, Kind)]),
                           _ target: PostgresStoreDatabase) async throws -> [[Value]] {
        let sql = "SELECT \(table.columns.map(\.0).joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.order)"
        return try await target.rows(PostgresQuery(unsafeSQL: sql)).map { row in
            try table.columns.map { name, kind -> Value in
                switch kind {
                case .int: return try row.value(name, as: Int64?.self).map(Value.int) ?? .null
                case .text: return try row.value(name, as: String?.self).map(Value.text) ?? .null
                case .bool: return try row.value(name, as: Bool?.self).map(Value.bool) ?? .null
                case .date: return try row.value(name, as: Date?.self).map(Value.date) ?? .null
                case .double: return try row.value(name, as: Double?.self).map(Value.double) ?? .null
                }
            }
        }
    }

    static func bind(_ value: Value, into binds: inout PostgresBindings) {
        switch value {
        case .null: binds.appendNull()
        case .int(let v): binds.append(v)
        case .text(let v): binds.append(v)
        case .bool(let v): binds.append(v)
        case .date(let v): binds.append(v)
        case .double(let v): binds.append(v)
        }
    }
}
