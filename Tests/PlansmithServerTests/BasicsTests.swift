import Foundation
import Testing
@testable import PlansmithServer

@Suite("Server basics over real HTTP", .serialized)
struct BasicsTests {
    @Test("health answers without credentials, with a request id and JSON")
    func health() async throws {
        try await TestServer.with { server in
            let reply = try await server.get("/v1/health")
            #expect(reply.status == 200)
            #expect(reply.json["status"] as? String == "ok")
            #expect(reply.headers["Content-Type"]?.hasPrefix("application/json") == true)
            #expect(reply.headers["X-Request-Id"]?.hasPrefix("req_") == true)
        }
    }

    @Test("a sane client request id is echoed; an unsafe one is replaced")
    func requestIdEcho() async throws {
        try await TestServer.with { server in
            let echoed = try await server.request("GET", "/v1/health", headers: [("X-Request-Id", "trace-42.a_b")])
            #expect(echoed.headers["X-Request-Id"] == "trace-42.a_b")
            let replaced = try await server.request("GET", "/v1/health", headers: [("X-Request-Id", "bad id;drop")])
            #expect(replaced.headers["X-Request-Id"]?.hasPrefix("req_") == true)
        }
    }

    @Test("an unknown route answers 404 in the error envelope")
    func unknownRoute() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let reply = try await server.get("/v1/no-such-thing", key: key)
            #expect(reply.status == 404)
            #expect(reply.errorCode == "not_found")
            #expect(reply.errorMessage?.isEmpty == false)
            let wrongMethod = try await server.request("DELETE", "/v1/health")
            #expect(wrongMethod.status == 404 && wrongMethod.errorCode == "not_found")
        }
    }

    @Test("the OpenAPI document is served as JSON")
    func openAPIServed() async throws {
        try await TestServer.with { server in
            let reply = try await server.get("/v1/openapi.json")
            #expect(reply.status == 200)
            #expect(reply.json["openapi"] as? String == "3.1.0")
        }
    }
}
