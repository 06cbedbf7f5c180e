import Foundation
import GRDB

/// `UsageLog` on the SQLite file. Summaries come from the rollups (`SQLiteUsageLog+Rollup`); the
/// plain aggregate over every row (`scanSummary`) stays as the reference they are tested against
/// and as the fallback should a rollup ever disagree. `extra_data` fields (model, tokens, cost)
/// are read with `json_extract`, so LLM rows need no extra columns.
struct SQLiteUsageLog: UsageLog {
    let database: StoreDatabase

    func record(_ entry: UsageRecord) async throws {
        try await record(contentsOf: [entry])
    }

    func record(contentsOf entries: [UsageRecord]) async throws {
        try await database.write { db in
            // One cached prepared statement for the whole batch: the record's Codable path costs
            // more than SQLite itself when thousands of rows arrive at once.
            let statement = try db.cachedStatement(sql: """
                INSERT INTO usage_logs (user_id, api_key_id, endpoint, method, status_code, latency_ms, ip, extra_data, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for e in entries {
                try statement.execute(arguments: [e.userId, e.apiKeyId, e.endpoint, e.method, e.statusCode,
                                                  e.latencyMs, e.ip, e.extraData, StoreDate.text(e.createdAt)])
            }
        }
    }

    func recent(limit: Int, userId: Int64?) async throws -> [UsageRecord] {
        try await database.read { db in
            var request = UsageRecord.order(Column("id").desc).limit(limit)
            if let userId { request = request.filter(Column("user_id") == userId) }
            return try request.fetchAll(db)
        }
    }

    func summary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageSummary {
        try await database.read { db in
            try Self.rollupSummary(since: since, until: until, userId: userId, db)
                ?? Self.scanSummary(since: since, until: until, userId: userId, db)
        }
    }

    /// The plain aggregate over the raw rows (reads every row in scope).
    func scanSummary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageSummary {
        try await database.read { db in try Self.scanSummary(since: since, until: until, userId: userId, db) }
    }

    static let errorCondition = "(status_code >= 400 OR status_code = 0)"

    func keyTraffic(userId: Int64, since: Date) async throws -> [KeyTraffic] {
        // Through the key ids, so the (api_key_id, created_at) index answers it.
        try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT api_key_id, COUNT(*) AS n, SUM(\(Self.errorCondition)) AS errors FROM usage_logs
                WHERE api_key_id IN (SELECT id FROM api_keys WHERE user_id = ?) AND created_at >= ?
                GROUP BY api_key_id ORDER BY api_key_id
                """, arguments: [userId, StoreDate.text(since)]).map { row in
                KeyTraffic(keyId: row["api_key_id"], requests: row["n"], errors: row["errors"])
            }
        }
    }

    static func scanSummary(since: Date?, until: Date?, userId: Int64?, _ db: Database) throws -> UsageSummary {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let since { clauses.append("created_at >= ?"); _ = arguments.append(contentsOf: [StoreDate.text(since)]) }
        if let until { clauses.append("created_at < ?"); _ = arguments.append(contentsOf: [StoreDate.text(until)]) }
        if let userId { clauses.append("user_id = ?"); _ = arguments.append(contentsOf: [userId]) }
        let scope = clauses.isEmpty ? "1" : clauses.joined(separator: " AND ")
        let cost = "COALESCE(json_extract(extra_data, '$.cost_usd'), 0)"

        let perDay = try Row.fetchAll(db, sql: """
            SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n, SUM(\(errorCondition)) AS errors, SUM(\(cost)) AS cost
            FROM usage_logs WHERE \(scope) GROUP BY day ORDER BY day
            """, arguments: arguments).map { row in
            UsageSummary.Day(day: row["day"], requests: row["n"], errors: row["errors"], costUSD: row["cost"])
        }
        // Totals are the sum of the days: one scan fewer over json_extract.
        let count = perDay.reduce(0) { $0 + $1.requests }
        let errors = perDay.reduce(0) { $0 + $1.errors }
        let totalCost = perDay.reduce(0.0) { $0 + $1.costUSD }
        let p95ByEndpoint = try percentileByEndpoint(95, scope: scope, arguments: arguments, db)
        let perEndpoint = try Row.fetchAll(db, sql: """
            SELECT endpoint, COUNT(*) AS n, SUM(\(errorCondition)) AS errors, AVG(latency_ms) AS avg
            FROM usage_logs WHERE \(scope) GROUP BY endpoint ORDER BY n DESC, endpoint
            """, arguments: arguments).map { row in
            let endpoint: String = row["endpoint"]
            return UsageSummary.Endpoint(endpoint: endpoint, requests: row["n"], errors: row["errors"],
                                         averageLatencyMs: row["avg"], p95LatencyMs: p95ByEndpoint[endpoint] ?? 0)
        }
        let perModel = try Row.fetchAll(db, sql: """
            SELECT CAST(json_extract(extra_data, '$.model') AS TEXT) AS model, COUNT(*) AS n,
                   SUM(COALESCE(json_extract(extra_data, '$.input_tokens'), 0)) AS input,
                   SUM(COALESCE(json_extract(extra_data, '$.output_tokens'), 0)) AS output,
                   SUM(\(cost)) AS cost
            FROM usage_logs WHERE \(scope) AND json_extract(extra_data, '$.model') IS NOT NULL
            GROUP BY model ORDER BY cost DESC, model
            """, arguments: arguments).map { row in
            UsageSummary.Model(model: row["model"], calls: row["n"], inputTokens: row["input"],
                               outputTokens: row["output"], costUSD: row["cost"])
        }
        let overall = try percentiles([50, 95], count: count, scope: scope, arguments: arguments, db)
        return UsageSummary(
            requests: count, errors: errors, p50LatencyMs: overall[0], p95LatencyMs: overall[1],
            totalCostUSD: totalCost, perDay: perDay, perEndpoint: perEndpoint, perModel: perModel)
    }

    /// Nearest-rank rank for percent p of n values: ⌈p·n/100⌉, in integer arithmetic.
    static func rank(percent: Int, of n: Int) -> Int { max(1, (percent * n + 99) / 100) }

    /// Nearest-rank percentiles of latency over the scope, all from one sort.
    static func percentiles(_ percents: [Int], count: Int, scope: String, arguments: StatementArguments,
                            _ db: Database) throws -> [Double] {
        guard count > 0 else { return percents.map { _ in 0 } }
        let ranks = percents.map { rank(percent: $0, of: count) }
        var withRanks = arguments
        _ = withRanks.append(contentsOf: StatementArguments(ranks))
        let placeholders = ranks.map { _ in "?" }.joined(separator: ", ")
        let byRank = try Dictionary(Row.fetchAll(db, sql: """
            SELECT rn, latency_ms FROM (
              SELECT latency_ms, ROW_NUMBER() OVER (ORDER BY latency_ms) AS rn FROM usage_logs WHERE \(scope))
            WHERE rn IN (\(placeholders))
            """, arguments: withRanks).map { row -> (Int, Double) in (row["rn"], row["latency_ms"]) },
            uniquingKeysWith: { a, _ in a })
        return ranks.map { byRank[$0] ?? 0 }
    }

    /// The nearest-rank percentile of latency for every endpoint, from one partitioned sort.
    static func percentileByEndpoint(_ percent: Int, scope: String, arguments: StatementArguments,
                                     _ db: Database) throws -> [String: Double] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT endpoint, latency_ms FROM (
              SELECT endpoint, latency_ms,
                     ROW_NUMBER() OVER (PARTITION BY endpoint ORDER BY latency_ms) AS rn,
                     COUNT(*) OVER (PARTITION BY endpoint) AS n
              FROM usage_logs WHERE \(scope))
            WHERE rn = MAX(1, (\(percent) * n + 99) / 100)
            """, arguments: arguments)
        return Dictionary(rows.map { row -> (String, Double) in (row["endpoint"], row["latency_ms"]) },
                          uniquingKeysWith: { a, _ in a })
    }
}
