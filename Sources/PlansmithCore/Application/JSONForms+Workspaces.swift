import Foundation

/// The workspace objects of `plansmith workspaces … --json`, with the same field names as the
/// server's `/v1/workspaces` bodies (snake case, ISO 8601 dates).
extension JSONForms {
    public static func workspace(_ w: WorkspaceInfo, current: Bool? = nil) -> [String: Any] {
        var object: [String: Any] = ["id": w.id, "name": w.name, "role": w.role.rawValue]
        if let current { object["current"] = current }
        return object
    }

    public static func member(_ m: MemberInfo) -> [String: Any] {
        ["user_id": m.userId, "email": m.email, "role": m.role.rawValue]
    }

    public static func invitation(_ i: InvitationInfo) -> [String: Any] {
        ["id": i.id, "workspace_id": i.workspaceId, "workspace_name": i.workspaceName, "email": i.email,
         "role": i.role.rawValue, "created_at": i.createdAt.formatted(Date.ISO8601FormatStyle())]
    }

    public static func roster(_ r: WorkspaceRoster) -> [String: Any] {
        ["workspace": workspace(r.workspace), "members": r.members.map(member), "invitations": r.invitations.map(invitation)]
    }

    /// `{"status": "added", "member": …}` or `{"status": "invited", "invitation": …}`.
    public static func inviteResult(_ result: InviteResult) -> [String: Any] {
        switch result {
        case .added(let m): return ["status": "added", "member": member(m)]
        case .invited(let i): return ["status": "invited", "invitation": invitation(i)]
        }
    }
}
