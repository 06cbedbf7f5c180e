import Foundation
import GRDB

/// `WorkspaceRepository` on the SQLite file. Every rule is checked inside the write transaction
/// that acts on it, so two owners demoting each other at once cannot leave a workspace ownerless.
struct SQLiteWorkspaceRepository: WorkspaceRepository {
    let database: StoreDatabase
    let clock: any StoreClock

    func workspaces(of userId: Int64) async throws -> [Membership] {
        try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT workspaces.*, workspace_members.role AS member_role FROM workspaces
                JOIN workspace_members ON workspace_members.workspace_id = workspaces.id
                WHERE workspace_members.user_id = ? ORDER BY workspaces.id
                """, arguments: [userId]).map(Self.membership)
        }
    }

    func workspace(_ workspaceId: Int64, of userId: Int64) async throws -> Membership {
        try await database.read { db in try Self.membership(workspaceId, of: userId, db) }
    }

    func create(named name: String, ownerId: Int64) async throws -> Workspace {
        let name = try WorkspaceRules.validatedName(name)
        let now = clock.now()
        return try await database.write { db in
            if try Workspace.filter(Workspace.Columns.ownerId == ownerId && Column("name") == name).fetchCount(db) > 0 {
                throw StoreError.conflict("you already own a workspace named '\(name)'")
            }
            var workspace = Workspace(id: nil, ownerId: ownerId, name: name, createdAt: now)
            try workspace.insert(db)
            try WorkspaceMember(workspaceId: workspace.id!, userId: ownerId, role: .owner).insert(db)
            return workspace
        }
    }

    func members(of workspaceId: Int64, readableBy userId: Int64) async throws -> [WorkspaceMemberInfo] {
        try await database.read { db in
            try Access.requireMember(userId, of: workspaceId, db)
            return try Row.fetchAll(db, sql: """
                SELECT users.id, users.email, workspace_members.role FROM workspace_members
                JOIN users ON users.id = workspace_members.user_id
                WHERE workspace_members.workspace_id = ?
                ORDER BY CASE workspace_members.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END,
                         lower(users.email), users.id
                """, arguments: [workspaceId]).map { row in
                WorkspaceMemberInfo(userId: row["id"], email: row["email"],
                                    role: WorkspaceRole(rawValue: row["role"]) ?? .viewer)
            }
        }
    }

    func invitations(in workspaceId: Int64, readableBy userId: Int64) async throws -> [WorkspaceInvitation] {
        try await database.read { db in
            try Access.requireMember(userId, of: workspaceId, db)
            return try Self.invitations(where: "workspace_invitations.workspace_id = ?", [workspaceId], db)
        }
    }

    func invite(email: String, role: WorkspaceRole, to workspaceId: Int64, by actorId: Int64) async throws -> InviteOutcome {
        let email = try AccountService.validated(email: email)
        let now = clock.now()
        return try await database.write { db in
            try Access.requireOwner(actorId, of: workspaceId, db)
            if let user = try User.all().filter(email: email).fetchOne(db), let userId = user.id {
                if try Access.role(of: userId, in: workspaceId, db) != nil {
                    throw StoreError.conflict("\(user.email) is already a member of this workspace")
                }
                try WorkspaceMember(workspaceId: workspaceId, userId: userId, role: role).insert(db)
                // An older invitation to the same email is answered by the direct add.
                try db.execute(sql: "DELETE FROM workspace_invitations WHERE workspace_id = ? AND email = ?",
                               arguments: [workspaceId, email])
                return .added(WorkspaceMemberInfo(userId: userId, email: user.email, role: role))
            }
            try db.execute(sql: """
                INSERT INTO workspace_invitations (workspace_id, email, role, invited_by, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, email) DO UPDATE SET role = excluded.role, invited_by = excluded.invited_by
                """, arguments: [workspaceId, email, role.rawValue, actorId, StoreDate.text(now)])
            let found = try Self.invitations(where: "workspace_invitations.workspace_id = ? AND workspace_invitations.email = ?",
                                             [workspaceId, email], db)
            guard let invitation = found.first else { throw StoreError.database("the invitation was not saved") }
            return .invited(invitation)
        }
    }

    func invitations(for userId: Int64) async throws -> [WorkspaceInvitation] {
        try await database.read { db in
            try Self.invitations(where: "workspace_invitations.email = (SELECT email FROM users WHERE id = ?)", [userId], db)
        }
    }

    func accept(invitation invitationId: Int64, by userId: Int64) async throws -> Membership {
        try await database.write { db in
            let invitation = try Self.addressed(invitationId, to: userId, db)
            try db.execute(sql: """
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?, ?)
                ON CONFLICT (workspace_id, user_id) DO NOTHING
                """, arguments: [invitation.workspaceId, userId, invitation.role.rawValue])
            try db.execute(sql: "DELETE FROM workspace_invitations WHERE id = ?", arguments: [invitationId])
            return try Self.membership(invitation.workspaceId, of: userId, db)
        }
    }

    func decline(invitation invitationId: Int64, by userId: Int64) async throws {
        try await database.write { db in
            guard let invitation = try Self.invitations(where: "workspace_invitations.id = ?", [invitationId], db).first else {
                throw WorkspaceRules.invitationNotFound(invitationId)
            }
            // The owner withdrawing it, or the person it is addressed to declining it.
            if try Access.role(of: userId, in: invitation.workspaceId, db) != .owner {
                _ = try Self.addressed(invitationId, to: userId, db)
            }
            try db.execute(sql: "DELETE FROM workspace_invitations WHERE id = ?", arguments: [invitationId])
        }
    }

    func setRole(_ role: WorkspaceRole, of memberId: Int64, in workspaceId: Int64, by actorId: Int64) async throws {
        try await database.write { db in
            try Access.requireOwner(actorId, of: workspaceId, db)
            guard let current = try Access.role(of: memberId, in: workspaceId, db) else {
                throw WorkspaceRules.memberNotFound(memberId)
            }
            if current == .owner, role != .owner, try Access.ownerCount(of: workspaceId, db) == 1 {
                throw StoreError.conflict(WorkspaceRules.lastOwner)
            }
            try db.execute(sql: "UPDATE workspace_members SET role = ? WHERE workspace_id = ? AND user_id = ?",
                           arguments: [role.rawValue, workspaceId, memberId])
        }
    }

    func remove(_ memberId: Int64, from workspaceId: Int64, by actorId: Int64) async throws {
        try await database.write { db in
            try Access.requireOwner(actorId, of: workspaceId, db)
            try Self.removeMember(memberId, from: workspaceId, db)
        }
    }

    func leave(_ workspaceId: Int64, userId: Int64) async throws {
        try await database.write { db in
            try Access.requireMember(userId, of: workspaceId, db)
            try Self.removeMember(userId, from: workspaceId, db)
        }
    }

    // MARK: - Shared steps

    static func removeMember(_ memberId: Int64, from workspaceId: Int64, _ db: Database) throws {
        guard let current = try Access.role(of: memberId, in: workspaceId, db) else {
            throw WorkspaceRules.memberNotFound(memberId)
        }
        if current == .owner, try Access.ownerCount(of: workspaceId, db) == 1 {
            throw StoreError.conflict(WorkspaceRules.lastOwner)
        }
        try db.execute(sql: "DELETE FROM workspace_members WHERE workspace_id = ? AND user_id = ?",
                       arguments: [workspaceId, memberId])
    }

    static func membership(_ workspaceId: Int64, of userId: Int64, _ db: Database) throws -> Membership {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT workspaces.*, workspace_members.role AS member_role FROM workspaces
            JOIN workspace_members ON workspace_members.workspace_id = workspaces.id
            WHERE workspace_members.user_id = ? AND workspaces.id = ?
            """, arguments: [userId, workspaceId]) else { throw WorkspaceRules.notFound(workspaceId) }
        return try membership(row)
    }

    static func membership(_ row: Row) throws -> Membership {
        Membership(workspace: try Workspace(row: row), role: WorkspaceRole(rawValue: row["member_role"]) ?? .viewer)
    }

    /// The invitation, if it is addressed to the user's email; otherwise "not found".
    static func addressed(_ invitationId: Int64, to userId: Int64, _ db: Database) throws -> WorkspaceInvitation {
        guard let invitation = try invitations(where: """
            workspace_invitations.id = ? AND workspace_invitations.email = (SELECT email FROM users WHERE id = ?)
            """, [invitationId, userId], db).first else { throw WorkspaceRules.invitationNotFound(invitationId) }
        return invitation
    }

    static func invitations(where condition: String, _ arguments: StatementArguments, _ db: Database) throws -> [WorkspaceInvitation] {
        try Row.fetchAll(db, sql: """
            SELECT workspace_invitations.*, workspaces.name AS workspace_name FROM workspace_invitations
            JOIN workspaces ON workspaces.id = workspace_invitations.workspace_id
            WHERE \(condition) ORDER BY lower(workspace_invitations.email), workspace_invitations.id
            """, arguments: arguments).map { row in
            WorkspaceInvitation(id: row["id"], workspaceId: row["workspace_id"], workspaceName: row["workspace_name"],
                                email: row["email"], role: WorkspaceRole(rawValue: row["role"]) ?? .viewer,
                                invitedBy: row["invited_by"],
                                createdAt: StoreDate.date(from: row["created_at"]) ?? Date(timeIntervalSince1970: 0))
        }
    }
}
