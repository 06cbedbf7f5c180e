import Foundation
import Testing
@testable import PlansmithServer

@Suite("Domains over HTTP", .serialized)
struct DomainRoutesTests {
    @Test("create, get, update as a new revision, history, restore, export, delete")
    func lifecycle() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let domain = try PDDLFixtures.gripperDomain, problem = try PDDLFixtures.gripperProblem
            let created = try await server.post("/v1/domains", key: key,
                                                json: ["name": "gripper", "domain_pddl": domain, "problem_pddl": problem])
            #expect(created.status == 201)
            let id = try #require(created.json["id"] as? Int)
            #expect(created.json["revision"] as? Int == 1)

            let list = try await server.get("/v1/domains", key: key)
            let own = list.json["own"] as? [[String: Any]] ?? []
            #expect(own.map { $0["name"] as? String } == ["gripper"])
            #expect(!(list.json["templates"] as? [Any] ?? []).isEmpty, "bundled templates are listed")

            let updated = try await server.request("PUT", "/v1/domains/\(id)", key: key,
                                                   json: ["description": "balls and rooms", "message": "describe it"])
            #expect(updated.status == 200)
            #expect(updated.json["revision"] as? Int == 2)
            #expect(updated.json["domain_pddl"] as? String == domain, "omitted fields keep their values")

            let history = try await server.get("/v1/domains/\(id)/history", key: key)
            let revisions = history.json["revisions"] as? [[String: Any]] ?? []
            #expect(revisions.map { $0["revision"] as? Int } == [2, 1])

            let restored = try await server.post("/v1/domains/\(id)/restore", key: key, json: ["revision": 1])
            #expect(restored.status == 200 && restored.json["revision"] as? Int == 3)
            #expect(restored.json["description"] as? String == "")

            let exported = try await server.get("/v1/domains/\(id)/export?part=domain", key: key)
            #expect(exported.status == 200 && exported.text == domain)
            #expect(exported.headers["Content-Type"]?.hasPrefix("text/plain") == true)

            #expect(try await server.request("DELETE", "/v1/domains/\(id)", key: key).status == 204)
            #expect(try await server.get("/v1/domains/\(id)", key: key).status == 404)
        }
    }

    @Test("another user's domain is 404 for every verb, never 403")
    func foreignDomainIsNotFound() async throws {
        try await TestServer.with { server in
            let (_, owner, _) = try await server.userWithKey("owner@example.com")
            let (_, stranger, _) = try await server.userWithKey("stranger@example.com")
            let created = try await server.post("/v1/domains", key: owner,
                                                json: ["name": "private", "domain_pddl": try PDDLFixtures.gripperDomain])
            let id = try #require(created.json["id"] as? Int)
            let attempts: [(String, String, Any?)] = [
                ("GET", "/v1/domains/\(id)", nil), ("PUT", "/v1/domains/\(id)", ["name": "mine"]),
                ("DELETE", "/v1/domains/\(id)", nil), ("GET", "/v1/domains/\(id)/history", nil),
                ("POST", "/v1/domains/\(id)/restore", ["revision": 1]), ("GET", "/v1/domains/\(id)/export", nil),
            ]
            for (method, path, body) in attempts {
                let reply = try await server.request(method, path, key: stranger, json: body)
                #expect(reply.status == 404, "\(method) \(path) answered \(reply.status)")
                #expect(reply.errorCode == "not_found")
            }
            #expect(try await server.get("/v1/domains/\(id)", key: owner).status == 200, "the owner still has it")
        }
    }

    @Test("a domain without required fields is 400 and names the field")
    func missingField() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let reply = try await server.post("/v1/domains", key: key, json: ["name": "x"])
            #expect(reply.status == 400 && reply.errorMessage?.contains("domain_pddl") == true)
        }
    }
}
