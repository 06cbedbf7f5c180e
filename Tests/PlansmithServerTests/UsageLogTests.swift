import Foundation
import Testing
@testable import PlansmithServer
import Store

@Suite("Usage log: one row per request, batched", .serialized)
struct UsageLogTests {
    @Test("every request writes a row with route, method, status, key, user and client address")
    func rowsPerRequest() async throws {
        try await TestServer.with(configure: { $0.anonymousRateLimit = 1000 }) { server in
            let (user, key, keyId) = try await server.userWithKey(rateLimit: 2)
            _ = try await server.get("/v1/keys", key: key)                 // 200
            _ = try await server.post("/v1/keys/424242/revoke", key: key)  // 404
            _ = try await server.get("/v1/keys", key: key)                 // 429 (limit 2)
            _ = try await server.get("/v1/keys")                           // 401
            await server.server.usageWriter?.flush()
            let rows = try await server.store.usage.recent(limit: 100, userId: nil).reversed()
            let summary = rows.map { "\($0.method) \($0.endpoint) \($0.statusCode)" }
            #expect(summary == ["GET /v1/keys 200", "POST /v1/keys/{id}/revoke 404", "GET /v1/keys 429", "GET /v1/keys 401"])
            let first = try #require(rows.first)
            #expect(first.apiKeyId == keyId && first.userId == user.id)
            #expect(first.ip == "127.0.0.1")
            #expect(rows.allSatisfy { $0.latencyMs >= 0 })
            #expect(rows.last?.apiKeyId == nil)
        }
    }

    @Test("rows still in the batch are written on graceful shutdown")
    func flushedOnShutdown() async throws {
        var store: Store?
        try await TestServer.with(configure: { $0.usageFlushInterval = .seconds(3600); $0.usageBatchSize = 10_000 }) { server in
            store = server.store
            for _ in 0..<7 { _ = try await server.get("/v1/keys") }
            #expect(try await server.store.usage.recent(limit: 100, userId: nil).isEmpty, "nothing written before the flush")
        }
        let rows = try await store!.usage.recent(limit: 100, userId: nil)
        #expect(rows.count == 7)
    }

    @Test("the usage route reports the caller's own traffic")
    func usageRoute() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            for _ in 0..<3 { _ = try await server.get("/v1/keys", key: key) }
            let reply = try await server.get("/v1/usage", key: key)
            #expect(reply.status == 200)
            #expect(reply.json["requests"] as? Int == 3, "three earlier requests; this one is logged after it answers")
            let recent = try await server.get("/v1/usage/recent?limit=2", key: key)
            #expect((recent.json["rows"] as? [[String: Any]])?.count == 2)
            let bad = try await server.get("/v1/usage?since=yesterday", key: key)
            #expect(bad.status == 422)
        }
    }
}
