import Foundation

/// Timings from one `StoreBenchmark.run`.
public struct StoreBenchmarkResult: Sendable, Codable, CustomStringConvertible {
    public var rows: Int
    public var batchSize: Int
    public var insertSeconds: Double
    public var rowsPerSecond: Double { insertSeconds > 0 ? Double(rows) / insertSeconds : 0 }
    /// Query name → seconds, in the order run.
    public var queries: [Query]
    public var fileBytes: Int64
    /// "sqlite" or "postgres".
    public var backend: String = "sqlite"

    public struct Query: Sendable, Codable {
        public var name: String
        public var seconds: Double
        public var requests: Int
    }

    public var description: String {
        var lines = [String(format: "insert %d usage rows (batches of %d): %.2f s, %.0f rows/s; file %.1f MB",
                            rows, batchSize, insertSeconds, rowsPerSecond, Double(fileBytes) / 1_048_576)]
        for q in queries {
            lines.append(String(format: "%@: %.1f ms (%d rows aggregated)", q.name, q.seconds * 1000, q.requests))
        }
        return lines.joined(separator: "\n")
    }
}

/// Inserts synthetic usage rows into a fresh database and times the Analytics aggregates.
/// For `scripts/bench store`; the data is generated from a fixed seed so runs are comparable.
public enum StoreBenchmark {
    public static func run(databasePath: String, rows: Int = 100_000, batchSize: Int = 1_000) async throws -> StoreBenchmarkResult {
        let store = try Store.open(DatabaseLocation(path: databasePath, createsDirectory: false))
        let user = try await store.accounts.ensureLocalUser(email: "bench@example.com")
        var result = try await run(usage: store.usage, userId: user.id!, rows: rows, batchSize: batchSize)
        try store.database.checkpoint()
        result.fileBytes = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? NSNumber)?.int64Value ?? 0
        return result
    }

    /// The same rows and queries on a PostgreSQL database (which should be empty); `fileBytes` is
    /// the database's size as the server reports it.
    public static func run(postgres location: PostgresLocation, rows: Int = 100_000,
                           batchSize: Int = 1_000) async throws -> StoreBenchmarkResult {
        let store = try await PostgresStore.open(location)
        defer { store.close() }
        let userId = try await store.accounts.createUser(email: "bench@example.com").userId
        var result = try await run(usage: store.usage, userId: userId, rows: rows, batchSize: batchSize)
        try await store.database.execute("VACUUM ANALYZE usage_logs")
        result.fileBytes = try await store.database.rows("SELECT pg_database_size(current_database()) AS bytes")
            .first?.value("bytes", as: Int64.self) ?? 0
        result.backend = "postgres"
        return result
    }

    static func run(usage: any UsageLog, userId: Int64, rows: Int, batchSize: Int) async throws -> StoreBenchmarkResult {
        let end = Date(timeIntervalSince1970: 1_800_000_000)
        var random = SplitMix64(seed: 42)
        let endpoints = ["/api/plan", "/api/validate", "/api/critique", "/api/domains", "/api/keys",
                         "/v1/messages", "/v1/chat/completions", "/api/usage", "/api/elicit", "/api/health"]
        let models = ["claude-sonnet", "claude-haiku", "gpt-4o-mini", "llama3"]

        var insertSeconds: TimeInterval = 0  // only the Store's work; generating rows is not timed
        var written = 0
        while written < rows {
            let count = min(batchSize, rows - written)
            var batch: [UsageRecord] = []
            batch.reserveCapacity(count)
            for i in 0..<count {
                let n = written + i
                let endpoint = endpoints[Int(random.next() % UInt64(endpoints.count))]
                // Rows arrive in time order, as a live log does, spread over the last 30 days.
                let createdAt = end.addingTimeInterval(-30 * 86_400 * (1 - Double(n) / Double(rows)))
                let latency = Double(random.next() % 2_000) / 4 + 1
                let status = random.next() % 50 == 0 ? 500 : 200
                if endpoint.hasPrefix("/v1/") {
                    batch.append(.llmCall(userId: userId, endpoint: endpoint, statusCode: status, latencyMs: latency * 4,
                                          model: models[n % models.count], inputTokens: Int(random.next() % 4000),
                                          outputTokens: Int(random.next() % 1000),
                                          costUSD: Double(random.next() % 1000) / 100_000, createdAt: createdAt))
                } else {
                    batch.append(UsageRecord(userId: userId, endpoint: endpoint, method: "POST", statusCode: status,
                                             latencyMs: latency, createdAt: createdAt))
                }
            }
            let batchStart = Date()
            try await usage.record(contentsOf: batch)
            insertSeconds += Date().timeIntervalSince(batchStart)
            written += count
        }

        var queries: [StoreBenchmarkResult.Query] = []
        func time(_ name: String, _ body: () async throws -> UsageSummary) async throws {
            let start = Date()
            let summary = try await body()
            queries.append(.init(name: name, seconds: Date().timeIntervalSince(start), requests: summary.requests))
        }
        try await time("summary, all time") { try await usage.summary(since: nil, until: nil, userId: nil) }
        try await time("summary, last 7 days") {
            try await usage.summary(since: end.addingTimeInterval(-7 * 86_400), until: nil, userId: nil)
        }
        try await time("summary, one user") { try await usage.summary(since: nil, until: nil, userId: userId) }
        return StoreBenchmarkResult(rows: rows, batchSize: batchSize, insertSeconds: insertSeconds,
                                    queries: queries, fileBytes: 0)
    }
}

/// A tiny deterministic generator (SplitMix64) so benchmark data is identical run to run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
