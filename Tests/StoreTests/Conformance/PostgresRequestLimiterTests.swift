import Foundation
import Testing
@testable import Store

/// The limiter servers share through PostgreSQL: each test opens two connection pools on one
/// fresh database, as two server processes would, with one limiter on each.
@Suite("PostgreSQL rate limiter shared between servers", .enabled(if: Backend.postgresRequired))
struct PostgresRequestLimiterTests {
    /// Two pools on one new database; closed by `close`.
    struct TwoServers {
        let first: PostgresStoreDatabase
        let second: PostgresStoreDatabase

        init(connectionsEach: Int = 8) async throws {
            let location = try PostgresLocation(url: try await BackendFixture.freshPostgresDatabase())
            first = try await PostgresStoreDatabase.open(location, maximumConnections: connectionsEach)
            second = try await PostgresStoreDatabase.open(location, maximumConnections: connectionsEach)
        }

        func close() { first.close(); second.close() }
    }

    @Test("61 requests interleaved across two servers at 60/min: exactly the 61st is refused")
    func sixtyOneAcrossTwo() async throws {
        let servers = try await TwoServers()
        defer { servers.close() }
        let limiters = [PostgresRequestLimiter(database: servers.first), PostgresRequestLimiter(database: servers.second)]
        var refused: [Int] = []
        for index in 0..<61 {
            let decision = try await limiters[index % 2].decide("key:1", limit: 60)
            if !decision.allowed { refused.append(index) }
            if index == 59 { #expect(decision.remaining == 0) }
            if index == 60 { #expect(decision.resetSeconds >= 1 && decision.resetSeconds <= 60) }
        }
        #expect(refused == [60])
        // Another subject has its own window.
        #expect(try await limiters[1].decide("key:2", limit: 60).allowed)
    }

    /// 32 connections deciding at once: without the per-subject lock in `plansmith_rate_acquire`,
    /// this contention let 502–515 of 500 through in pgbench runs (32 clients); with it, 500.
    @Test("800 requests at once over 32 connections of two servers: exactly the limit goes through")
    func concurrentRequestsAreAtomic() async throws {
        let servers = try await TwoServers(connectionsEach: 16)
        defer { servers.close() }
        let a = PostgresRequestLimiter(database: servers.first), b = PostgresRequestLimiter(database: servers.second)
        let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<800 {
                group.addTask { try await (index % 2 == 0 ? a : b).decide("key:7", limit: 500).allowed }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == 500)
    }

    @Test("the window slides: a slot frees exactly when the oldest allowed request is 60 s old; refusals do not count")
    func windowSlides() async throws {
        let servers = try await TwoServers()
        defer { servers.close() }
        let clock = ManualClock()
        let a = PostgresRequestLimiter(database: servers.first, clock: clock)
        let b = PostgresRequestLimiter(database: servers.second, clock: clock)
        #expect(try await a.decide("s", limit: 3).allowed)        // t = 0
        clock.advance(by: 10)
        #expect(try await b.decide("s", limit: 3).allowed)        // t = 10
        #expect(try await a.decide("s", limit: 3).remaining == 0) // t = 10, full
        for _ in 0..<5 { #expect(try await b.decide("s", limit: 3) == RateLimitDecision(allowed: false, limit: 3, remaining: 0, resetSeconds: 50)) }
        clock.advance(by: 49.5)
        #expect(try await a.decide("s", limit: 3).resetSeconds == 1)
        clock.advance(by: 0.5)                                   // t = 60: the first request left the window
        #expect(try await b.decide("s", limit: 3).allowed)
        #expect(try await a.decide("s", limit: 3).allowed == false)
    }

    @Test("no 60 s span ever holds more than the limit, with bursts on both sides of a minute boundary")
    func boundaryBurst() async throws {
        let servers = try await TwoServers()
        defer { servers.close() }
        let attempts = SlidingWindowLimiterTests.boundaryBursts()
        let clock = ManualClock(Date(timeIntervalSince1970: attempts[0]))
        let limiters = [PostgresRequestLimiter(database: servers.first, clock: clock),
                        PostgresRequestLimiter(database: servers.second, clock: clock)]
        var allowed: [Double] = []
        for (index, time) in attempts.enumerated() {
            clock.advance(by: time - clock.now().timeIntervalSince1970)
            if try await limiters[index % 2].decide("k", limit: 60).allowed { allowed.append(time) }
        }
        #expect(SlidingWindowLimiterTests.busiestSpan(allowed) == 60)
    }

    @Test("times that left the window are pruned, idle subjects included")
    func pruning() async throws {
        let servers = try await TwoServers()
        defer { servers.close() }
        let clock = ManualClock()
        let limiter = PostgresRequestLimiter(database: servers.first, clock: clock)
        for subject in 0..<20 { _ = await limiter.acquire("idle:\(subject)", limit: 5) }
        #expect(try await limiter.storedHits() == 20)
        clock.advance(by: 61)
        _ = await limiter.acquire("busy", limit: 5)  // the once-per-window sweep runs here
        #expect(try await limiter.storedHits() == 1)
    }

    @Test("when the database is gone the decision falls back to a per-process window instead of failing")
    func fallsBackWhenUnreachable() async throws {
        let servers = try await TwoServers()
        // The shared window is already full (through the other server) …
        let other = PostgresRequestLimiter(database: servers.second)
        for _ in 0..<3 { #expect(try await other.decide("k", limit: 3).allowed) }
        let limiter = PostgresRequestLimiter(database: servers.first)
        #expect(try await limiter.decide("k", limit: 3).allowed == false)
        // … but with the database gone this server counts on its own: 3 of 4 go ahead.
        servers.close()
        try await Task.sleep(for: .milliseconds(100))
        var allowed = 0
        for _ in 0..<4 {
            if await limiter.acquire("k", limit: 3).allowed { allowed += 1 }
        }
        #expect(allowed == 3)
    }
}

/// Login sessions servers share through PostgreSQL (`Store.sharedLoginSessions`).
@Suite("PostgreSQL login sessions shared between servers", .enabled(if: Backend.postgresRequired))
struct PostgresLoginSessionTests {
    @Test("a session opened on one server is live on the other until it expires or either closes it")
    func sharedSessions() async throws {
        let url = try await BackendFixture.freshPostgresDatabase()
        let first = try await Store.connect(DatabaseLocation(path: url, createsDirectory: false))
        let second = try await Store.connect(DatabaseLocation(path: url, createsDirectory: false))
        defer { first.close(); second.close() }
        let a = try #require(first.sharedLoginSessions), b = try #require(second.sharedLoginSessions)
        let ada = try await first.accounts.ensureLocalUser(email: "ada@example.com")
        let now = Date(timeIntervalSince1970: 1_800_000_000)

        try await a.open(digest: "one", userId: ada.id!, expiresAt: now.addingTimeInterval(3600), now: now)
        try await a.open(digest: "two", userId: ada.id!, expiresAt: now.addingTimeInterval(60), now: now)
        #expect(try await b.userId(forDigest: "one", at: now) == ada.id)
        #expect(try await b.userId(forDigest: "two", at: now.addingTimeInterval(59)) == ada.id)
        #expect(try await b.userId(forDigest: "two", at: now.addingTimeInterval(60)) == nil)  // expired
        #expect(try await b.userId(forDigest: "nobody", at: now) == nil)
        try await b.close(digest: "one")
        try await b.close(digest: "one")  // twice is harmless
        #expect(try await a.userId(forDigest: "one", at: now) == nil)

        // Opening a session drops the ones that have expired.
        try await b.open(digest: "three", userId: ada.id!, expiresAt: now.addingTimeInterval(7200), now: now.addingTimeInterval(61))
        guard case .postgres(let database) = first.backend else { Issue.record("not PostgreSQL"); return }
        let left = try await database.rows("SELECT digest FROM login_sessions").map { try $0.value("digest", as: String.self) }
        #expect(left == ["three"])
    }

    @Test("SQLite stores have no shared sessions: the server keeps its own")
    func noneOnSQLite() throws {
        let directory = TemporaryDirectory()
        let store = try Store.open(DatabaseLocation(path: directory.file("plansmith.sqlite"), createsDirectory: false))
        defer { store.close() }
        #expect(store.sharedLoginSessions == nil)
    }
}
