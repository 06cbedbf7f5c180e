import Foundation
import Store

/// Team workspaces as one user works with them: the user's workspaces with their role, members and
/// invitations. Members read; owners invite, change roles and remove; the last owner stays.
/// A workspace the user is not in is "not found".
public protocol WorkspaceService: Sendable {
    /// The user's workspaces, the personal one first.
    func workspaces(userId: Int64) async throws -> [WorkspaceInfo]
    /// Creates a workspace the user owns.
    func create(named name: String, userId: Int64) async throws -> WorkspaceInfo
    /// Members and pending invitations of a workspace of the user's.
    func roster(of workspaceId: Int64, userId: Int64) async throws -> WorkspaceRoster
    /// Adds the account with this email, or invites the email when it has no account yet. Owners only.
    func invite(email: String, role: WorkspaceAccess, to workspaceId: Int64, userId: Int64) async throws -> InviteResult
    /// Owners only; the last owner cannot be demoted.
    func setRole(_ role: WorkspaceAccess, of memberId: Int64, in workspaceId: Int64, userId: Int64) async throws
    /// Owners only; the last owner cannot be removed.
    func remove(_ memberId: Int64, from workspaceId: Int64, userId: Int64) async throws
    /// The user leaves; the last owner cannot.
    func leave(_ workspaceId: Int64, userId: Int64) async throws
    /// Invitations addressed to the user's email.
    func invitations(userId: Int64) async throws -> [InvitationInfo]
    func accept(invitation invitationId: Int64, userId: Int64) async throws -> WorkspaceInfo
    /// Declines an invitation to the user, or (owners) withdraws one of the workspace's.
    func decline(invitation invitationId: Int64, userId: Int64) async throws
}

extension WorkspaceService {
    /// The user's workspace with this name (exact first, then ignoring case); ambiguous names ask for the id.
    public func workspace(named name: String, userId: Int64) async throws -> WorkspaceInfo {
        let all = try await workspaces(userId: userId)
        if let id = Int64(name), let byId = all.first(where: { $0.id == id }) { return byId }
        var found = all.filter { $0.name == name }
        if found.isEmpty { found = all.filter { $0.name.lowercased() == name.lowercased() } }
        guard let first = found.first else { throw AppError(.notFound, "no workspace named '\(name)'") }
        guard found.count == 1 else {
            let ids = found.map { String($0.id) }.joined(separator: ", ")
            throw AppError(.conflict, "\(found.count) workspaces are named '\(name)' (ids \(ids)); name one by its id")
        }
        return first
    }

    /// A member of a workspace found by email (ignoring case).
    public func member(email: String, in workspaceId: Int64, userId: Int64) async throws -> MemberInfo {
        let roster = try await roster(of: workspaceId, userId: userId)
        guard let member = roster.members.first(where: { $0.email.lowercased() == email.lowercased() }) else {
            throw AppError(.notFound, "\(email) is not a member of this workspace")
        }
        return member
    }
}

/// One member as the members list shows it.
public struct MemberInfo: Sendable, Equatable, Codable {
    public var userId: Int64
    public var email: String
    public var role: WorkspaceAccess

    public init(userId: Int64, email: String, role: WorkspaceAccess) { self.userId = userId; self.email = email; self.role = role }
}

/// An invitation waiting for an email that has no account yet.
public struct InvitationInfo: Sendable, Equatable, Codable {
    public var id: Int64
    public var workspaceId: Int64
    public var workspaceName: String
    public var email: String
    public var role: WorkspaceAccess
    public var createdAt: Date

    public init(id: Int64, workspaceId: Int64, workspaceName: String, email: String, role: WorkspaceAccess, createdAt: Date) {
        self.id = id; self.workspaceId = workspaceId; self.workspaceName = workspaceName; self.email = email
        self.role = role; self.createdAt = createdAt
    }
}

/// A workspace's members (owners first) and its pending invitations.
public struct WorkspaceRoster: Sendable, Equatable {
    public var workspace: WorkspaceInfo
    public var members: [MemberInfo]
    public var invitations: [InvitationInfo]

    public init(workspace: WorkspaceInfo, members: [MemberInfo], invitations: [InvitationInfo]) {
        self.workspace = workspace; self.members = members; self.invitations = invitations
    }
}

/// What inviting an email did.
public enum InviteResult: Sendable, Equatable {
    case added(MemberInfo)
    case invited(InvitationInfo)
}

/// Workspaces kept in the Store.
public struct StoreWorkspaces: WorkspaceService {
    let store: Store

    public init(store: Store) { self.store = store }

    public func workspaces(userId: Int64) async throws -> [WorkspaceInfo] {
        try await appErrors { try await store.workspaces.workspaces(of: userId).compactMap(WorkspaceInfo.init) }
    }

    public func create(named name: String, userId: Int64) async throws -> WorkspaceInfo {
        try await appErrors {
            let created = try await store.workspaces.create(named: name, ownerId: userId)
            guard let info = WorkspaceInfo(Membership(workspace: created, role: .owner)) else {
                throw AppError(.unavailable, "the store returned a workspace without an id")
            }
            return info
        }
    }

    public func roster(of workspaceId: Int64, userId: Int64) async throws -> WorkspaceRoster {
        try await appErrors {
            guard let workspace = WorkspaceInfo(try await store.workspaces.workspace(workspaceId, of: userId)) else {
                throw AppError(.unavailable, "the store returned a workspace without an id")
            }
            let members = try await store.workspaces.members(of: workspaceId, readableBy: userId).map(MemberInfo.init)
            let invitations = try await store.workspaces.invitations(in: workspaceId, readableBy: userId).map(InvitationInfo.init)
            return WorkspaceRoster(workspace: workspace, members: members, invitations: invitations)
        }
    }

    public func invite(email: String, role: WorkspaceAccess, to workspaceId: Int64, userId: Int64) async throws -> InviteResult {
        try await appErrors {
            switch try await store.workspaces.invite(email: email, role: WorkspaceRole(role), to: workspaceId, by: userId) {
            case .added(let member): return .added(MemberInfo(member))
            case .invited(let invitation): return .invited(InvitationInfo(invitation))
            }
        }
    }

    public func setRole(_ role: WorkspaceAccess, of memberId: Int64, in workspaceId: Int64, userId: Int64) async throws {
        try await appErrors { try await store.workspaces.setRole(WorkspaceRole(role), of: memberId, in: workspaceId, by: userId) }
    }

    public func remove(_ memberId: Int64, from workspaceId: Int64, userId: Int64) async throws {
        try await appErrors { try await store.workspaces.remove(memberId, from: workspaceId, by: userId) }
    }

    public func leave(_ workspaceId: Int64, userId: Int64) async throws {
        try await appErrors { try await store.workspaces.leave(workspaceId, userId: userId) }
    }

    public func invitations(userId: Int64) async throws -> [InvitationInfo] {
        try await appErrors { try await store.workspaces.invitations(for: userId).map(InvitationInfo.init) }
    }

    public func accept(invitation invitationId: Int64, userId: Int64) async throws -> WorkspaceInfo {
        try await appErrors {
            guard let info = WorkspaceInfo(try await store.workspaces.accept(invitation: invitationId, by: userId)) else {
                throw AppError(.unavailable, "the store returned a workspace without an id")
            }
            return info
        }
    }

    public func decline(invitation invitationId: Int64, userId: Int64) async throws {
        try await appErrors { try await store.workspaces.decline(invitation: invitationId, by: userId) }
    }
}

extension WorkspaceInfo {
    init?(_ membership: Membership) {
        guard let id = membership.workspace.id else { return nil }
        self.init(id: id, name: membership.workspace.name, role: WorkspaceAccess(membership.role))
    }
}

extension MemberInfo {
    init(_ member: WorkspaceMemberInfo) {
        self.init(userId: member.userId, email: member.email, role: WorkspaceAccess(member.role))
    }
}

extension InvitationInfo {
    init(_ invitation: WorkspaceInvitation) {
        self.init(id: invitation.id, workspaceId: invitation.workspaceId, workspaceName: invitation.workspaceName,
                  email: invitation.email, role: WorkspaceAccess(invitation.role), createdAt: invitation.createdAt)
    }
}

extension WorkspaceRole {
    init(_ access: WorkspaceAccess) {
        self = switch access {
        case .owner: .owner
        case .editor: .editor
        case .viewer: .viewer
        }
    }
}
