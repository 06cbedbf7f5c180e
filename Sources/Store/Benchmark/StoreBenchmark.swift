import Foundation

/// Timings from one `StoreBenchmark.run`.
public struct StoreBenchmarkResult: Sendable, Codable, CustomStringConvertible {
    public var rows: Int
    public var batchSize: Int
    /// Batched inserts: `rows` rows in transactions of `batchSize`.
    public var insertSeconds: Double
    public var rowsPerSecond: Double { insertSeconds > 0 ? Double(rows) / insertSeconds : 0 }
    /// Single-row inserts (one transaction each) into the full table.
    public var singleRows: Int = 0
    public var singleSeconds: Double = 0
    public var singleRowsPerSecond: Double { singleSeconds > 0 ? Double(singleRows) / singleSeconds : 0 }
    /// Queries in the order run.
    public var queries: [Query]
    public var fileBytes: Int64
    /// "sqlite" or "postgres".
    public var backend: String = "sqlite"
    /// Two writer processes, one killed with SIGKILL, then the audit (nil when not run).
    public var writers: WriterCrashCheck?

    public struct Query: Sendable, Codable {
        public var name: String
        /// Median of `runs` runs.
        public var seconds: Double
        /// The first run alone (caches cold for this query).
        public var firstSeconds: Double
        /// Rows the answer covers (summary requests, or rows returned).
        public var requests: Int
    }

    public var description: String {
        var lines = [String(format: "insert %d usage rows (batches of %d): %.2f s, %.0f rows/s; single-row inserts %.0f rows/s; file %.1f MB",
                            rows, batchSize, insertSeconds, rowsPerSecond, singleRowsPerSecond, Double(fileBytes) / 1_048_576)]
        for q in queries {
            lines.append(String(format: "%@: %.1f ms median, %.1f ms first (%d rows)", q.name, q.seconds * 1000,
                                q.firstSeconds * 1000, q.requests))
        }
        if let w = writers {
            lines.append("writers: \(w.killedWrites) + \(w.survivorWrites) acknowledged, audit \(w.audit)")
        }
        return lines.joined(separator: "\n")
    }
}

/// Inserts synthetic usage rows into a fresh database and times what the Analytics screen,
/// `plansmith usage` and `GET /v1/usage` read. For `scripts/bench store`; the data comes from a
/// fixed seed so runs are comparable: 30 days of rows, three quarters from the measured user.
public enum StoreBenchmark {
    public static let end = Date(timeIntervalSince1970: 1_800_000_000)

    /// `writerCommand`: how to start a `ConcurrentWriter` process (nil: skip the kill -9 check).
    public static func run(databasePath: String, rows: Int = 100_000, batchSize: Int = 1_000, singleRows: Int = 1_000,
                           writerCommand: [String]? = nil, writerSeconds: Double = 8,
                           scanBaseline: Bool = true) async throws -> StoreBenchmarkResult {
        let store = try Store.open(DatabaseLocation(path: databasePath, createsDirectory: false))
        let user = try await store.accounts.ensureLocalUser(email: "bench@example.com")
        let other = try await store.accounts.ensureLocalUser(email: "other@example.com")
        let scan = SQLiteUsageLog(database: try store.database)
        var result = try await run(usage: store.usage, userId: user.id!, otherId: other.id!, rows: rows, batchSize: batchSize,
                                   singleRows: singleRows) {
            guard scanBaseline else { return nil }
            return try await scan.scanSummary(since: nil, until: nil, userId: user.id!)
        }
        try store.database.checkpoint()
        result.fileBytes = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? NSNumber)?.int64Value ?? 0
        try store.database.close()
        if let writerCommand {
            result.writers = try await WriterCrashCheck.run(location: databasePath, command: writerCommand, seconds: writerSeconds)
        }
        return result
    }

    /// The same rows and queries on a PostgreSQL database (which should be empty); `fileBytes` is
    /// the database's size as the server reports it.
    public static func run(postgres location: PostgresLocation, url: String, rows: Int = 100_000, batchSize: Int = 1_000,
                           singleRows: Int = 1_000, writerCommand: [String]? = nil, writerSeconds: Double = 8,
                           scanBaseline: Bool = true) async throws -> StoreBenchmarkResult {
        let store = try await PostgresStore.open(location)
        let userId = try await store.accounts.createUser(email: "bench@example.com").userId
        let otherId = try await store.accounts.createUser(email: "other@example.com").userId
        let scan = PostgresUsageLog(database: store.database)
        var result = try await run(usage: store.usage, userId: userId, otherId: otherId, rows: rows, batchSize: batchSize,
                                   singleRows: singleRows, afterInsert: {
            try await store.database.execute("VACUUM ANALYZE")
        }) {
            guard scanBaseline else { return nil }
            return try await scan.scanSummary(since: nil, until: nil, userId: userId)
        }
        result.fileBytes = try await store.database.rows("SELECT pg_database_size(current_database()) AS bytes")
            .first?.value("bytes", as: Int64.self) ?? 0
        result.backend = "postgres"
        store.close()
        if let writerCommand {
            result.writers = try await WriterCrashCheck.run(location: url, command: writerCommand, seconds: writerSeconds)
        }
        return result
    }

    static func run(usage: any UsageLog, userId: Int64, otherId: Int64, rows: Int, batchSize: Int, singleRows: Int,
                    afterInsert: () async throws -> Void = {},
                    scanBaseline: () async throws -> UsageSummary?) async throws -> StoreBenchmarkResult {
        var random = SplitMix64(seed: 42)
        var insertSeconds: TimeInterval = 0  // only the Store's work; generating rows is not timed
        var written = 0
        while written < rows {
            let count = min(batchSize, rows - written)
            let batch = (0..<count).map { i in row(written + i, of: rows, userId: userId, otherId: otherId, random: &random) }
            let batchStart = Date()
            try await usage.record(contentsOf: batch)
            insertSeconds += Date().timeIntervalSince(batchStart)
            written += count
        }
        // Single rows, one transaction each, into the full table (as a server without batching would).
        let singles = (0..<singleRows).map { i in
            row(rows - singleRows + i, of: rows, userId: userId, otherId: otherId, random: &random)
        }
        let singleStart = Date()
        for single in singles { try await usage.record(single) }
        let singleSeconds = Date().timeIntervalSince(singleStart)
        try await afterInsert()

        var queries: [StoreBenchmarkResult.Query] = []
        func time(_ name: String, runs: Int = 3, _ body: () async throws -> Int) async throws {
            var times: [Double] = []
            var covered = 0
            for _ in 0..<runs {
                let start = Date()
                covered = try await body()
                times.append(Date().timeIntervalSince(start))
            }
            queries.append(.init(name: name, seconds: times.sorted()[times.count / 2], firstSeconds: times[0], requests: covered))
        }
        // What the Analytics screen loads for each range (its summary), then its table's row reads.
        for (label, days) in [("24h", 1.0), ("7d", 7), ("30d", 30)] {
            try await time("Analytics summary, \(label)") {
                try await usage.summary(since: end.addingTimeInterval(-days * 86_400), until: nil, userId: userId).requests
            }
        }
        try await time("Analytics summary, all time") { try await usage.summary(since: nil, until: nil, userId: userId).requests }
        try await time("usage, a window off the hour") {
            try await usage.summary(since: end.addingTimeInterval(-10 * 86_400 - 1_234.5),
                                    until: end.addingTimeInterval(-3 * 86_400 + 777.25), userId: userId).requests
        }
        try await time("Analytics table, first page (2,000 rows)") { try await usage.recent(limit: 2_000, userId: userId).count }
        try await time("Analytics table, full (20,000 rows)") { try await usage.recent(limit: 20_000, userId: userId).count }
        try await time("plain aggregate over raw rows, all time (before)", runs: 1) { try await scanBaseline()?.requests ?? -1 }
        if queries.last?.requests == -1 { queries.removeLast() }
        return StoreBenchmarkResult(rows: rows, batchSize: batchSize, insertSeconds: insertSeconds, singleRows: singleRows,
                                    singleSeconds: singleSeconds, queries: queries, fileBytes: 0)
    }

    /// Row `n` of `total`: in time order over the 30 days before `end`, as a live log arrives.
    static func row(_ n: Int, of total: Int, userId: Int64, otherId: Int64, random: inout SplitMix64) -> UsageRecord {
        let endpoints = ["/api/plan", "/api/validate", "/api/critique", "/api/domains", "/api/keys",
                         "/v1/messages", "/v1/chat/completions", "/api/usage", "/api/elicit", "/api/health"]
        let models = ["claude-sonnet", "claude-haiku", "gpt-4o-mini", "llama3"]
        let endpoint = endpoints[Int(random.next() % UInt64(endpoints.count))]
        let user = random.next() % 4 == 0 ? otherId : userId
        let createdAt = end.addingTimeInterval(-30 * 86_400 * (1 - Double(n) / Double(total)))
        let latency = Double(random.next() % 2_000) / 4 + 1
        let status = random.next() % 50 == 0 ? 500 : 200
        if endpoint.hasPrefix("/v1/") {
            return .llmCall(userId: user, endpoint: endpoint, statusCode: status, latencyMs: latency * 4,
                            model: models[n % models.count], inputTokens: Int(random.next() % 4000),
                            outputTokens: Int(random.next() % 1000),
                            costUSD: Double(random.next() % 1000) / 100_000, createdAt: createdAt)
        }
        return UsageRecord(userId: user, endpoint: endpoint, method: "POST", statusCode: status,
                           latencyMs: latency, createdAt: createdAt)
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
