import Foundation
import GRDB

extension AccountService {
    /// Workspaces the user belongs to, with the user's role in each.
    public func workspaces(of userId: Int64) async throws -> [Membership] {
        try await database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT workspaces.*, workspace_members.role AS member_role FROM workspaces
                JOIN workspace_members ON workspace_members.workspace_id = workspaces.id
                WHERE workspace_members.user_id = ? ORDER BY workspaces.id
                """, arguments: [userId])
            return try rows.map { row in
                Membership(workspace: try Workspace(row: row),
                           role: WorkspaceRole(rawValue: row["member_role"]) ?? .viewer)
            }
        }
    }

    /// The workspace created with the account (the user's first owned workspace).
    public func personalWorkspace(of userId: Int64) async throws -> Workspace {
        let found = try await database.read { db in
            try Workspace.filter(Workspace.Columns.ownerId == userId).order(Workspace.Columns.id).fetchOne(db)
        }
        guard let found else { throw StoreError.notFound("personal workspace of user \(userId)") }
        return found
    }

    /// Creates a workspace owned by `ownerId`.
    public func createWorkspace(named name: String, ownerId: Int64) async throws -> Workspace {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalidInput("workspace name must not be empty") }
        let now = clock.now()
        return try await database.write { db in
            var workspace = Workspace(id: nil, ownerId: ownerId, name: name, createdAt: now)
            try workspace.insert(db)
            try WorkspaceMember(workspaceId: workspace.id!, userId: ownerId, role: .owner).insert(db)
            return workspace
        }
    }

    /// Adds (or changes the role of) a member. Only an owner of the workspace may do this.
    public func setMember(_ userId: Int64, role: WorkspaceRole, in workspaceId: Int64, by actorId: Int64) async throws {
        try await database.write { db in
            guard try Access.role(of: actorId, in: workspaceId, db) == .owner else {
                throw StoreError.forbidden("only a workspace owner can change its members")
            }
            try db.execute(sql: """
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?, ?)
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role
                """, arguments: [workspaceId, userId, role.rawValue])
        }
    }

    /// Removes a member. Only an owner may; the last owner cannot leave.
    public func removeMember(_ userId: Int64, from workspaceId: Int64, by actorId: Int64) async throws {
        try await database.write { db in
            guard try Access.role(of: actorId, in: workspaceId, db) == .owner else {
                throw StoreError.forbidden("only a workspace owner can change its members")
            }
            let owners = try WorkspaceMember.filter(WorkspaceMember.Columns.workspaceId == workspaceId
                                                    && WorkspaceMember.Columns.role == "owner").fetchCount(db)
            if owners == 1, try Access.role(of: userId, in: workspaceId, db) == .owner {
                throw StoreError.conflict("a workspace needs at least one owner")
            }
            _ = try WorkspaceMember.deleteOne(db, key: ["workspace_id": workspaceId, "user_id": userId])
        }
    }
}

/// The access rules, in one place: membership decides writes; reads also allow public and
/// template domains (see `DerivableRequest<Domain>.readable(by:)`).
enum Access {
    static func role(of userId: Int64, in workspaceId: Int64, _ db: Database) throws -> WorkspaceRole? {
        try String.fetchOne(db, sql: "SELECT role FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                            arguments: [workspaceId, userId]).flatMap(WorkspaceRole.init(rawValue:))
    }

    /// Throws unless the user may change domains in the workspace.
    static func requireWriter(_ userId: Int64, in workspaceId: Int64, _ db: Database) throws {
        guard let role = try role(of: userId, in: workspaceId, db) else {
            throw StoreError.notFound("workspace \(workspaceId)")
        }
        guard role.canWrite else { throw StoreError.forbidden("viewers cannot change domains in this workspace") }
    }
}

/// A workspace seen from one member.
public struct Membership: Sendable, Equatable {
    public var workspace: Workspace
    public var role: WorkspaceRole
}
