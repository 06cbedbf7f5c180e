import Foundation

// The application's own model: what screens, commands and the server show and send. Values only,
// every id present (no optional database ids), no database types.

/// A signed-in person.
public struct Account: Sendable, Equatable, Codable {
    public var id: Int64
    public var email: String
    public var hasPassword: Bool
    /// The stored preferences JSON (Settings decodes it).
    public var preferences: String
    public var createdAt: Date

    public init(id: Int64, email: String, hasPassword: Bool, preferences: String = "{}", createdAt: Date = Date()) {
        self.id = id; self.email = email; self.hasPassword = hasPassword; self.preferences = preferences; self.createdAt = createdAt
    }
}

public enum WorkspaceAccess: String, Sendable, Equatable, Codable, CaseIterable {
    case owner, editor, viewer
    public var canWrite: Bool { self != .viewer }
}

public struct WorkspaceInfo: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var role: WorkspaceAccess

    public init(id: Int64, name: String, role: WorkspaceAccess) { self.id = id; self.name = name; self.role = role }
}

/// An account with its personal workspace: what signing in yields.
public struct SignedIn: Sendable, Equatable {
    public var account: Account
    public var workspace: WorkspaceInfo

    public init(account: Account, workspace: WorkspaceInfo) { self.account = account; self.workspace = workspace }
}

/// A domain as lists show it.
public struct DomainSummary: Sendable, Equatable, Codable {
    public var id: Int64
    /// nil for templates (they belong to no workspace).
    public var workspaceId: Int64?
    public var name: String
    public var description: String
    public var isPublic: Bool
    public var isTemplate: Bool
    public var updatedAt: Date

    public init(id: Int64, workspaceId: Int64?, name: String, description: String = "", isPublic: Bool = false,
                isTemplate: Bool = false, updatedAt: Date = Date()) {
        self.id = id; self.workspaceId = workspaceId; self.name = name; self.description = description
        self.isPublic = isPublic; self.isTemplate = isTemplate; self.updatedAt = updatedAt
    }
}

/// A domain with its PDDL texts.
public struct DomainDocument: Sendable, Equatable, Codable {
    public var summary: DomainSummary
    public var domainPddl: String
    /// "" when the domain has no problem yet.
    public var problemPddl: String
    /// The newest revision number (nil when unknown).
    public var revision: Int?

    public init(summary: DomainSummary, domainPddl: String, problemPddl: String, revision: Int? = nil) {
        self.summary = summary; self.domainPddl = domainPddl; self.problemPddl = problemPddl; self.revision = revision
    }

    public var id: Int64 { summary.id }
    public var name: String { summary.name }
    public var hasProblem: Bool { !problemPddl.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}

/// What a user writes when creating or saving a domain.
public struct DomainContents: Sendable, Equatable, Codable {
    public var name: String
    public var description: String
    public var domainPddl: String
    /// Empty or whitespace only: no problem.
    public var problemPddl: String
    public var isPublic: Bool

    public init(name: String, description: String = "", domainPddl: String, problemPddl: String = "", isPublic: Bool = false) {
        self.name = name; self.description = description; self.domainPddl = domainPddl; self.problemPddl = problemPddl
        self.isPublic = isPublic
    }
}

public struct RevisionInfo: Sendable, Equatable, Codable {
    public var revision: Int
    public var message: String
    public var createdAt: Date

    public init(revision: Int, message: String, createdAt: Date) {
        self.revision = revision; self.message = message; self.createdAt = createdAt
    }
}

/// The domains one user can open: theirs (with the workspace each is in), and the templates.
public struct DomainCatalog: Sendable, Equatable {
    public var workspaces: [WorkspaceInfo]
    /// Domains in the user's workspaces.
    public var own: [DomainSummary]
    public var templates: [DomainSummary]
    /// Other people's public domains.
    public var shared: [DomainSummary]

    public init(workspaces: [WorkspaceInfo] = [], own: [DomainSummary] = [], templates: [DomainSummary] = [],
                shared: [DomainSummary] = []) {
        self.workspaces = workspaces; self.own = own; self.templates = templates; self.shared = shared
    }

    public func workspaceName(of domain: DomainSummary) -> String? {
        workspaces.first { $0.id == domain.workspaceId }?.name
    }
}

public enum SessionStatus: String, Sendable, Equatable, Codable, CaseIterable {
    case pending, running, completed, failed, cancelled, interrupted
    public var isFinished: Bool { self != .pending && self != .running }
}

/// A planning (critique) session as lists and headers show it.
public struct SessionSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var domainId: Int64?
    /// The domain's name when it could be read.
    public var domainName: String?
    public var status: SessionStatus
    public var currentIteration: Int
    public var maxIterations: Int
    public var startedAt: Date
    public var finishedAt: Date?
    public var failureReason: String?
    /// The final plan's steps once finished with a plan.
    public var finalPlan: [String]?

    public init(id: Int64, domainId: Int64?, domainName: String? = nil, status: SessionStatus, currentIteration: Int = 0,
                maxIterations: Int = 5, startedAt: Date = Date(), finishedAt: Date? = nil, failureReason: String? = nil,
                finalPlan: [String]? = nil) {
        self.id = id; self.domainId = domainId; self.domainName = domainName; self.status = status
        self.currentIteration = currentIteration; self.maxIterations = maxIterations; self.startedAt = startedAt
        self.finishedAt = finishedAt; self.failureReason = failureReason; self.finalPlan = finalPlan
    }
}
