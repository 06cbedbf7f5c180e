import Foundation
import Hummingbird
import PlansmithCore

/// Team workspaces through `WorkspaceService`: the caller's workspaces, creating one, its members
/// (list, invite or add, change role, remove) and invitations waiting for the caller. A workspace
/// the caller is not in is 404; a member who is not an owner changing members is 403; the last
/// owner stepping down is 409.
struct WorkspaceRoutes {
    let workspaces: any WorkspaceService

    struct Workspaces: Codable, Sendable { var workspaces: [WorkspaceInfo] }
    struct CreateWorkspace: Codable, Sendable { var name: String }
    struct Roster: Codable, Sendable {
        var workspace: WorkspaceInfo
        var members: [MemberInfo]
        var invitations: [InvitationInfo]
    }
    struct Invite: Codable, Sendable {
        var email: String
        var role: WorkspaceAccess?
    }
    /// `status` is "added" (the email had an account, now a member) or "invited" (it waits).
    struct Invited: Codable, Sendable {
        var status: String
        var member: MemberInfo?
        var invitation: InvitationInfo?
    }
    struct ChangeRole: Codable, Sendable { var role: WorkspaceAccess }
    struct Invitations: Codable, Sendable { var invitations: [InvitationInfo] }

    func add(to routes: RouteRegistrar) {
        routes.add(.get, "/v1/workspaces") { _, context in
            let caller = try context.authenticated()
            return try JSONCoding.response(Workspaces(workspaces: try await workspaces.workspaces(userId: caller.userId)))
        }
        routes.add(.post, "/v1/workspaces") { request, context in
            let caller = try context.authenticated()
            let body = try await request.decodeJSON(CreateWorkspace.self, context: context)
            return try JSONCoding.response(try await workspaces.create(named: body.name, userId: caller.userId), status: .created)
        }
        routes.add(.get, "/v1/workspaces/{id}/members") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "workspace")
            let roster = try await workspaces.roster(of: id, userId: caller.userId)
            return try JSONCoding.response(Roster(workspace: roster.workspace, members: roster.members, invitations: roster.invitations))
        }
        routes.add(.post, "/v1/workspaces/{id}/members") { request, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "workspace")
            let body = try await request.decodeJSON(Invite.self, context: context)
            switch try await workspaces.invite(email: body.email, role: body.role ?? .viewer, to: id, userId: caller.userId) {
            case .added(let member): return try JSONCoding.response(Invited(status: "added", member: member), status: .created)
            case .invited(let invitation):
                return try JSONCoding.response(Invited(status: "invited", invitation: invitation), status: .accepted)
            }
        }
        routes.add(.put, "/v1/workspaces/{id}/members/{userId}") { request, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "workspace")
            let member = try context.parameters.id("userId", what: "member")
            let body = try await request.decodeJSON(ChangeRole.self, context: context)
            try await workspaces.setRole(body.role, of: member, in: id, userId: caller.userId)
            let roster = try await workspaces.roster(of: id, userId: caller.userId)
            return try JSONCoding.response(Roster(workspace: roster.workspace, members: roster.members, invitations: roster.invitations))
        }
        routes.add(.delete, "/v1/workspaces/{id}/members/{userId}") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "workspace")
            let member = try context.parameters.id("userId", what: "member")
            // Removing yourself is leaving, which any member may do (not the last owner).
            if member == caller.userId { try await workspaces.leave(id, userId: caller.userId) }
            else { try await workspaces.remove(member, from: id, userId: caller.userId) }
            return Response(status: .noContent)
        }
        routes.add(.get, "/v1/invitations") { _, context in
            let caller = try context.authenticated()
            return try JSONCoding.response(Invitations(invitations: try await workspaces.invitations(userId: caller.userId)))
        }
        routes.add(.post, "/v1/invitations/{id}/accept") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "invitation")
            return try JSONCoding.response(try await workspaces.accept(invitation: id, userId: caller.userId))
        }
        routes.add(.post, "/v1/invitations/{id}/decline") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "invitation")
            try await workspaces.decline(invitation: id, userId: caller.userId)
            return Response(status: .noContent)
        }
    }
}
