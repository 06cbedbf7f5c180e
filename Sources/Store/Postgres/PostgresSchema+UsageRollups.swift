import Foundation

/// Migration "v4-usage-rollups" on PostgreSQL: the same rollups, indexes and backfill as SQLite's
/// `SchemaV4` (see `UsageRollup`). The triggers are per statement with transition tables, so a
/// batch of a thousand rows updates each rollup with one grouped upsert instead of a thousand.
/// Groups are upserted in key order, so two transactions touching the same rollup rows lock them
/// in the same order and cannot deadlock.
extension PostgresSchema {
    static let hourOf = "date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
    static let dayOf = "date_trunc('day', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
    static let bucketOfLatency = UsageRollup.bucketSQL("latency_ms") { "floor(\($0))" }

    static let v4UsageRollups: [String] = [
        """
        CREATE TABLE usage_hourly (
            user_key BIGINT NOT NULL,
            hour TIMESTAMPTZ NOT NULL,
            endpoint TEXT NOT NULL,
            has_model BOOLEAN NOT NULL,
            model TEXT NOT NULL,
            requests BIGINT NOT NULL,
            errors BIGINT NOT NULL,
            cost DOUBLE PRECISION NOT NULL,
            latency_sum DOUBLE PRECISION NOT NULL,
            input_tokens NUMERIC NOT NULL,
            output_tokens NUMERIC NOT NULL,
            PRIMARY KEY (user_key, hour, endpoint, has_model, model)
        )
        """,
        """
        CREATE TABLE usage_latency (
            user_key BIGINT NOT NULL,
            day TIMESTAMPTZ NOT NULL,
            endpoint TEXT NOT NULL,
            bucket DOUBLE PRECISION NOT NULL,
            requests BIGINT NOT NULL,
            PRIMARY KEY (user_key, endpoint, bucket, day)
        )
        """,
        "DROP INDEX usage_logs_time",
        "CREATE INDEX usage_logs_time_cover ON usage_logs(created_at, user_id, endpoint, latency_ms)",
        "CREATE INDEX usage_logs_endpoint_latency ON usage_logs(endpoint, latency_ms, created_at, user_id)",
        "CREATE INDEX usage_logs_user ON usage_logs(user_id, id)",
        """
        CREATE FUNCTION usage_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            \(rollupUpserts(from: "SELECT 1 AS sign, r.* FROM new_rows r").map { $0 + ";" }.joined(separator: "\n"))
          ELSIF TG_OP = 'DELETE' THEN
            \(rollupUpserts(from: "SELECT -1 AS sign, r.* FROM old_rows r").map { $0 + ";" }.joined(separator: "\n"))
          ELSE
            \(rollupUpserts(from: "SELECT 1 AS sign, r.* FROM new_rows r UNION ALL SELECT -1, r.* FROM old_rows r").map { $0 + ";" }.joined(separator: "\n"))
          END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER usage_rollup_insert AFTER INSERT ON usage_logs REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_apply()
        """,
        """
        CREATE TRIGGER usage_rollup_delete AFTER DELETE ON usage_logs REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_apply()
        """,
        """
        CREATE TRIGGER usage_rollup_update AFTER UPDATE ON usage_logs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION usage_rollup_apply()
        """,
    ] + rollupUpserts(from: "SELECT 1 AS sign, r.* FROM usage_logs r")

    /// Two statements (hourly, then latency) adding `sign` × each row of `source` to the rollups.
    static func rollupUpserts(from source: String) -> [String] {
        let rows = "(SELECT s.*, s.extra_data::jsonb AS j FROM (\(source)) s) c"
        return ["""
            INSERT INTO usage_hourly (user_key, hour, endpoint, has_model, model, requests, errors, cost, latency_sum,
                                      input_tokens, output_tokens)
            SELECT COALESCE(user_id, 0), \(hourOf), endpoint, j->>'model' IS NOT NULL, COALESCE(j->>'model', ''),
                   SUM(sign), SUM(sign * CASE WHEN status_code >= 400 OR status_code = 0 THEN 1 ELSE 0 END),
                   SUM(sign * COALESCE((j->>'cost_usd')::float8, 0)), SUM(sign * latency_ms),
                   SUM(sign * COALESCE((j->>'input_tokens')::numeric, 0)), SUM(sign * COALESCE((j->>'output_tokens')::numeric, 0))
            FROM \(rows)
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (user_key, hour, endpoint, has_model, model) DO UPDATE SET
                requests = usage_hourly.requests + EXCLUDED.requests, errors = usage_hourly.errors + EXCLUDED.errors,
                cost = usage_hourly.cost + EXCLUDED.cost, latency_sum = usage_hourly.latency_sum + EXCLUDED.latency_sum,
                input_tokens = usage_hourly.input_tokens + EXCLUDED.input_tokens,
                output_tokens = usage_hourly.output_tokens + EXCLUDED.output_tokens
            """, """
            INSERT INTO usage_latency (user_key, day, endpoint, bucket, requests)
            SELECT COALESCE(user_id, 0), \(dayOf), endpoint, \(bucketOfLatency), SUM(sign)
            FROM (\(source)) c
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4, 2
            ON CONFLICT (user_key, endpoint, bucket, day) DO UPDATE SET requests = usage_latency.requests + EXCLUDED.requests
            """]
    }
}
