import Foundation
import PostgresNIO

/// `WorkspaceRepository` on PostgreSQL: the rules of `SQLiteWorkspaceRepository`, in SQL. Member
/// changes lock the workspace's member rows first (`FOR UPDATE`), so two owners demoting each other
/// on two servers at once cannot leave a workspace without an owner.
struct PostgresWorkspaceRepository: WorkspaceRepository {
    let database: PostgresStoreDatabase
    let clock: any StoreClock

    static let workspaceColumns = "workspaces.id, workspaces.owner_id, workspaces.name, workspaces.created_at"
    static let invitationColumns = """
        workspace_invitations.id, workspace_invitations.workspace_id, workspaces.name AS workspace_name,
        workspace_invitations.email, workspace_invitations.role, workspace_invitations.invited_by,
        workspace_invitations.created_at
        """

    func workspaces(of userId: Int64) async throws -> [Membership] {
        try await database.rows("""
            SELECT \(unescaped: Self.workspaceColumns), workspace_members.role AS member_role FROM workspaces
            JOIN workspace_members ON workspace_members.workspace_id = workspaces.id
            WHERE workspace_members.user_id = \(userId) ORDER BY workspaces.id
            """).map(Self.membership)
    }

    func workspace(_ workspaceId: Int64, of userId: Int64) async throws -> Membership {
        let database = database
        return try await database.transaction { c in try await Self.membership(workspaceId, of: userId, c, database) }
    }

    func create(named name: String, ownerId: Int64) async throws -> Workspace {
        let name = try WorkspaceRules.validatedName(name)
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            // Serialise creations by one owner, so the name check below cannot race.
            try await c.query("SELECT id FROM users WHERE id = \(ownerId) FOR UPDATE", logger: database.logger)
            let clash = try await c.rows("SELECT 1 AS one FROM workspaces WHERE owner_id = \(ownerId) AND name = \(name)",
                                         database.logger)
            guard clash.isEmpty else { throw StoreError.conflict("you already own a workspace named '\(name)'") }
            let rows = try await c.rows("""
                INSERT INTO workspaces (owner_id, name, created_at) VALUES (\(ownerId), \(name), \(now))
                RETURNING \(unescaped: Self.workspaceColumns)
                """, database.logger)
            let workspace = try Self.workspace(rows[0])
            try await c.query("""
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (\(workspace.id!), \(ownerId), 'owner')
                """, logger: database.logger)
            return workspace
        }
    }

    func members(of workspaceId: Int64, readableBy userId: Int64) async throws -> [WorkspaceMemberInfo] {
        let database = database
        return try await database.transaction { c in
            try await Self.requireMember(userId, of: workspaceId, c, database)
            return try await c.rows("""
                SELECT users.id, users.email, workspace_members.role FROM workspace_members
                JOIN users ON users.id = workspace_members.user_id
                WHERE workspace_members.workspace_id = \(workspaceId)
                ORDER BY CASE workspace_members.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END,
                         lower(users.email) COLLATE "C", users.id
                """, database.logger).map { row in
                WorkspaceMemberInfo(userId: try row.value("id"), email: try row.value("email"),
                                    role: WorkspaceRole(rawValue: try row.value("role", as: String.self)) ?? .viewer)
            }
        }
    }

    func invitations(in workspaceId: Int64, readableBy userId: Int64) async throws -> [WorkspaceInvitation] {
        let database = database
        return try await database.transaction { c in
            try await Self.requireMember(userId, of: workspaceId, c, database)
            return try await c.rows("""
                SELECT \(unescaped: Self.invitationColumns) FROM workspace_invitations
                JOIN workspaces ON workspaces.id = workspace_invitations.workspace_id
                WHERE workspace_invitations.workspace_id = \(workspaceId)
                ORDER BY lower(workspace_invitations.email) COLLATE "C", workspace_invitations.id
                """, database.logger).map(Self.invitation)
        }
    }

    func invite(email: String, role: WorkspaceRole, to workspaceId: Int64, by actorId: Int64) async throws -> InviteOutcome {
        let email = try AccountService.validated(email: email)
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            try await Self.requireOwner(actorId, of: workspaceId, c, database)
            let users = try await c.rows("SELECT id, email FROM users WHERE lower(email) = lower(\(email))", database.logger)
            if let user = users.first {
                let userId = try user.value("id", as: Int64.self)
                let stored = try user.value("email", as: String.self)
                if try await Self.role(of: userId, in: workspaceId, c, database) != nil {
                    throw StoreError.conflict("\(stored) is already a member of this workspace")
                }
                try await c.query("""
                    INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (\(workspaceId), \(userId), \(role.rawValue))
                    """, logger: database.logger)
                try await c.query("""
                    DELETE FROM workspace_invitations WHERE workspace_id = \(workspaceId) AND lower(email) = lower(\(email))
                    """, logger: database.logger)
                return .added(WorkspaceMemberInfo(userId: userId, email: stored, role: role))
            }
            let rows = try await c.rows("""
                WITH saved AS (
                    INSERT INTO workspace_invitations (workspace_id, email, role, invited_by, created_at)
                    VALUES (\(workspaceId), \(email), \(role.rawValue), \(actorId), \(now))
                    ON CONFLICT (workspace_id, lower(email)) DO UPDATE SET role = excluded.role, invited_by = excluded.invited_by
                    RETURNING *)
                SELECT saved.id, saved.workspace_id, workspaces.name AS workspace_name, saved.email, saved.role,
                       saved.invited_by, saved.created_at
                FROM saved JOIN workspaces ON workspaces.id = saved.workspace_id
                """, database.logger)
            return .invited(try Self.invitation(rows[0]))
        }
    }

    func invitations(for userId: Int64) async throws -> [WorkspaceInvitation] {
        try await database.rows("""
            SELECT \(unescaped: Self.invitationColumns) FROM workspace_invitations
            JOIN workspaces ON workspaces.id = workspace_invitations.workspace_id
            WHERE lower(workspace_invitations.email) = (SELECT lower(email) FROM users WHERE id = \(userId))
            ORDER BY lower(workspace_invitations.email) COLLATE "C", workspace_invitations.id
            """).map(Self.invitation)
    }

    func accept(invitation invitationId: Int64, by userId: Int64) async throws -> Membership {
        let database = database
        return try await database.transaction { c in
            let invitation = try await Self.addressed(invitationId, to: userId, c, database)
            try await c.query("""
                INSERT INTO workspace_members (workspace_id, user_id, role)
                VALUES (\(invitation.workspaceId), \(userId), \(invitation.role.rawValue))
                ON CONFLICT (workspace_id, user_id) DO NOTHING
                """, logger: database.logger)
            try await c.query("DELETE FROM workspace_invitations WHERE id = \(invitationId)", logger: database.logger)
            return try await Self.membership(invitation.workspaceId, of: userId, c, database)
        }
    }

    func decline(invitation invitationId: Int64, by userId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            let found = try await c.rows("""
                SELECT workspace_id FROM workspace_invitations WHERE id = \(invitationId)
                """, database.logger)
            guard let row = found.first else { throw WorkspaceRules.invitationNotFound(invitationId) }
            let workspaceId = try row.value("workspace_id", as: Int64.self)
            if try await Self.role(of: userId, in: workspaceId, c, database) != .owner {
                _ = try await Self.addressed(invitationId, to: userId, c, database)
            }
            try await c.query("DELETE FROM workspace_invitations WHERE id = \(invitationId)", logger: database.logger)
        }
    }

    func setRole(_ role: WorkspaceRole, of memberId: Int64, in workspaceId: Int64, by actorId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            try await Self.lockMembers(of: workspaceId, c, database)
            try await Self.requireOwner(actorId, of: workspaceId, c, database)
            guard let current = try await Self.role(of: memberId, in: workspaceId, c, database) else {
                throw WorkspaceRules.memberNotFound(memberId)
            }
            if current == .owner, role != .owner, try await Self.ownerCount(of: workspaceId, c, database) == 1 {
                throw StoreError.conflict(WorkspaceRules.lastOwner)
            }
            try await c.query("""
                UPDATE workspace_members SET role = \(role.rawValue) WHERE workspace_id = \(workspaceId) AND user_id = \(memberId)
                """, logger: database.logger)
        }
    }

    func remove(_ memberId: Int64, from workspaceId: Int64, by actorId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            try await Self.lockMembers(of: workspaceId, c, database)
            try await Self.requireOwner(actorId, of: workspaceId, c, database)
            try await Self.removeMember(memberId, from: workspaceId, c, database)
        }
    }

    func leave(_ workspaceId: Int64, userId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            try await Self.lockMembers(of: workspaceId, c, database)
            try await Self.requireMember(userId, of: workspaceId, c, database)
            try await Self.removeMember(userId, from: workspaceId, c, database)
        }
    }

    // MARK: - Shared steps

    static func lockMembers(of workspaceId: Int64, _ c: PostgresConnection, _ database: PostgresStoreDatabase) async throws {
        try await c.query("SELECT id FROM workspaces WHERE id = \(workspaceId) FOR UPDATE", logger: database.logger)
    }

    static func removeMember(_ memberId: Int64, from workspaceId: Int64, _ c: PostgresConnection,
                             _ database: PostgresStoreDatabase) async throws {
        guard let current = try await role(of: memberId, in: workspaceId, c, database) else {
            throw WorkspaceRules.memberNotFound(memberId)
        }
        if current == .owner, try await ownerCount(of: workspaceId, c, database) == 1 {
            throw StoreError.conflict(WorkspaceRules.lastOwner)
        }
        try await c.query("""
            DELETE FROM workspace_members WHERE workspace_id = \(workspaceId) AND user_id = \(memberId)
            """, logger: database.logger)
    }

    static func role(of userId: Int64, in workspaceId: Int64, _ c: PostgresConnection,
                     _ database: PostgresStoreDatabase) async throws -> WorkspaceRole? {
        try await PostgresDomainRepository.role(of: userId, in: workspaceId, c, database)
    }

    @discardableResult
    static func requireMember(_ userId: Int64, of workspaceId: Int64, _ c: PostgresConnection,
                              _ database: PostgresStoreDatabase) async throws -> WorkspaceRole {
        guard let role = try await role(of: userId, in: workspaceId, c, database) else {
            throw WorkspaceRules.notFound(workspaceId)
        }
        return role
    }

    static func requireOwner(_ userId: Int64, of workspaceId: Int64, _ c: PostgresConnection,
                             _ database: PostgresStoreDatabase) async throws {
        guard try await requireMember(userId, of: workspaceId, c, database) == .owner else {
            throw StoreError.forbidden(WorkspaceRules.ownersOnly)
        }
    }

    static func ownerCount(of workspaceId: Int64, _ c: PostgresConnection, _ database: PostgresStoreDatabase) async throws -> Int {
        try await c.rows("""
            SELECT COUNT(*) AS n FROM workspace_members WHERE workspace_id = \(workspaceId) AND role = 'owner'
            """, database.logger)[0].value("n", as: Int.self)
    }

    static func membership(_ workspaceId: Int64, of userId: Int64, _ c: PostgresConnection,
                           _ database: PostgresStoreDatabase) async throws -> Membership {
        let rows = try await c.rows("""
            SELECT \(unescaped: workspaceColumns), workspace_members.role AS member_role FROM workspaces
            JOIN workspace_members ON workspace_members.workspace_id = workspaces.id
            WHERE workspace_members.user_id = \(userId) AND workspaces.id = \(workspaceId)
            """, database.logger)
        guard let row = rows.first else { throw WorkspaceRules.notFound(workspaceId) }
        return try membership(row)
    }

    static func addressed(_ invitationId: Int64, to userId: Int64, _ c: PostgresConnection,
                          _ database: PostgresStoreDatabase) async throws -> WorkspaceInvitation {
        let rows = try await c.rows("""
            SELECT \(unescaped: invitationColumns) FROM workspace_invitations
            JOIN workspaces ON workspaces.id = workspace_invitations.workspace_id
            WHERE workspace_invitations.id = \(invitationId)
              AND lower(workspace_invitations.email) = (SELECT lower(email) FROM users WHERE id = \(userId))
            """, database.logger)
        guard let row = rows.first else { throw WorkspaceRules.invitationNotFound(invitationId) }
        return try invitation(row)
    }

    static func workspace(_ row: PostgresRandomAccessRow) throws -> Workspace {
        Workspace(id: try row.value("id"), ownerId: try row.value("owner_id"), name: try row.value("name"),
                  createdAt: try row.value("created_at"))
    }

    static func membership(_ row: PostgresRandomAccessRow) throws -> Membership {
        Membership(workspace: try workspace(row),
                   role: WorkspaceRole(rawValue: try row.value("member_role", as: String.self)) ?? .viewer)
    }

    static func invitation(_ row: PostgresRandomAccessRow) throws -> WorkspaceInvitation {
        WorkspaceInvitation(id: try row.value("id"), workspaceId: try row.value("workspace_id"),
                            workspaceName: try row.value("workspace_name"), email: try row.value("email"),
                            role: WorkspaceRole(rawValue: try row.value("role", as: String.self)) ?? .viewer,
                            invitedBy: try row.value("invited_by"), createdAt: try row.value("created_at"))
    }
}
