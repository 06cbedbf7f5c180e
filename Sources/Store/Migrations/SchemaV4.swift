import GRDB

/// Schema "v4-usage-rollups": the rollups `UsageRollup` reads (see there), kept by triggers so
/// every writer — this code, an older Plansmith, the sqlite3 shell — keeps them right, plus the
/// indexes that make the remaining raw reads short:
/// - `usage_logs_time_cover` replaces `usage_logs_time`: edge pieces of a window are read from
///   it alone (user, endpoint and latency are in the index);
/// - `usage_logs_endpoint_latency`: the rows of one latency bucket, in order, for the exact
///   percentile (per endpoint, or over several endpoints at once);
/// - `usage_logs_user`: a user's newest rows (`recent`, the Analytics table).
/// Existing rows are rolled up here once.
enum SchemaV4 {
    static func addUsageRollups(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE usage_hourly (
                user_key INTEGER NOT NULL,   -- user_id, 0 for rows without a user (ids start at 1)
                hour TEXT NOT NULL,          -- 'yyyy-MM-dd HH' in UTC: created_at's first 13 characters
                endpoint TEXT NOT NULL,
                has_model INTEGER NOT NULL,  -- extra_data has a model
                model TEXT NOT NULL,         -- that model as text, '' when none
                requests INTEGER NOT NULL,
                errors INTEGER NOT NULL,
                cost REAL NOT NULL,
                latency_sum REAL NOT NULL,
                input_tokens INTEGER NOT NULL,
                output_tokens INTEGER NOT NULL,
                PRIMARY KEY (user_key, hour, endpoint, has_model, model)
            ) WITHOUT ROWID;
            CREATE TABLE usage_latency (
                user_key INTEGER NOT NULL,
                day TEXT NOT NULL,           -- 'yyyy-MM-dd' in UTC
                endpoint TEXT NOT NULL,
                bucket REAL NOT NULL,        -- UsageRollup.bucketSQL of latency_ms
                requests INTEGER NOT NULL,
                -- Key order: one user's rows come grouped by (endpoint, bucket), so summing the days
                -- streams through the table with no sort.
                PRIMARY KEY (user_key, endpoint, bucket, day)
            ) WITHOUT ROWID;
            DROP INDEX usage_logs_time;
            CREATE INDEX usage_logs_time_cover ON usage_logs(created_at, user_id, endpoint, latency_ms);
            CREATE INDEX usage_logs_endpoint_latency ON usage_logs(endpoint, latency_ms, created_at, user_id);
            CREATE INDEX usage_logs_user ON usage_logs(user_id, id);
            """)
        try db.execute(sql: trigger("usage_rollup_insert", "INSERT", adding: [("NEW", 1)]))
        try db.execute(sql: trigger("usage_rollup_delete", "DELETE", adding: [("OLD", -1)]))
        try db.execute(sql: trigger("usage_rollup_update", "UPDATE OF \(rolledUpColumns)", adding: [("OLD", -1), ("NEW", 1)]))
        try db.execute(sql: """
            INSERT INTO usage_hourly
            SELECT COALESCE(user_id, 0), substr(created_at, 1, 13), endpoint, \(hasModel("usage_logs")),
                   COALESCE(\(modelText("usage_logs")), ''), COUNT(*), SUM(\(SQLiteUsageLog.errorCondition)),
                   SUM(\(json("usage_logs", "cost_usd"))), SUM(latency_ms),
                   SUM(\(json("usage_logs", "input_tokens"))), SUM(\(json("usage_logs", "output_tokens")))
            FROM usage_logs GROUP BY 1, 2, 3, 4, 5;
            INSERT INTO usage_latency
            SELECT COALESCE(user_id, 0), substr(created_at, 1, 10), endpoint, \(bucket("usage_logs")), COUNT(*)
            FROM usage_logs GROUP BY 1, 2, 3, 4;
            """)
    }

    /// The columns the rollups depend on: an update of others (a key's id set to NULL) changes nothing.
    static let rolledUpColumns = "user_id, endpoint, status_code, latency_ms, extra_data, created_at"

    static func bucket(_ table: String) -> String {
        UsageRollup.bucketSQL("\(table).latency_ms") { "CAST(\($0) AS INTEGER)" }
    }

    static func modelText(_ table: String) -> String { "CAST(json_extract(\(table).extra_data, '$.model') AS TEXT)" }
    static func hasModel(_ table: String) -> String { "(json_extract(\(table).extra_data, '$.model') IS NOT NULL)" }
    static func json(_ table: String, _ field: String) -> String {
        "COALESCE(json_extract(\(table).extra_data, '$.\(field)'), 0)"
    }

    /// A trigger that adds each row in `adding` (NEW or OLD, with sign +1 or -1) to both rollups.
    static func trigger(_ name: String, _ event: String, adding rows: [(String, Int)]) -> String {
        let body = rows.map { row, sign in
            """
            INSERT INTO usage_hourly (user_key, hour, endpoint, has_model, model, requests, errors, cost, latency_sum,
                                      input_tokens, output_tokens)
            VALUES (COALESCE(\(row).user_id, 0), substr(\(row).created_at, 1, 13), \(row).endpoint, \(hasModel(row)),
                    COALESCE(\(modelText(row)), ''), \(sign), \(sign) * (\(row).status_code >= 400 OR \(row).status_code = 0),
                    \(sign) * \(json(row, "cost_usd")), \(sign) * \(row).latency_ms,
                    \(sign) * \(json(row, "input_tokens")), \(sign) * \(json(row, "output_tokens")))
            ON CONFLICT (user_key, hour, endpoint, has_model, model) DO UPDATE SET
                requests = requests + excluded.requests, errors = errors + excluded.errors, cost = cost + excluded.cost,
                latency_sum = latency_sum + excluded.latency_sum, input_tokens = input_tokens + excluded.input_tokens,
                output_tokens = output_tokens + excluded.output_tokens;
            INSERT INTO usage_latency (user_key, day, endpoint, bucket, requests)
            VALUES (COALESCE(\(row).user_id, 0), substr(\(row).created_at, 1, 10), \(row).endpoint, \(bucket(row)), \(sign))
            ON CONFLICT (user_key, endpoint, bucket, day) DO UPDATE SET requests = requests + excluded.requests;
            """
        }.joined(separator: "\n")
        return "CREATE TRIGGER \(name) AFTER \(event) ON usage_logs BEGIN\n\(body)\nEND"
    }
}
