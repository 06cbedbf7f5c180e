import Foundation
import Testing
@testable import PlansmithServer
import Store

@Suite("Authentication: API keys and login sessions", .serialized)
struct AuthTests {
    @Test("a request without credentials, or with a malformed or unknown key, is 401 in the envelope")
    func missingOrBadCredentials() async throws {
        try await TestServer.with { server in
            let none = try await server.get("/v1/keys")
            #expect(none.status == 401 && none.errorCode == "unauthorized")
            #expect(none.headers["WWW-Authenticate"] == "Bearer")
            let malformed = try await server.request("GET", "/v1/keys", headers: [("Authorization", "Basic YWRhOnB3")])
            #expect(malformed.status == 401 && malformed.errorCode == "unauthorized")
            let unknown = try await server.get("/v1/keys", key: "psk_" + String(repeating: "A", count: 43))
            #expect(unknown.status == 401 && unknown.errorCode == "unauthorized")
        }
    }

    @Test("a valid key is accepted and its last use is recorded")
    func validKey() async throws {
        try await TestServer.with { server in
            let (user, key, keyId) = try await server.userWithKey()
            let reply = try await server.get("/v1/keys", key: key)
            #expect(reply.status == 200)
            let keys = reply.json["keys"] as? [[String: Any]] ?? []
            #expect(keys.count == 1 && keys.first?["id"] as? Int == Int(keyId))
            #expect(keys.first?["key"] == nil, "a listed key never shows the secret")
            await server.server.usageWriter?.flush()
            let stored = try await server.store.apiKeys.list(userId: user.id!).first { $0.id == keyId }
            #expect(stored?.lastUsedAt != nil)
        }
    }

    @Test("a revoked key is 401, whether revoked through the API or the store")
    func revokedKey() async throws {
        try await TestServer.with { server in
            let (user, key, keyId) = try await server.userWithKey()
            let (_, other, otherId) = try await server.userWithKey()
            #expect(try await server.get("/v1/keys", key: key).status == 200)
            let revoked = try await server.post("/v1/keys/\(keyId)/revoke", key: other)
            #expect(revoked.status == 200 && revoked.json["status"] as? String == "revoked")
            let refused = try await server.get("/v1/keys", key: key)
            #expect(refused.status == 401)
            #expect(refused.errorMessage?.contains("revoked") == true)
            try await server.store.apiKeys.revoke(keyId: otherId, userId: user.id!)
            #expect(try await server.get("/v1/keys", key: other).status == 401)
        }
    }

    @Test("an expired key is 401 from the moment it expires")
    func expiredKey() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey(expiresAt: server.clock.now().addingTimeInterval(60))
            #expect(try await server.get("/v1/keys", key: key).status == 200)
            server.clock.advance(by: 61)
            let refused = try await server.get("/v1/keys", key: key)
            #expect(refused.status == 401)
            #expect(refused.errorMessage?.contains("expired") == true)
        }
    }

    @Test("register, log in, use the session token, log out")
    func loginSession() async throws {
        try await TestServer.with { server in
            let registered = try await server.post("/v1/auth/register", json: ["email": "grace@example.com", "password": "hopper-1906"])
            #expect(registered.status == 201 && registered.json["email"] as? String == "grace@example.com")
            let duplicate = try await server.post("/v1/auth/register", json: ["email": "grace@example.com", "password": "hopper-1906"])
            #expect(duplicate.status == 409 && duplicate.errorCode == "conflict")
            let wrong = try await server.post("/v1/auth/login", json: ["email": "grace@example.com", "password": "wrong password"])
            #expect(wrong.status == 401 && wrong.errorCode == "unauthorized")
            let login = try await server.post("/v1/auth/login", json: ["email": "grace@example.com", "password": "hopper-1906"])
            #expect(login.status == 200)
            let token = try #require(login.json["token"] as? String)
            #expect(token.hasPrefix("pss_"))
            let me = try await server.get("/v1/me", key: token)
            #expect(me.status == 200 && me.json["email"] as? String == "grace@example.com")
            #expect(try await server.post("/v1/auth/logout", key: token).status == 204)
            #expect(try await server.get("/v1/me", key: token).status == 401)
        }
    }

    @Test("a session token stops working when it expires")
    func sessionExpiry() async throws {
        try await TestServer.with(configure: { $0.sessionLifetime = 3600 }) { server in
            _ = try await server.post("/v1/auth/register", json: ["email": "e@example.com", "password": "long enough"])
            let login = try await server.post("/v1/auth/login", json: ["email": "e@example.com", "password": "long enough"])
            let token = try #require(login.json["token"] as? String)
            #expect(try await server.get("/v1/me", key: token).status == 200)
            server.clock.advance(by: 3601)
            #expect(try await server.get("/v1/me", key: token).status == 401)
        }
    }
}
