import Foundation
import Store

/// Domains and their revisions, as one user sees them: readable when in one of the user's
/// workspaces, public, or a template; writable by owners and editors of its workspace. Domains the
/// user cannot read are "not found".
public protocol DomainService: Sendable {
    func catalog(userId: Int64) async throws -> DomainCatalog
    func open(_ domainId: Int64, userId: Int64) async throws -> DomainDocument
    func find(named name: String, userId: Int64) async throws -> DomainDocument
    /// Creates the domain (revision 1) in a workspace of the user's.
    func create(_ contents: DomainContents, in workspaceId: Int64, userId: Int64) async throws -> DomainDocument
    /// Saves new contents as the next revision; returns the document with its new revision number.
    func save(_ contents: DomainContents, to domainId: Int64, message: String, userId: Int64) async throws -> DomainDocument
    /// Deletes the domain and all its revisions.
    func delete(_ domainId: Int64, userId: Int64) async throws
    /// Publishes (every account may read it) or unpublishes a domain; owners and editors of its workspace only.
    func setPublic(_ domainId: Int64, _ isPublic: Bool, userId: Int64) async throws -> DomainDocument
    /// All revisions, newest first.
    func history(of domainId: Int64, userId: Int64) async throws -> [RevisionInfo]
    /// Saves an old revision's contents as a new revision (history is never rewritten).
    func restore(_ domainId: Int64, revision: Int, userId: Int64) async throws -> DomainDocument
    /// Copies a readable domain (a template, a public domain) into a workspace of the user's.
    func copy(_ domainId: Int64, into workspaceId: Int64, as name: String?, userId: Int64) async throws -> DomainDocument
}

/// Domains kept in the Store.
public struct StoreDomainService: DomainService {
    let store: Store

    public init(store: Store) { self.store = store }

    public func catalog(userId: Int64) async throws -> DomainCatalog {
        try await appErrors {
            let memberships = try await store.workspaces.workspaces(of: userId)
            let workspaces = memberships.compactMap { m in
                m.workspace.id.map { WorkspaceInfo(id: $0, name: m.workspace.name, role: WorkspaceAccess(m.role)) }
            }
            let mine = Set(workspaces.map(\.id))
            var catalog = DomainCatalog(workspaces: workspaces)
            for domain in try await store.domains.list(readableBy: userId, workspaceId: nil) {
                guard let summary = DomainSummary(domain) else { continue }
                if summary.isTemplate { catalog.templates.append(summary) }
                else if let workspace = summary.workspaceId, mine.contains(workspace) { catalog.own.append(summary) }
                else { catalog.shared.append(summary) }
            }
            return catalog
        }
    }

    public func open(_ domainId: Int64, userId: Int64) async throws -> DomainDocument {
        try await appErrors { try await document(try await store.domains.domain(id: domainId, readableBy: userId), userId: userId) }
    }

    public func find(named name: String, userId: Int64) async throws -> DomainDocument {
        try await appErrors { try await document(try await store.domains.domain(named: name, readableBy: userId), userId: userId) }
    }

    public func create(_ contents: DomainContents, in workspaceId: Int64, userId: Int64) async throws -> DomainDocument {
        try await appErrors {
            let created = try await store.domains.create(contents.draft, in: workspaceId, by: userId)
            return try Self.document(created, revision: 1)
        }
    }

    public func save(_ contents: DomainContents, to domainId: Int64, message: String, userId: Int64) async throws -> DomainDocument {
        try await appErrors {
            try await document(try await store.domains.save(contents.draft, to: domainId, by: userId, message: message), userId: userId)
        }
    }

    public func delete(_ domainId: Int64, userId: Int64) async throws {
        try await appErrors { try await store.domains.delete(id: domainId, by: userId) }
    }

    public func setPublic(_ domainId: Int64, _ isPublic: Bool, userId: Int64) async throws -> DomainDocument {
        try await appErrors {
            try await document(try await store.domains.setPublic(domainId, isPublic, by: userId), userId: userId)
        }
    }

    public func history(of domainId: Int64, userId: Int64) async throws -> [RevisionInfo] {
        try await appErrors {
            try await store.domains.history(of: domainId, readableBy: userId).map {
                RevisionInfo(revision: $0.revision, message: $0.message, createdAt: $0.createdAt)
            }
        }
    }

    public func restore(_ domainId: Int64, revision: Int, userId: Int64) async throws -> DomainDocument {
        try await appErrors {
            try await document(try await store.domains.restore(domainId, toRevision: revision, by: userId), userId: userId)
        }
    }

    public func copy(_ domainId: Int64, into workspaceId: Int64, as name: String?, userId: Int64) async throws -> DomainDocument {
        try await appErrors {
            try await document(try await store.domains.copy(domainId, into: workspaceId, as: name, by: userId), userId: userId)
        }
    }

    /// The document with its newest revision number.
    private func document(_ domain: Domain, userId: Int64) async throws -> DomainDocument {
        var revision: Int?
        if let id = domain.id { revision = try await store.domains.history(of: id, readableBy: userId).first?.revision }
        return try Self.document(domain, revision: revision)
    }

    static func document(_ domain: Domain, revision: Int?) throws -> DomainDocument {
        guard let summary = DomainSummary(domain) else { throw AppError(.unavailable, "the store returned a domain without an id") }
        return DomainDocument(summary: summary, domainPddl: domain.domainPddl, problemPddl: domain.problemPddl ?? "", revision: revision)
    }
}

extension DomainSummary {
    init?(_ domain: Domain) {
        guard let id = domain.id else { return nil }
        self.init(id: id, workspaceId: domain.workspaceId, name: domain.name, description: domain.description,
                  isPublic: domain.isPublic, isTemplate: domain.isTemplate, updatedAt: domain.updatedAt)
    }
}

extension DomainContents {
    var draft: DomainDraft {
        let problem = problemPddl.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : problemPddl
        return DomainDraft(name: name, description: description, domainPddl: domainPddl, problemPddl: problem, isPublic: isPublic)
    }
}

extension WorkspaceAccess {
    init(_ role: WorkspaceRole) {
        self = switch role {
        case .owner: .owner
        case .editor: .editor
        case .viewer: .viewer
        }
    }
}
