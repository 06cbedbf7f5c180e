import Foundation
import Testing
@testable import Store

@Suite("Usage log")
struct UsageLogTests {
    static let day1 = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00:00 UTC
    static let day2 = day1.addingTimeInterval(86_400)

    @Test("aggregates per day, per endpoint and per model, with p50/p95 latency, cost and error rate")
    func summary() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("u@example.com")
        var rows: [UsageRecord] = []
        // 20 API requests on day 1 with latencies 1…20 ms; 2 of them errors.
        for i in 1...20 {
            rows.append(UsageRecord(userId: user.id!, endpoint: "/api/plan", method: "POST",
                                    statusCode: i <= 2 ? 500 : 200, latencyMs: Double(i), createdAt: Self.day1))
        }
        // 3 LLM calls on day 2.
        rows.append(.llmCall(userId: user.id!, endpoint: "/v1/messages", statusCode: 200, latencyMs: 900,
                             model: "claude", inputTokens: 100, outputTokens: 50, costUSD: 0.25, createdAt: Self.day2))
        rows.append(.llmCall(userId: user.id!, endpoint: "/v1/messages", statusCode: 200, latencyMs: 1100,
                             model: "claude", inputTokens: 10, outputTokens: 5, costUSD: 0.5, createdAt: Self.day2))
        rows.append(.llmCall(userId: user.id!, endpoint: "/v1/chat/completions", statusCode: 429, latencyMs: 50,
                             model: "gpt", inputTokens: 0, outputTokens: 0, costUSD: 0, createdAt: Self.day2))
        try await t.store.usage.record(contentsOf: rows)

        let s = try await t.store.usage.summary(since: nil, until: nil, userId: nil)
        #expect(s.requests == 23 && s.errors == 3)
        #expect(abs(s.errorRate - 3.0 / 23.0) < 1e-12)
        #expect(s.p50LatencyMs == 12)  // rank ⌈0.5 × 23⌉ = 12 of [1…20, 50, 900, 1100]
        #expect(s.p95LatencyMs == 900) // rank ⌈0.95 × 23⌉ = 22
        #expect(s.totalCostUSD == 0.75)
        #expect(s.perDay.map(\.day) == ["2027-01-15", "2027-01-16"])
        #expect(s.perDay.map(\.requests) == [20, 3])
        #expect(s.perDay.map(\.errors) == [2, 1])
        #expect(s.perEndpoint.map(\.endpoint) == ["/api/plan", "/v1/messages", "/v1/chat/completions"])
        #expect(s.perEndpoint[0].averageLatencyMs == 10.5 && s.perEndpoint[0].p95LatencyMs == 19)
        #expect(s.perModel.map(\.model) == ["claude", "gpt"])
        #expect(s.perModel[0].calls == 2 && s.perModel[0].inputTokens == 110 && s.perModel[0].outputTokens == 55)
        #expect(s.perModel[0].costUSD == 0.75)

        let sinceDay2 = try await t.store.usage.summary(since: Self.day2, until: nil, userId: user.id!)
        #expect(sinceDay2.requests == 3 && sinceDay2.perEndpoint.count == 2)
        let otherUser = try await t.store.usage.summary(since: nil, until: nil, userId: user.id! + 100)
        #expect(otherUser.requests == 0 && otherUser.p95LatencyMs == 0)
        #expect(try await t.store.usage.recent(limit: 2, userId: nil).map(\.endpoint) == ["/v1/chat/completions", "/v1/messages"])
    }

    @Test("key traffic counts each of the user's keys since the cut-off, errors apart; other users' keys are not counted")
    func keyTraffic() async throws {
        let t = try TestStore()
        let (me, _) = try await t.user("me@example.com")
        let (other, _) = try await t.user("other@example.com")
        let busy = try await t.store.apiKeys.create(userId: me.id!, name: "busy").key.id!
        let idle = try await t.store.apiKeys.create(userId: me.id!, name: "idle").key.id!
        let theirs = try await t.store.apiKeys.create(userId: other.id!, name: "theirs").key.id!
        func request(_ key: Int64, _ user: Int64, status: Int, at time: Date) -> UsageRecord {
            UsageRecord(userId: user, apiKeyId: key, endpoint: "/v1/domains", method: "GET", statusCode: status,
                        latencyMs: 1, createdAt: time)
        }
        let cutoff = Self.day2
        try await t.store.usage.record(contentsOf: [
            request(busy, me.id!, status: 200, at: cutoff),  // the cut-off itself counts
            request(busy, me.id!, status: 200, at: cutoff.addingTimeInterval(60)),
            request(busy, me.id!, status: 429, at: cutoff.addingTimeInterval(120)),
            request(busy, me.id!, status: 200, at: cutoff.addingTimeInterval(-1)),  // before: not counted
            request(idle, me.id!, status: 200, at: cutoff.addingTimeInterval(-3_600)),
            request(theirs, other.id!, status: 200, at: cutoff.addingTimeInterval(60)),
        ])
        let traffic = try await t.store.usage.keyTraffic(userId: me.id!, since: cutoff)
        #expect(traffic == [KeyTraffic(keyId: busy, requests: 3, errors: 1)])
        #expect(try await t.store.usage.keyTraffic(userId: other.id!, since: cutoff) == [KeyTraffic(keyId: theirs, requests: 1, errors: 0)])
    }

    @Test("a batch with one bad row stores nothing")
    func batchIsAtomic() async throws {
        let t = try TestStore()
        let good = UsageRecord(endpoint: "/a", method: "GET", statusCode: 200, latencyMs: 1, createdAt: Self.day1)
        let bad = UsageRecord(endpoint: "/a", method: "GET", statusCode: 200, latencyMs: 1, extraData: "{not json", createdAt: Self.day1)
        await #expect(throws: StoreError.self) { try await t.store.usage.record(contentsOf: [good, bad]) }
        #expect(try await t.store.usage.summary(since: nil, until: nil, userId: nil).requests == 0)
    }
}
