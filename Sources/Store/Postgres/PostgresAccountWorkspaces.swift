import Foundation
import PostgresNIO

/// The workspace calls `Store.accounts` offers (`AccountWorkspaces`), on PostgreSQL, with the
/// rules of AccountService+Workspaces.swift: only owners change members, the last owner stays.
extension PostgresAccountRepository: AccountWorkspaces {
    func workspaces(of userId: Int64) async throws -> [Membership] {
        try await database.rows("""
            SELECT workspaces.id, workspaces.owner_id, workspaces.name, workspaces.created_at, workspace_members.role
            FROM workspaces JOIN workspace_members ON workspace_members.workspace_id = workspaces.id
            WHERE workspace_members.user_id = \(userId) ORDER BY workspaces.id
            """).map { row in
            Membership(workspace: try Self.workspace(row),
                       role: WorkspaceRole(rawValue: try row.value("role", as: String.self)) ?? .viewer)
        }
    }

    func personalWorkspace(of userId: Int64) async throws -> Workspace {
        let found = try await database.rows("""
            SELECT id, owner_id, name, created_at FROM workspaces WHERE owner_id = \(userId) ORDER BY id LIMIT 1
            """).map(Self.workspace)
        guard let workspace = found.first else { throw StoreError.notFound("personal workspace of user \(userId)") }
        return workspace
    }

    func createWorkspace(named name: String, ownerId: Int64) async throws -> Workspace {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalidInput("workspace name must not be empty") }
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            let workspace = try await c.rows("""
                INSERT INTO workspaces (owner_id, name, created_at) VALUES (\(ownerId), \(name), \(now))
                RETURNING id, owner_id, name, created_at
                """, database.logger).map(Self.workspace)[0]
            try await c.query("""
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (\(workspace.id!), \(ownerId), 'owner')
                """, logger: database.logger)
            return workspace
        }
    }

    func setMember(_ userId: Int64, role: WorkspaceRole, in workspaceId: Int64, by actorId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            try await Self.requireOwner(actorId, of: workspaceId, c, database)
            try await c.query("""
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (\(workspaceId), \(userId), \(role.rawValue))
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role
                """, logger: database.logger)
        }
    }

    func removeMember(_ userId: Int64, from workspaceId: Int64, by actorId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            try await Self.requireOwner(actorId, of: workspaceId, c, database)
            let owners = try await c.rows("""
                SELECT user_id FROM workspace_members WHERE workspace_id = \(workspaceId) AND role = 'owner'
                """, database.logger).map { try $0.value("user_id", as: Int64.self) }
            if owners == [userId] { throw StoreError.conflict("a workspace needs at least one owner") }
            try await c.query("""
                DELETE FROM workspace_members WHERE workspace_id = \(workspaceId) AND user_id = \(userId)
                """, logger: database.logger)
        }
    }

    /// Locks the workspace row first, so two owners removing each other at once cannot leave
    /// it ownerless: the second waits and then sees the first's change.
    static func requireOwner(_ actorId: Int64, of workspaceId: Int64, _ c: PostgresConnection,
                             _ database: PostgresStoreDatabase) async throws {
        _ = try await c.rows("SELECT id FROM workspaces WHERE id = \(workspaceId) FOR UPDATE", database.logger)
        let role = try await c.rows("""
            SELECT role FROM workspace_members WHERE workspace_id = \(workspaceId) AND user_id = \(actorId)
            """, database.logger).first.map { try $0.value("role", as: String.self) }
        guard role == WorkspaceRole.owner.rawValue else {
            throw StoreError.forbidden("only a workspace owner can change its members")
        }
    }

    static func workspace(_ row: PostgresRandomAccessRow) throws -> Workspace {
        Workspace(id: try row.value("id"), ownerId: try row.value("owner_id"), name: try row.value("name"),
                  createdAt: try row.value("created_at"))
    }
}
