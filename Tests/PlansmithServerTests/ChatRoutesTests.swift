import Foundation
import Testing
@testable import PlansmithServer

@Suite("Elicitation chat over HTTP", .serialized)
struct ChatRoutesTests {
    @Test("start a chat, send messages, other users cannot post to it")
    func chat() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey("ada@example.com")
            let (_, other, _) = try await server.userWithKey("bob@example.com")
            let started = try await server.post("/v1/chats", key: key, json: ["domain_name": "rover"])
            #expect(started.status == 201)
            let id = try #require(started.json["id"] as? Int)
            #expect((started.json["message"] as? String)?.isEmpty == false)
            let reply = try await server.post("/v1/chats/\(id)/messages", key: key, json: ["text": "template gripper"])
            #expect(reply.status == 200)
            #expect((reply.json["message"] as? String)?.isEmpty == false)
            #expect(reply.json["stage"] is String)
            let foreign = try await server.post("/v1/chats/\(id)/messages", key: other, json: ["text": "hello"])
            #expect(foreign.status == 404)
            let empty = try await server.post("/v1/chats/\(id)/messages", key: key, json: ["text": "  "])
            #expect(empty.status == 422)
        }
    }
}
