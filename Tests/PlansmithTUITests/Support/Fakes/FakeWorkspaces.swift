import Foundation
import PlansmithCore

/// Team workspaces in memory, with the Store's rules: members read, owners change members, the
/// last owner stays, an email without an account gets an invitation. Personal workspaces are the
/// fixed ones of `FakeAccounts` (one member, its owner, never changed here).
actor FakeWorkspaces: WorkspaceService {
    let accounts: FakeAccounts
    let memberships: FakeMemberships
    private var invitations: [InvitationInfo] = []
    private var nextInvitation: Int64 = 1
    private var clock = FakeClock()

    init(accounts: FakeAccounts, memberships: FakeMemberships) {
        self.accounts = accounts
        self.memberships = memberships
    }

    func workspaces(userId: Int64) -> [WorkspaceInfo] { memberships.workspaces(of: userId) }

    func create(named name: String, userId: Int64) throws -> WorkspaceInfo {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw AppError(.invalidInput, "workspace name must not be empty") }
        if memberships.workspaces(of: userId).contains(where: { $0.name == name && $0.role == .owner && $0.id >= 1000 }) {
            throw AppError(.conflict, "you already own a workspace named '\(name)'")
        }
        return memberships.create(named: name, ownerId: userId)
    }

    func roster(of workspaceId: Int64, userId: Int64) async throws -> WorkspaceRoster {
        let info = try member(userId, of: workspaceId)
        guard let team = memberships.team(workspaceId) else {
            let me = try await accounts.account(userId)
            return WorkspaceRoster(workspace: info, members: [MemberInfo(userId: userId, email: me.email, role: .owner)], invitations: [])
        }
        var members: [MemberInfo] = []
        for (id, role) in team.members { members.append(MemberInfo(userId: id, email: try await accounts.account(id).email, role: role)) }
        let order: [WorkspaceAccess: Int] = [.owner: 0, .editor: 1, .viewer: 2]
        members.sort { (order[$0.role]!, $0.email.lowercased()) < (order[$1.role]!, $1.email.lowercased()) }
        return WorkspaceRoster(workspace: info, members: members,
                               invitations: invitations.filter { $0.workspaceId == workspaceId }.sorted { $0.email < $1.email })
    }

    func invite(email: String, role: WorkspaceAccess, to workspaceId: Int64, userId: Int64) async throws -> InviteResult {
        let team = try ownedTeam(workspaceId, by: userId)
        guard email.contains("@") else { throw AppError(.invalidInput, "'\(email)' is not an email address") }
        if let account = await accounts.account(email: email) {
            guard team.members[account.id] == nil else {
                throw AppError(.conflict, "\(account.email) is already a member of this workspace")
            }
            memberships.update(workspaceId) { $0.members[account.id] = role }
            invitations.removeAll { $0.workspaceId == workspaceId && $0.email.lowercased() == email.lowercased() }
            return .added(MemberInfo(userId: account.id, email: account.email, role: role))
        }
        if let index = invitations.firstIndex(where: { $0.workspaceId == workspaceId && $0.email.lowercased() == email.lowercased() }) {
            invitations[index].role = role
            return .invited(invitations[index])
        }
        let invitation = InvitationInfo(id: nextInvitation, workspaceId: workspaceId, workspaceName: team.name, email: email,
                                        role: role, createdAt: clock.tick())
        nextInvitation += 1
        invitations.append(invitation)
        return .invited(invitation)
    }

    func setRole(_ role: WorkspaceAccess, of memberId: Int64, in workspaceId: Int64, userId: Int64) throws {
        let team = try ownedTeam(workspaceId, by: userId)
        guard let current = team.members[memberId] else { throw AppError(.notFound, "member \(memberId) not found") }
        if current == .owner, role != .owner, team.members.values.filter({ $0 == .owner }).count == 1 {
            throw AppError(.conflict, "a workspace needs at least one owner")
        }
        memberships.update(workspaceId) { $0.members[memberId] = role }
    }

    func remove(_ memberId: Int64, from workspaceId: Int64, userId: Int64) throws {
        let team = try ownedTeam(workspaceId, by: userId)
        try removeMember(memberId, from: team)
    }

    func leave(_ workspaceId: Int64, userId: Int64) throws {
        _ = try member(userId, of: workspaceId)
        guard let team = memberships.team(workspaceId) else { throw AppError(.conflict, "a workspace needs at least one owner") }
        try removeMember(userId, from: team)
    }

    func invitations(userId: Int64) async throws -> [InvitationInfo] {
        let email = try await accounts.account(userId).email.lowercased()
        return invitations.filter { $0.email.lowercased() == email }
    }

    func accept(invitation invitationId: Int64, userId: Int64) async throws -> WorkspaceInfo {
        guard let invitation = try await invitations(userId: userId).first(where: { $0.id == invitationId }) else {
            throw AppError(.notFound, "invitation \(invitationId) not found")
        }
        memberships.update(invitation.workspaceId) { team in
            if team.members[userId] == nil { team.members[userId] = invitation.role }
        }
        invitations.removeAll { $0.id == invitationId }
        return try member(userId, of: invitation.workspaceId)
    }

    func decline(invitation invitationId: Int64, userId: Int64) async throws {
        guard let invitation = invitations.first(where: { $0.id == invitationId }) else {
            throw AppError(.notFound, "invitation \(invitationId) not found")
        }
        let mine = try await invitations(userId: userId).contains { $0.id == invitationId }
        guard mine || memberships.role(of: userId, in: invitation.workspaceId) == .owner else {
            throw AppError(.notFound, "invitation \(invitationId) not found")
        }
        invitations.removeAll { $0.id == invitationId }
    }

    // MARK: Rules

    private func member(_ userId: Int64, of workspaceId: Int64) throws -> WorkspaceInfo {
        guard let info = memberships.workspaces(of: userId).first(where: { $0.id == workspaceId }) else {
            throw AppError(.notFound, "workspace \(workspaceId) not found")
        }
        return info
    }

    /// A team workspace the user owns (a personal workspace has no other members to manage).
    private func ownedTeam(_ workspaceId: Int64, by userId: Int64) throws -> FakeMemberships.Team {
        guard try member(userId, of: workspaceId).role == .owner else {
            throw AppError(.forbidden, "only a workspace owner can change its members")
        }
        guard let team = memberships.team(workspaceId) else {
            throw AppError(.forbidden, "a personal workspace cannot be shared in the fakes; create a team workspace")
        }
        return team
    }

    private func removeMember(_ memberId: Int64, from team: FakeMemberships.Team) throws {
        guard let current = team.members[memberId] else { throw AppError(.notFound, "member \(memberId) not found") }
        if current == .owner, team.members.values.filter({ $0 == .owner }).count == 1 {
            throw AppError(.conflict, "a workspace needs at least one owner")
        }
        memberships.update(team.id) { $0.members[memberId] = nil }
    }
}
