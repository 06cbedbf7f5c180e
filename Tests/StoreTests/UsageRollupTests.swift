import Foundation
import GRDB
import Testing
@testable import Store

/// The rollups must give exactly what the plain aggregate over the raw rows gives. The data is
/// random but binary-exact (latencies in 1/64 ms, costs in 1/1024 USD), so sums cannot differ by
/// the order they are added in: any difference is a real one.
@Suite("Usage rollups")
struct UsageRollupTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC

    @Test("a window splits into whole hours or days and at most two edge pieces")
    func split() {
        let t0 = Self.start.addingTimeInterval(1_234.5)  // 08:20:34.5
        let (whole, edges) = UsageRollup.split(since: t0, until: t0.addingTimeInterval(7_200), unit: 3_600)
        #expect(whole == UsageRollup.Window(from: Self.start.addingTimeInterval(3_600), to: Self.start.addingTimeInterval(7_200)))
        #expect(edges == [UsageRollup.Window(from: t0, to: Self.start.addingTimeInterval(3_600)),
                          UsageRollup.Window(from: Self.start.addingTimeInterval(7_200), to: t0.addingTimeInterval(7_200))])
        let inside = UsageRollup.split(since: t0, until: t0.addingTimeInterval(60), unit: 3_600)
        #expect(inside.whole == nil && inside.edges == [UsageRollup.Window(from: t0, to: t0.addingTimeInterval(60))])
        let open = UsageRollup.split(since: nil, until: nil, unit: 86_400)
        #expect(open.whole == UsageRollup.Window(from: nil, to: nil) && open.edges.isEmpty)
        let aligned = UsageRollup.split(since: Self.start, until: nil, unit: 3_600)
        #expect(aligned.whole == UsageRollup.Window(from: Self.start, to: nil) && aligned.edges.isEmpty)
        #expect(UsageRollup.split(since: t0, until: t0, unit: 3_600).edges.isEmpty)
    }

    @Test("a rank is found in the bucket that holds it, at the right offset")
    func locate() {
        let histogram: [(bucket: Double, count: Int)] = [(1, 3), (2, 1), (5, 4)]
        #expect(UsageRollup.locate(rank: 1, in: histogram)! == (1, 0))
        #expect(UsageRollup.locate(rank: 3, in: histogram)! == (1, 2))
        #expect(UsageRollup.locate(rank: 4, in: histogram)! == (2, 0))
        #expect(UsageRollup.locate(rank: 8, in: histogram)! == (5, 3))
        #expect(UsageRollup.locate(rank: 9, in: histogram) == nil)
    }

    @Test("latency buckets are monotone and each bucket's values lie in its index range")
    func buckets() throws {
        let queue = try DatabaseQueue()
        var random = SplitMix64(seed: 7)
        let values = (0..<3_000).map { i -> Double in
            let magnitude = pow(10, Double(random.next() % 900) / 100 - 2)  // 0.01 … 10^7
            return i % 10 == 0 ? Double(i / 10) : magnitude * Double(1 + random.next() % 1000) / 1000
        } + [0, 0.01, 0.99999999999999989, 1, 9.999999999999998, 10, 99.99999999999999, 100, 999_999.9, 1e6, 3e9]
        let pairs = try queue.read { db in
            try values.map { v in
                (v, try Double.fetchOne(db, sql: "SELECT \(SchemaV4.bucket("t")) FROM (SELECT ? AS latency_ms) t", arguments: [v])!)
            }
        }.sorted { $0.0 < $1.0 }
        for (a, b) in zip(pairs, pairs.dropFirst()) { #expect(a.1 <= b.1, "bucket(\(a.0)) = \(a.1) > bucket(\(b.0)) = \(b.1)") }
        for (v, bucket) in pairs {
            let range = UsageRollup.latencyRange(ofBucket: bucket)
            #expect(v >= range.low && (range.high == nil || v <= range.high!), "\(v) in bucket \(bucket) outside \(range)")
        }
    }

    @Test("rollup summaries equal the plain aggregate over raw rows: random rows, random windows",
          arguments: Backend.testable)
    func rollupEqualsScan(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let users = [try await f.user("a@example.com").id, try await f.user("b@example.com").id]
        var random = SplitMix64(seed: 2026)
        let rows = RandomUsage.rows(count: 3_000, userIds: users + [nil], start: Self.start, days: 9, random: &random)
        var written = 0
        while written < rows.count {  // batches of random size, as the server's writer sends them
            let n = min(rows.count - written, 1 + Int(random.next() % 400))
            try await f.usage.record(contentsOf: Array(rows[written..<written + n]))
            written += n
        }
        try await expectRollupEqualsScan(f, users: users, windows: 40, random: &random)
    }

    @Test("rows updated (user removed, moved in time) or deleted keep the rollups equal to the raw rows",
          arguments: Backend.testable)
    func rollupFollowsUpdatesAndDeletes(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let users = [try await f.user("a@example.com").id, try await f.user("b@example.com").id]
        var random = SplitMix64(seed: 99)
        try await f.usage.record(contentsOf: RandomUsage.rows(count: 1_500, userIds: users + [nil], start: Self.start, days: 4,
                                                               random: &random))
        let changes = [
            "UPDATE usage_logs SET user_id = NULL WHERE id % 7 = 0",
            "UPDATE usage_logs SET latency_ms = latency_ms * 2, status_code = 503 WHERE id % 11 = 0",
            "DELETE FROM usage_logs WHERE id % 5 = 0",
            "UPDATE usage_logs SET endpoint = '/moved' WHERE id % 13 = 0",
        ]
        for sql in changes { try await f.execute(sql) }
        // Moving rows in time is spelled per backend (text dates in SQLite, timestamptz in PostgreSQL).
        try await f.execute(backend == .sqlite
            ? "UPDATE usage_logs SET created_at = datetime(created_at, '+1 day') || '.250' WHERE id % 17 = 0"
            : "UPDATE usage_logs SET created_at = created_at + interval '1 day 250 milliseconds' WHERE id % 17 = 0")
        try await expectRollupEqualsScan(f, users: users, windows: 20, random: &random)
    }

    @Test("a database with usage rows written before the rollups existed gets them on upgrade")
    func upgradeBackfills() async throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("old.sqlite")
        do {
            let old = try DatabaseQueue(path: path)
            try SchemaMigrator.make().migrate(old, upTo: "v2-session-owners")
            var random = SplitMix64(seed: 5)
            let rows = RandomUsage.rows(count: 800, userIds: [nil], start: Self.start, days: 3, random: &random)
            try await old.write { db in
                for var row in rows { try row.insert(db) }
            }
            try old.close()
        }
        let store = try Store.open(DatabaseLocation(path: path, createsDirectory: false))
        let usage = try #require(store.usage as? SQLiteUsageLog)
        let rollup = try await store.database.read { db in
            try SQLiteUsageLog.rollupSummary(since: nil, until: nil, userId: nil, db)
        }
        let scan = try await usage.scanSummary(since: nil, until: nil, userId: nil)
        #expect(scan.requests == 800)
        #expect(rollup == scan)
    }

    /// Compares the rollup answer with the scan for the whole range and `windows` random windows
    /// (edges on and off hour and day boundaries, open ends, each user, everyone).
    func expectRollupEqualsScan(_ f: BackendFixture, users: [Int64], windows: Int,
                                random: inout SplitMix64) async throws {
        var cases: [(Date?, Date?, Int64?)] = [(nil, nil, nil), (nil, nil, users[0])]
        for _ in 0..<windows {
            func instant() -> Date {
                let seconds = Double(random.next() % (11 * 86_400)) - 86_400
                switch random.next() % 4 {
                case 0: return Self.start.addingTimeInterval((seconds / 3_600).rounded(.down) * 3_600)
                case 1: return Self.start.addingTimeInterval((seconds / 86_400).rounded(.down) * 86_400 - 8 * 3_600)
                default: return Self.start.addingTimeInterval(seconds + Double(random.next() % 1000) / 1000)
                }
            }
            let a = random.next() % 5 == 0 ? nil : instant()
            let b = random.next() % 5 == 0 ? nil : instant()
            let (since, until) = a != nil && b != nil && a! > b! ? (b, a) : (a, b)
            let user: Int64? = [nil, users[0], users[1]][Int(random.next() % 3)]
            cases.append((since, until, user))
        }
        var nonEmpty = 0
        for (since, until, user) in cases {
            let scan = try await f.scanSummary(since: since, until: until, userId: user)
            let rollup = try await f.rollupSummary(since: since, until: until, userId: user)
            #expect(rollup == scan, "since \(String(describing: since)) until \(String(describing: until)) user \(String(describing: user))")
            if scan.requests > 0 { nonEmpty += 1 }
        }
        #expect(nonEmpty >= cases.count / 2)  // the windows do cover data
    }
}

extension BackendFixture {
    /// The plain aggregate over raw rows.
    func scanSummary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageSummary {
        if let sqlite = usage as? SQLiteUsageLog { return try await sqlite.scanSummary(since: since, until: until, userId: userId) }
        return try await (usage as! PostgresUsageLog).scanSummary(since: since, until: until, userId: userId)
    }

    /// The rollup answer itself (nil would mean the summary fell back to scanning).
    func rollupSummary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageSummary? {
        if let sqlite = usage as? SQLiteUsageLog {
            return try await sqlite.database.read { db in
                try SQLiteUsageLog.rollupSummary(since: since, until: until, userId: userId, db)
            }
        }
        return try await (usage as! PostgresUsageLog).rollupSummary(since: since, until: until, userId: userId)
    }

    /// Runs one SQL statement on the fixture's database.
    func execute(_ sql: String) async throws {
        if let sqlite = usage as? SQLiteUsageLog {
            try await sqlite.database.write { db in try db.execute(sql: sql) }
        } else {
            try await (usage as! PostgresUsageLog).database.execute(sql)
        }
    }
}

/// Random usage rows whose numbers are exact in binary.
enum RandomUsage {
    static func rows(count: Int, userIds: [Int64?], start: Date, days: Int, random: inout SplitMix64) -> [UsageRecord] {
        let endpoints = ["/v1/plan", "/v1/validate", "/v1/domains/{id}", "/v1/messages", "/v1/chat/completions", "/ünïcode"]
        let models = ["claude", "gpt", "llama", "Zeta"]
        var rows: [UsageRecord] = []
        for _ in 0..<count {
            let created = start.addingTimeInterval(Double(random.next() % UInt64(days * 86_400_000)) / 1000)
            let endpoint = endpoints[Int(random.next() % UInt64(endpoints.count))]
            let user = userIds[Int(random.next() % UInt64(userIds.count))]
            let status = [200, 200, 200, 201, 404, 500, 0, 429][Int(random.next() % 8)]
            let latency: Double = switch random.next() % 10 {
            case 0: Double(random.next() % 64) / 64            // under 1 ms
            case 1: Double(random.next() % 4) * 1_000_000      // 0, or in the open-ended last bucket
            case 2: 42.5                                       // many ties
            default: Double(random.next() % 640_000) / 64      // up to 10 s
            }
            if endpoint.hasPrefix("/v1/messages") || endpoint.hasPrefix("/v1/chat") {
                rows.append(.llmCall(userId: user, endpoint: endpoint, statusCode: status, latencyMs: latency,
                                     model: models[Int(random.next() % UInt64(models.count))],
                                     inputTokens: Int(random.next() % 5000), outputTokens: Int(random.next() % 900),
                                     costUSD: Double(random.next() % 4096) / 1024, createdAt: created))
            } else {
                let extra = random.next() % 3 == 0 ? #"{"request_id":"r"}"# : "{}"
                rows.append(UsageRecord(userId: user, endpoint: endpoint, method: "GET", statusCode: status,
                                        latencyMs: latency, extraData: extra, createdAt: created))
            }
        }
        return rows
    }
}
