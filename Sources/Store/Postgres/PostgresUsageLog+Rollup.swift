import Foundation
import PostgresNIO

/// `UsageLog.summary` on PostgreSQL from the rollups of migration "v4-usage-rollups" (see
/// `UsageRollup`), all in one read-only snapshot so the rollups and the raw rows agree.
extension PostgresUsageLog {
    /// Builds SQL with positional parameters.
    struct Query {
        var binds = PostgresBindings()
        private var count = 0

        mutating func bind<T: PostgresNonThrowingEncodable>(_ value: T, _ type: String) -> String {
            binds.append(value)
            count += 1
            return "$\(count)::\(type)"
        }

        mutating func rawScope(_ window: UsageRollup.Window, userId: Int64?) -> String {
            var clauses: [String] = []
            if let from = window.from { clauses.append("created_at >= \(bind(PostgresDate.rounded(from), "timestamptz"))") }
            if let to = window.to { clauses.append("created_at < \(bind(PostgresDate.rounded(to), "timestamptz"))") }
            if let userId { clauses.append("user_id = \(bind(userId, "bigint"))") }
            return clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND ")
        }

        /// Whole units: `column` holds each unit's start, and the window's ends are unit starts.
        mutating func rollupScope(_ window: UsageRollup.Window, column: String, userId: Int64?) -> String {
            var clauses: [String] = []
            if let userId { clauses.append("user_key = \(bind(userId, "bigint"))") }
            if let from = window.from { clauses.append("\(column) >= \(bind(from, "timestamptz"))") }
            if let to = window.to { clauses.append("\(column) < \(bind(to, "timestamptz"))") }
            return clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND ")
        }
    }

    func rollupSummary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageSummary? {
        let hours = UsageRollup.split(since: since, until: until, unit: 3_600)
        let days = UsageRollup.split(since: since, until: until, unit: 86_400)
        let database = database

        var groups = Query(), groupParts: [String] = []
        if let whole = hours.whole {
            groupParts.append("""
                SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, endpoint, has_model, model, requests, errors,
                       cost, latency_sum, input_tokens, output_tokens
                FROM usage_hourly WHERE \(groups.rollupScope(whole, column: "hour", userId: userId))
                """)
        }
        for edge in hours.edges {
            groupParts.append("""
                SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), endpoint, j->>'model' IS NOT NULL,
                       COALESCE(j->>'model', ''), 1, \(Self.errorCondition), COALESCE((j->>'cost_usd')::float8, 0), latency_ms,
                       COALESCE((j->>'input_tokens')::numeric, 0), COALESCE((j->>'output_tokens')::numeric, 0)
                FROM (SELECT *, extra_data::jsonb AS j FROM usage_logs WHERE \(groups.rawScope(edge, userId: userId))) edge
                """)
        }
        var histogram = Query(), histogramParts: [String] = []
        if let whole = days.whole {
            histogramParts.append("""
                SELECT endpoint, bucket, requests FROM usage_latency
                WHERE \(histogram.rollupScope(whole, column: "day", userId: userId))
                """)
        }
        for edge in days.edges {
            histogramParts.append("""
                SELECT endpoint, \(PostgresSchema.bucketOfLatency), 1 FROM usage_logs
                WHERE \(histogram.rawScope(edge, userId: userId))
                """)
        }

        return try await database.transaction { c in
            try await c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: database.logger)
            let groupRows = groupParts.isEmpty ? [] : try await c.rows(PostgresQuery(unsafeSQL: """
                SELECT day, endpoint, has_model, model, SUM(requests)::bigint AS n, SUM(errors)::bigint AS e,
                       SUM(cost)::float8 AS c, SUM(latency_sum)::float8 AS l, SUM(input_tokens)::bigint AS i,
                       SUM(output_tokens)::bigint AS o
                FROM (\(groupParts.joined(separator: "\nUNION ALL\n"))) parts (day, endpoint, has_model, model, requests,
                      errors, cost, latency_sum, input_tokens, output_tokens)
                GROUP BY day, endpoint, has_model, model
                """, binds: groups.binds), database.logger)
            let rollupGroups = try groupRows.map { row in
                UsageRollup.Group(
                    day: try row.value("day"), endpoint: try row.value("endpoint"),
                    model: try row.value("has_model", as: Bool.self) ? try row.value("model") : nil,
                    requests: try row.value("n"), errors: try row.value("e"), cost: try row.value("c"),
                    latencySum: try row.value("l"), inputTokens: try row.value("i"), outputTokens: try row.value("o"))
            }
            var histograms: [String: [(bucket: Double, count: Int)]] = [:]
            if !histogramParts.isEmpty {
                for row in try await c.rows(PostgresQuery(unsafeSQL: """
                    SELECT endpoint, bucket::float8 AS bucket, SUM(requests)::bigint AS n
                    FROM (\(histogramParts.joined(separator: "\nUNION ALL\n"))) parts (endpoint, bucket, requests)
                    GROUP BY endpoint, bucket HAVING SUM(requests) <> 0 ORDER BY endpoint, bucket
                    """, binds: histogram.binds), database.logger) {
                    histograms[try row.value("endpoint"), default: []].append((try row.value("bucket"), try row.value("n")))
                }
            }
            guard let assembly = UsageRollup.Assembly(groups: rollupGroups, histograms: histograms) else { return nil }
            var values: [Double?] = []
            for lookup in assembly.lookups {
                var query = Query()
                let range = UsageRollup.latencyRange(ofBucket: lookup.bucket)
                var clauses = [query.rawScope(UsageRollup.Window(from: since, to: until), userId: userId)]
                clauses.append("endpoint = ANY(\(query.bind(lookup.endpoints, "text[]")))")
                clauses.append("latency_ms >= \(query.bind(range.low, "float8"))")
                if let high = range.high { clauses.append("latency_ms <= \(query.bind(high, "float8"))") }
                clauses.append("\(PostgresSchema.bucketOfLatency) = \(query.bind(lookup.bucket, "float8"))")
                let offset = query.bind(Int64(lookup.offset), "bigint")
                let rows = try await c.rows(PostgresQuery(unsafeSQL: """
                    SELECT latency_ms FROM usage_logs WHERE \(clauses.joined(separator: " AND "))
                    ORDER BY latency_ms OFFSET \(offset) LIMIT 1
                    """, binds: query.binds), database.logger)
                values.append(try rows.first?.value("latency_ms", as: Double.self))
            }
            return assembly.summary(values: values)
        }
    }
}
