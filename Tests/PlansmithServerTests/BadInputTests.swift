import Foundation
import Testing
@testable import PlansmithServer
import Store

@Suite("Bad input: a clear JSON error, never a crash", .serialized)
struct BadInputTests {
    @Test("malformed JSON is 400 invalid_json")
    func malformedJSON() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let reply = try await server.request("POST", "/v1/keys", key: key, rawBody: Array(#"{"name": "#.utf8),
                                                 contentType: "application/json")
            #expect(reply.status == 400 && reply.errorCode == "invalid_json")
        }
    }

    @Test("a field of the wrong type is 400 and names the field")
    func wrongFieldType() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let reply = try await server.post("/v1/keys", key: key, json: ["name": "ci", "rate_limit": "lots"])
            #expect(reply.status == 400 && reply.errorCode == "invalid_json")
            #expect(reply.errorMessage?.contains("rate_limit") == true)
        }
    }

    @Test("a body that is not declared as JSON is 415")
    func wrongContentType() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let reply = try await server.request("POST", "/v1/keys", key: key, rawBody: Array(#"{"name":"x"}"#.utf8),
                                                 contentType: "text/plain")
            #expect(reply.status == 415 && reply.errorCode == "unsupported_media_type")
            let missing = try await server.request("POST", "/v1/keys", key: key, rawBody: Array(#"{"name":"x"}"#.utf8))
            #expect(missing.status == 415)
        }
    }

    @Test("a body over the limit is 413, and the server keeps serving")
    func bodyTooLarge() async throws {
        try await TestServer.with(configure: { $0.bodyLimit = 4096 }) { server in
            let (_, key, _) = try await server.userWithKey()
            let big = "{\"name\": \"" + String(repeating: "x", count: 8192) + "\"}"
            let reply = try await server.request("POST", "/v1/keys", key: key, rawBody: Array(big.utf8), contentType: "application/json")
            #expect(reply.status == 413 && reply.errorCode == "payload_too_large")
            #expect(try await server.get("/v1/health").status == 200)
        }
    }

    @Test("the default limit is 8 MB: a 9 MB body is refused with 413")
    func defaultLimit() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let big = "{\"name\": \"" + String(repeating: "x", count: 9 << 20) + "\"}"
            let reply = try await server.request("POST", "/v1/keys", key: key, rawBody: Array(big.utf8), contentType: "application/json")
            #expect(reply.status == 413 && reply.errorCode == "payload_too_large")
        }
    }

    @Test("unknown ids and other users' objects are 404, never 403")
    func unknownAndForeignIds() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey("ada@example.com")
            let (_, _, foreignKeyId) = try await server.userWithKey("bob@example.com")
            let unknown = try await server.post("/v1/keys/999999/revoke", key: key)
            #expect(unknown.status == 404 && unknown.errorCode == "not_found")
            let notANumber = try await server.post("/v1/keys/abc/revoke", key: key)
            #expect(notANumber.status == 404)
            let foreign = try await server.post("/v1/keys/\(foreignKeyId)/rotate", key: key)
            #expect(foreign.status == 404 && foreign.errorCode == "not_found")
        }
    }

    @Test("invalid values are 422 with the store's message")
    func invalidValues() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let reply = try await server.post("/v1/keys", key: key, json: ["name": "   "])
            #expect(reply.status == 422 && reply.errorCode == "invalid_input")
            let register = try await server.post("/v1/auth/register", json: ["email": "not-an-email", "password": "long enough"])
            #expect(register.status == 422)
        }
    }
}
