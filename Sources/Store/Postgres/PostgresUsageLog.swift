import Foundation
import PostgresNIO

/// `UsageLog` on PostgreSQL: the same aggregates as `SQLiteUsageLog` (nearest-rank percentiles
/// from ROW_NUMBER, days in UTC), with `extra_data` read through `::jsonb`.
struct PostgresUsageLog: UsageLog {
    let database: PostgresStoreDatabase

    func record(_ entry: UsageRecord) async throws {
        try await record(contentsOf: [entry])
    }

    /// One statement per call, whatever the batch size: the columns go over as ten arrays and
    /// `unnest` turns them back into rows, so the server parses and plans one small statement
    /// instead of a VALUES list with thousands of parameters. Arrays cannot hold NULL here
    /// (postgres-nio encodes non-optional elements), so NULL ids travel as 0 (ids start at 1) and
    /// a NULL ip as a flag beside it.
    func record(contentsOf entries: [UsageRecord]) async throws {
        guard !entries.isEmpty else { return }
        let users = entries.map { $0.userId ?? 0 }, keys = entries.map { $0.apiKeyId ?? 0 }
        let endpoints = entries.map(\.endpoint), methods = entries.map(\.method)
        let statuses = entries.map { Int64($0.statusCode) }, latencies = entries.map(\.latencyMs)
        let ips = entries.map { $0.ip ?? "" }, noIP = entries.map { $0.ip == nil }
        let extras = entries.map(\.extraData), times = entries.map { PostgresDate.rounded($0.createdAt) }
        _ = try await database.rows("""
            INSERT INTO usage_logs (user_id, api_key_id, endpoint, method, status_code, latency_ms, ip, extra_data, created_at)
            SELECT NULLIF(u, 0), NULLIF(k, 0), e, m, s, l, CASE WHEN n THEN NULL ELSE i END, x, t
            FROM unnest(\(users)::bigint[], \(keys)::bigint[], \(endpoints)::text[], \(methods)::text[], \(statuses)::bigint[],
                        \(latencies)::float8[], \(ips)::text[], \(noIP)::bool[], \(extras)::text[], \(times)::timestamptz[])
                 AS r(u, k, e, m, s, l, i, n, x, t)
            """)
    }

    func recent(limit: Int, userId: Int64?) async throws -> [UsageRecord] {
        // Two spellings rather than "($1 IS NULL OR user_id = $1)", which keeps the planner off the
        // (user_id, id) index.
        let columns = "id, user_id, api_key_id, endpoint, method, status_code, latency_ms, ip, extra_data, created_at"
        let query: PostgresQuery = if let userId {
            "SELECT \(unescaped: columns) FROM usage_logs WHERE user_id = \(userId) ORDER BY id DESC LIMIT \(limit)"
        } else {
            "SELECT \(unescaped: columns) FROM usage_logs ORDER BY id DESC LIMIT \(limit)"
        }
        return try await database.rows(query).map { row in
            UsageRecord(id: try row.value("id"), userId: try row.value("user_id"), apiKeyId: try row.value("api_key_id"),
                        endpoint: try row.value("endpoint"), method: try row.value("method"),
                        statusCode: try row.value("status_code"), latencyMs: try row.value("latency_ms"),
                        ip: try row.value("ip"), extraData: try row.value("extra_data"), createdAt: try row.value("created_at"))
        }
    }

    static let errorCondition = "CASE WHEN status_code >= 400 OR status_code = 0 THEN 1 ELSE 0 END"
    static let cost = "COALESCE((extra_data::jsonb->>'cost_usd')::float8, 0)"

    func keyTraffic(userId: Int64, since: Date) async throws -> [KeyTraffic] {
        let since = PostgresDate.rounded(since)
        return try await database.rows("""
            SELECT api_key_id, COUNT(*) AS n, SUM(\(unescaped: Self.errorCondition))::bigint AS errors FROM usage_logs
            WHERE api_key_id IN (SELECT id FROM api_keys WHERE user_id = \(userId)) AND created_at >= \(since)
            GROUP BY api_key_id ORDER BY api_key_id
            """).map { row in
            KeyTraffic(keyId: try row.value("api_key_id"), requests: try row.value("n"), errors: try row.value("errors"))
        }
    }

    /// From the rollups (`PostgresUsageLog+Rollup`); the scan below is the reference and fallback.
    func summary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageSummary {
        if let summary = try await rollupSummary(since: since, until: until, userId: userId) { return summary }
        return try await scanSummary(since: since, until: until, userId: userId)
    }

    /// The plain aggregate over the raw rows (reads every row in scope).
    func scanSummary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageSummary {
        // The scope is three fixed parameters ($1..$3); NULL means "no bound".
        var scopeBinds = PostgresBindings()
        scopeBinds.append(since.map(PostgresDate.rounded))
        scopeBinds.append(until.map(PostgresDate.rounded))
        scopeBinds.append(userId)
        let scope = """
            ($1::timestamptz IS NULL OR created_at >= $1) AND ($2::timestamptz IS NULL OR created_at < $2)
            AND ($3::bigint IS NULL OR user_id = $3)
            """
        let database = database
        // One snapshot for all the queries, so the parts agree with each other.
        return try await database.transaction { c in
            try await c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: database.logger)
            func run(_ sql: String, _ binds: PostgresBindings = scopeBinds) async throws -> [PostgresRandomAccessRow] {
                try await c.rows(PostgresQuery(unsafeSQL: sql, binds: binds), database.logger)
            }
            let perDay = try await run("""
                SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, COUNT(*) AS n,
                       SUM(\(Self.errorCondition))::bigint AS errors, SUM(\(Self.cost))::float8 AS cost
                FROM usage_logs WHERE \(scope) GROUP BY day ORDER BY day
                """).map { row in
                UsageSummary.Day(day: try row.value("day"), requests: try row.value("n"), errors: try row.value("errors"),
                                 costUSD: try row.value("cost"))
            }
            let count = perDay.reduce(0) { $0 + $1.requests }
            let errors = perDay.reduce(0) { $0 + $1.errors }
            let totalCost = perDay.reduce(0.0) { $0 + $1.costUSD }
            let p95ByEndpoint = Dictionary(try await run("""
                SELECT endpoint, latency_ms FROM (
                  SELECT endpoint, latency_ms,
                         ROW_NUMBER() OVER (PARTITION BY endpoint ORDER BY latency_ms) AS rn,
                         COUNT(*) OVER (PARTITION BY endpoint) AS n
                  FROM usage_logs WHERE \(scope)) ranked
                WHERE rn = GREATEST(1, (95 * n + 99) / 100)
                """).map { row in (try row.value("endpoint", as: String.self), try row.value("latency_ms", as: Double.self)) },
                uniquingKeysWith: { a, _ in a })
            let perEndpoint = try await run("""
                SELECT endpoint, COUNT(*) AS n, SUM(\(Self.errorCondition))::bigint AS errors, AVG(latency_ms)::float8 AS avg
                FROM usage_logs WHERE \(scope) GROUP BY endpoint ORDER BY n DESC, endpoint
                """).map { row in
                let endpoint: String = try row.value("endpoint")
                return UsageSummary.Endpoint(endpoint: endpoint, requests: try row.value("n"), errors: try row.value("errors"),
                                             averageLatencyMs: try row.value("avg"), p95LatencyMs: p95ByEndpoint[endpoint] ?? 0)
            }
            let perModel = try await run("""
                SELECT extra_data::jsonb->>'model' AS model, COUNT(*) AS n,
                       SUM(COALESCE((extra_data::jsonb->>'input_tokens')::numeric, 0))::bigint AS input,
                       SUM(COALESCE((extra_data::jsonb->>'output_tokens')::numeric, 0))::bigint AS output,
                       SUM(\(Self.cost))::float8 AS cost
                FROM usage_logs WHERE \(scope) AND extra_data::jsonb->>'model' IS NOT NULL
                GROUP BY model ORDER BY cost DESC, model
                """).map { row in
                UsageSummary.Model(model: try row.value("model"), calls: try row.value("n"), inputTokens: try row.value("input"),
                                   outputTokens: try row.value("output"), costUSD: try row.value("cost"))
            }
            var overall: [Double] = [0, 0]
            if count > 0 {
                let ranks = [50, 95].map { SQLiteUsageLog.rank(percent: $0, of: count) }
                var binds = scopeBinds
                binds.append(ranks.map(Int64.init))
                let byRank = Dictionary(try await run("""
                    SELECT rn, latency_ms FROM (
                      SELECT latency_ms, ROW_NUMBER() OVER (ORDER BY latency_ms) AS rn FROM usage_logs WHERE \(scope)) ranked
                    WHERE rn = ANY($4)
                    """, binds).map { row in (try row.value("rn", as: Int.self), try row.value("latency_ms", as: Double.self)) },
                    uniquingKeysWith: { a, _ in a })
                overall = ranks.map { byRank[$0] ?? 0 }
            }
            return UsageSummary(requests: count, errors: errors, p50LatencyMs: overall[0], p95LatencyMs: overall[1],
                                totalCostUSD: totalCost, perDay: perDay, perEndpoint: perEndpoint, perModel: perModel)
        }
    }
}
