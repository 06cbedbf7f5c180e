import Foundation
import Testing
@testable import PlansmithServer

@Suite("Workspaces over HTTP", .serialized)
struct WorkspaceRoutesTests {
    @Test("create a workspace, add a member and invite an email, change a role, remove; non-members get 404")
    func members() async throws {
        try await TestServer.with { server in
            let (_, owner, _) = try await server.userWithKey("owner@example.com")
            let (bob, bobKey, _) = try await server.userWithKey("bob@example.com")
            let (_, stranger, _) = try await server.userWithKey("stranger@example.com")

            let created = try await server.post("/v1/workspaces", key: owner, json: ["name": "Team"])
            #expect(created.status == 201 && created.json["role"] as? String == "owner")
            let team = try #require(created.json["id"] as? Int)
            #expect(try await server.post("/v1/workspaces", key: owner, json: ["name": "Team"]).status == 409)
            #expect(try await server.post("/v1/workspaces", key: owner, json: ["name": " "]).status == 422)
            let list = try await server.get("/v1/workspaces", key: owner)
            #expect((list.json["workspaces"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Personal", "Team"])

            let added = try await server.post("/v1/workspaces/\(team)/members", key: owner,
                                              json: ["email": "bob@example.com", "role": "viewer"])
            #expect(added.status == 201 && added.json["status"] as? String == "added")
            let invited = try await server.post("/v1/workspaces/\(team)/members", key: owner, json: ["email": "carol@example.com"])
            #expect(invited.status == 202 && invited.json["status"] as? String == "invited")
            #expect((invited.json["invitation"] as? [String: Any])?["role"] as? String == "viewer")
            #expect(try await server.post("/v1/workspaces/\(team)/members", key: owner,
                                          json: ["email": "x@example.com", "role": "admin"]).status == 400)
            // A viewer neither invites nor changes roles; a stranger does not see the workspace at all.
            #expect(try await server.post("/v1/workspaces/\(team)/members", key: bobKey, json: ["email": "eve@example.com"]).status == 403)
            #expect(try await server.get("/v1/workspaces/\(team)/members", key: stranger).status == 404)
            #expect(try await server.request("PUT", "/v1/workspaces/\(team)/members/\(bob.id!)", key: stranger,
                                             json: ["role": "owner"]).status == 404)

            let roster = try await server.get("/v1/workspaces/\(team)/members", key: bobKey)
            #expect((roster.json["members"] as? [[String: Any]])?.map { $0["email"] as? String } == ["owner@example.com", "bob@example.com"])
            #expect((roster.json["invitations"] as? [[String: Any]])?.map { $0["email"] as? String } == ["carol@example.com"])

            let promoted = try await server.request("PUT", "/v1/workspaces/\(team)/members/\(bob.id!)", key: owner, json: ["role": "editor"])
            #expect(promoted.status == 200)
            #expect((promoted.json["members"] as? [[String: Any]])?.last?["role"] as? String == "editor")
            #expect(try await server.request("DELETE", "/v1/workspaces/\(team)/members/\(bob.id!)", key: owner).status == 204)
            #expect(try await server.get("/v1/workspaces/\(team)/members", key: bobKey).status == 404)
        }
    }

    @Test("the last owner can neither leave nor be demoted (409); an invited email accepts after signing up")
    func ownersAndInvitations() async throws {
        try await TestServer.with { server in
            let (owner, ownerKey, _) = try await server.userWithKey("owner@example.com")
            let team = try #require(try await server.post("/v1/workspaces", key: ownerKey, json: ["name": "Team"]).json["id"] as? Int)
            #expect(try await server.request("DELETE", "/v1/workspaces/\(team)/members/\(owner.id!)", key: ownerKey).status == 409)
            #expect(try await server.request("PUT", "/v1/workspaces/\(team)/members/\(owner.id!)", key: ownerKey,
                                             json: ["role": "viewer"]).status == 409)
            _ = try await server.post("/v1/workspaces/\(team)/members", key: ownerKey, json: ["email": "new@example.com", "role": "editor"])
            let (_, newKey, _) = try await server.userWithKey("new@example.com")
            let waiting = try await server.get("/v1/invitations", key: newKey)
            let invitation = try #require((waiting.json["invitations"] as? [[String: Any]])?.first?["id"] as? Int)
            #expect(try await server.post("/v1/invitations/\(invitation)/accept", key: ownerKey).status == 404)
            let joined = try await server.post("/v1/invitations/\(invitation)/accept", key: newKey)
            #expect(joined.status == 200 && joined.json["role"] as? String == "editor" && joined.json["id"] as? Int == team)
        }
    }

    @Test("publish lets every account read a domain; viewers cannot publish or delete (403); delete honours roles")
    func publishing() async throws {
        try await TestServer.with { server in
            let (_, ownerKey, _) = try await server.userWithKey("owner@example.com")
            let (_, viewerKey, _) = try await server.userWithKey("viewer@example.com")
            let (_, strangerKey, _) = try await server.userWithKey("stranger@example.com")
            let team = try #require(try await server.post("/v1/workspaces", key: ownerKey, json: ["name": "Team"]).json["id"] as? Int)
            _ = try await server.post("/v1/workspaces/\(team)/members", key: ownerKey, json: ["email": "viewer@example.com"])
            let created = try await server.post("/v1/domains", key: ownerKey,
                                                json: ["name": "gripper", "domain_pddl": try PDDLFixtures.gripperDomain, "workspace_id": team])
            let id = try #require(created.json["id"] as? Int)

            #expect(try await server.get("/v1/domains/\(id)", key: viewerKey).status == 200)
            #expect(try await server.get("/v1/domains/\(id)", key: strangerKey).status == 404)
            #expect(try await server.post("/v1/domains/\(id)/publish", key: viewerKey).status == 403)
            #expect(try await server.request("DELETE", "/v1/domains/\(id)", key: viewerKey).status == 403)
            #expect(try await server.post("/v1/domains/\(id)/publish", key: strangerKey).status == 404)

            let published = try await server.post("/v1/domains/\(id)/publish", key: ownerKey)
            #expect(published.status == 200 && published.json["is_public"] as? Bool == true)
            #expect(try await server.get("/v1/domains/\(id)", key: strangerKey).status == 200)
            #expect(try await server.request("PUT", "/v1/domains/\(id)", key: strangerKey, json: ["description": "x"]).status == 403)
            #expect(try await server.post("/v1/domains/\(id)/unpublish", key: strangerKey).status == 403)
            #expect(try await server.post("/v1/domains/\(id)/unpublish", key: ownerKey).json["is_public"] as? Bool == false)
            #expect(try await server.get("/v1/domains/\(id)", key: strangerKey).status == 404)
            #expect(try await server.request("DELETE", "/v1/domains/\(id)", key: ownerKey).status == 204)
        }
    }
}
