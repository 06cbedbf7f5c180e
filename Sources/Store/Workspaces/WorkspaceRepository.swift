import Foundation

/// Workspaces and their members, always seen through one user: a workspace the user is not a
/// member of is "not found" (its existence is not revealed); members read, owners change members.
///
/// Inviting an email that has an account adds that account at once; an email without one gets a
/// pending invitation, which the person accepts or declines after registering with that email.
/// A workspace always keeps at least one owner: the last owner can be neither demoted, removed,
/// nor leave.
public protocol WorkspaceRepository: Sendable {
    /// The user's workspaces with the user's role in each, oldest first (the personal one first).
    func workspaces(of userId: Int64) async throws -> [Membership]
    /// One workspace of the user's, with the user's role.
    func workspace(_ workspaceId: Int64, of userId: Int64) async throws -> Membership
    /// Creates a workspace owned by `ownerId`. Names are unique among the workspaces one user owns.
    func create(named name: String, ownerId: Int64) async throws -> Workspace
    /// Members, owners first, then by email. Any member may list them.
    func members(of workspaceId: Int64, readableBy userId: Int64) async throws -> [WorkspaceMemberInfo]
    /// Pending invitations of the workspace, by email. Any member may list them.
    func invitations(in workspaceId: Int64, readableBy userId: Int64) async throws -> [WorkspaceInvitation]
    /// Adds the account with this email, or invites the email when no account has it. Owners only.
    /// Inviting an existing member changes nothing and answers `conflict`.
    func invite(email: String, role: WorkspaceRole, to workspaceId: Int64, by actorId: Int64) async throws -> InviteOutcome
    /// Invitations waiting for the user (addressed to the user's email).
    func invitations(for userId: Int64) async throws -> [WorkspaceInvitation]
    /// Accepts an invitation addressed to the user: the user becomes a member with its role.
    func accept(invitation invitationId: Int64, by userId: Int64) async throws -> Membership
    /// Declines an invitation addressed to the user, or (owners) withdraws one of the workspace's.
    func decline(invitation invitationId: Int64, by userId: Int64) async throws
    /// Changes a member's role. Owners only; the last owner cannot be demoted.
    func setRole(_ role: WorkspaceRole, of memberId: Int64, in workspaceId: Int64, by actorId: Int64) async throws
    /// Removes a member. Owners only; the last owner cannot be removed.
    func remove(_ memberId: Int64, from workspaceId: Int64, by actorId: Int64) async throws
    /// The user leaves the workspace; the last owner cannot.
    func leave(_ workspaceId: Int64, userId: Int64) async throws
}

/// A workspace seen from one member.
public struct Membership: Sendable, Equatable {
    public var workspace: Workspace
    public var role: WorkspaceRole

    public init(workspace: Workspace, role: WorkspaceRole) { self.workspace = workspace; self.role = role }
}

/// One member of a workspace as the members list shows it.
public struct WorkspaceMemberInfo: Sendable, Equatable {
    public var userId: Int64
    public var email: String
    public var role: WorkspaceRole

    public init(userId: Int64, email: String, role: WorkspaceRole) { self.userId = userId; self.email = email; self.role = role }
}

/// An invitation to an email that had no account when it was sent.
public struct WorkspaceInvitation: Sendable, Equatable {
    public var id: Int64
    public var workspaceId: Int64
    public var workspaceName: String
    public var email: String
    public var role: WorkspaceRole
    public var invitedBy: Int64?
    public var createdAt: Date

    public init(id: Int64, workspaceId: Int64, workspaceName: String, email: String, role: WorkspaceRole,
                invitedBy: Int64?, createdAt: Date) {
        self.id = id; self.workspaceId = workspaceId; self.workspaceName = workspaceName; self.email = email
        self.role = role; self.invitedBy = invitedBy; self.createdAt = createdAt
    }
}

/// What inviting an email did.
public enum InviteOutcome: Sendable, Equatable {
    /// The email had an account, which is now a member.
    case added(WorkspaceMemberInfo)
    /// No account has the email yet: an invitation waits for it (re-inviting updates its role).
    case invited(WorkspaceInvitation)
}

/// The messages both backends give for the membership rules, so they answer alike.
enum WorkspaceRules {
    static let ownersOnly = "only a workspace owner can change its members"
    static let lastOwner = "a workspace needs at least one owner"

    static func validatedName(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalidInput("workspace name must not be empty") }
        guard name.count <= 100 else { throw StoreError.invalidInput("workspace name must be at most 100 characters") }
        return name
    }

    static func notFound(_ workspaceId: Int64) -> StoreError { .notFound("workspace \(workspaceId)") }
    static func invitationNotFound(_ id: Int64) -> StoreError { .notFound("invitation \(id)") }
    static func memberNotFound(_ userId: Int64) -> StoreError { .notFound("member \(userId)") }
}
