import Foundation
import GRDB

/// `UsageLog.summary` on SQLite from the rollups of schema v4 (see `UsageRollup` for the plan).
/// Index choices are spelled out (INDEXED BY): without statistics the planner prefers the
/// equality on `user_id`, which would read all of a user's rows instead of one hour's or one
/// bucket's.
extension SQLiteUsageLog {
    static func rollupSummary(since: Date?, until: Date?, userId: Int64?, _ db: Database) throws -> UsageSummary? {
        let hours = UsageRollup.split(since: since, until: until, unit: 3_600)
        let days = UsageRollup.split(since: since, until: until, unit: 86_400)
        let table = "usage_logs"

        var groupParts: [String] = [], groupArguments = StatementArguments()
        if let whole = hours.whole {
            let (scope, arguments) = rollupScope(whole, column: "hour", keyLength: 13, userId: userId)
            groupParts.append("""
                SELECT substr(hour, 1, 10) AS day, endpoint, has_model, model, requests, errors, cost, latency_sum,
                       input_tokens, output_tokens
                FROM usage_hourly WHERE \(scope)
                """)
            _ = groupArguments.append(contentsOf: arguments)
        }
        for edge in hours.edges {
            let (scope, arguments) = rawScope(edge, userId: userId)
            groupParts.append("""
                SELECT substr(created_at, 1, 10) AS day, endpoint, \(SchemaV4.hasModel(table)) AS has_model,
                       COALESCE(\(SchemaV4.modelText(table)), '') AS model, 1 AS requests, \(errorCondition) AS errors,
                       \(SchemaV4.json(table, "cost_usd")) AS cost, latency_ms AS latency_sum,
                       \(SchemaV4.json(table, "input_tokens")) AS input_tokens, \(SchemaV4.json(table, "output_tokens")) AS output_tokens
                FROM usage_logs INDEXED BY usage_logs_time_cover WHERE \(scope)
                """)
            _ = groupArguments.append(contentsOf: arguments)
        }
        let groups = groupParts.isEmpty ? [] : try Row.fetchAll(db, sql: """
            SELECT day, endpoint, has_model, model, SUM(requests) AS n, SUM(errors) AS e, SUM(cost) AS c,
                   SUM(latency_sum) AS l, SUM(input_tokens) AS i, SUM(output_tokens) AS o
            FROM (\(groupParts.joined(separator: "\nUNION ALL\n")))
            GROUP BY day, endpoint, has_model, model
            """, arguments: groupArguments).map { row in
            UsageRollup.Group(day: row["day"], endpoint: row["endpoint"],
                              model: (row["has_model"] as Bool) ? row["model"] : nil, requests: row["n"],
                              errors: row["e"], cost: row["c"], latencySum: row["l"], inputTokens: row["i"],
                              outputTokens: row["o"])
        }

        // Whole days and edge pieces in separate queries, summed here: the whole days then
        // aggregate in the table's key order without a sort.
        var counts: [String: [Double: Int]] = [:]
        func add(_ rows: [Row]) {
            for row in rows { counts[row["endpoint"], default: [:]][row["bucket"], default: 0] += row["n"] as Int }
        }
        if let whole = days.whole {
            let (scope, arguments) = rollupScope(whole, column: "day", keyLength: 10, userId: userId)
            add(try Row.fetchAll(db, sql: """
                SELECT endpoint, bucket, SUM(requests) AS n FROM usage_latency WHERE \(scope) GROUP BY endpoint, bucket
                """, arguments: arguments))
        }
        var edgeParts: [String] = [], edgeArguments = StatementArguments()
        for edge in days.edges {
            let (scope, arguments) = rawScope(edge, userId: userId)
            edgeParts.append("""
                SELECT endpoint, \(SchemaV4.bucket(table)) AS bucket FROM usage_logs INDEXED BY usage_logs_time_cover WHERE \(scope)
                """)
            _ = edgeArguments.append(contentsOf: arguments)
        }
        if !edgeParts.isEmpty {
            add(try Row.fetchAll(db, sql: """
                SELECT endpoint, bucket, COUNT(*) AS n FROM (\(edgeParts.joined(separator: "\nUNION ALL\n")))
                GROUP BY endpoint, bucket
                """, arguments: edgeArguments))
        }
        let histograms = counts.mapValues { buckets in
            buckets.filter { $0.value != 0 }.map { (bucket: $0.key, count: $0.value) }.sorted { $0.bucket < $1.bucket }
        }

        guard let assembly = UsageRollup.Assembly(groups: groups, histograms: histograms) else { return nil }
        let (scope, scopeArguments) = rawScope(UsageRollup.Window(from: since, to: until), userId: userId)
        let values = try assembly.lookups.map { lookup in
            try latency(lookup, scope: scope, arguments: scopeArguments, db)
        }
        return assembly.summary(values: values)
    }

    /// The exact latency a lookup names, read from the bucket's rows in latency order.
    static func latency(_ lookup: UsageRollup.Lookup, scope: String, arguments: StatementArguments,
                        _ db: Database) throws -> Double? {
        let range = UsageRollup.latencyRange(ofBucket: lookup.bucket)
        var clauses = ["latency_ms >= ?"]
        var all = StatementArguments([range.low])
        if let high = range.high { clauses.append("latency_ms <= ?"); _ = all.append(contentsOf: [high]) }
        clauses.append("\(SchemaV4.bucket("usage_logs")) = ?"); _ = all.append(contentsOf: [lookup.bucket])
        clauses.insert("endpoint IN (\(lookup.endpoints.map { _ in "?" }.joined(separator: ", ")))", at: 0)
        all = StatementArguments(lookup.endpoints) + all
        _ = all.append(contentsOf: arguments)
        _ = all.append(contentsOf: [lookup.offset])
        return try Double.fetchOne(db, sql: """
            SELECT latency_ms FROM usage_logs INDEXED BY usage_logs_endpoint_latency
            WHERE \(clauses.joined(separator: " AND ")) AND \(scope) ORDER BY latency_ms LIMIT 1 OFFSET ?
            """, arguments: all)
    }

    /// Raw rows in a window (created_at compared as text, as written) for one user or all.
    static func rawScope(_ window: UsageRollup.Window, userId: Int64?) -> (String, StatementArguments) {
        var clauses: [String] = [], arguments = StatementArguments()
        if let from = window.from { clauses.append("created_at >= ?"); _ = arguments.append(contentsOf: [StoreDate.text(from)]) }
        if let to = window.to { clauses.append("created_at < ?"); _ = arguments.append(contentsOf: [StoreDate.text(to)]) }
        if let userId { clauses.append("user_id = ?"); _ = arguments.append(contentsOf: [userId]) }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    /// Rollup rows for whole units in a window: the unit key is the first `keyLength` characters
    /// of the stored date text, so it compares as the dates do.
    static func rollupScope(_ window: UsageRollup.Window, column: String, keyLength: Int,
                            userId: Int64?) -> (String, StatementArguments) {
        var clauses: [String] = [], arguments = StatementArguments()
        if let userId { clauses.append("user_key = ?"); _ = arguments.append(contentsOf: [userId]) }
        if let from = window.from {
            clauses.append("\(column) >= ?"); _ = arguments.append(contentsOf: [String(StoreDate.text(from).prefix(keyLength))])
        }
        if let to = window.to {
            clauses.append("\(column) < ?"); _ = arguments.append(contentsOf: [String(StoreDate.text(to).prefix(keyLength))])
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }
}
