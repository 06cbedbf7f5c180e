import GRDB

/// The access rules on SQLite, in one place: membership decides writes; reads also allow public
/// and template domains (see `DerivableRequest<Domain>.readable(by:)`). `PostgresAccess` is the twin.
enum Access {
    static func role(of userId: Int64, in workspaceId: Int64, _ db: Database) throws -> WorkspaceRole? {
        try String.fetchOne(db, sql: "SELECT role FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                            arguments: [workspaceId, userId]).flatMap(WorkspaceRole.init(rawValue:))
    }

    /// Throws unless the user may change domains in the workspace: non-members get "not found".
    static func requireWriter(_ userId: Int64, in workspaceId: Int64, _ db: Database) throws {
        guard let role = try role(of: userId, in: workspaceId, db) else { throw WorkspaceRules.notFound(workspaceId) }
        guard role.canWrite else { throw StoreError.forbidden("viewers cannot change domains in this workspace") }
    }

    /// Throws unless the user is a member (any role); returns the role.
    @discardableResult
    static func requireMember(_ userId: Int64, of workspaceId: Int64, _ db: Database) throws -> WorkspaceRole {
        guard let role = try role(of: userId, in: workspaceId, db) else { throw WorkspaceRules.notFound(workspaceId) }
        return role
    }

    /// Throws unless the user owns the workspace (members who are not owners: forbidden).
    static func requireOwner(_ userId: Int64, of workspaceId: Int64, _ db: Database) throws {
        guard try requireMember(userId, of: workspaceId, db) == .owner else {
            throw StoreError.forbidden(WorkspaceRules.ownersOnly)
        }
    }

    static func ownerCount(of workspaceId: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM workspace_members WHERE workspace_id = ? AND role = 'owner'",
                         arguments: [workspaceId]) ?? 0
    }
}
