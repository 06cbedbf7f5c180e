import Foundation

/// What a user writes when creating or saving a domain.
public struct DomainDraft: Sendable, Equatable {
    public var name: String
    public var description: String
    public var domainPddl: String
    public var problemPddl: String?
    public var isPublic: Bool

    public init(name: String, description: String = "", domainPddl: String, problemPddl: String? = nil,
                isPublic: Bool = false) {
        self.name = name; self.description = description; self.domainPddl = domainPddl
        self.problemPddl = problemPddl; self.isPublic = isPublic
    }
}

/// Domains and their revision history, always seen through one user's access rights: a domain
/// is readable when it is in one of the user's workspaces, public, or a template; writable only
/// by owners and editors of its workspace. Unreadable domains are reported as not found, so
/// their existence is not revealed.
public protocol DomainRepository: Sendable {
    /// Readable domains, templates first then by name; optionally only one workspace's.
    func list(readableBy userId: Int64, workspaceId: Int64?) async throws -> [Domain]
    func domain(id: Int64, readableBy userId: Int64) async throws -> Domain
    /// Looks a domain up by name, preferring the user's own workspaces over public ones and templates.
    func domain(named name: String, readableBy userId: Int64) async throws -> Domain
    /// Creates the domain and its revision 1.
    func create(_ draft: DomainDraft, in workspaceId: Int64, by userId: Int64) async throws -> Domain
    /// Saves new contents as the next revision.
    func save(_ draft: DomainDraft, to domainId: Int64, by userId: Int64, message: String) async throws -> Domain
    /// Deletes the domain with all its revisions (its sessions keep their rounds, without the domain).
    func delete(id: Int64, by userId: Int64) async throws
    /// Marks the domain public (every account may read it, read-only) or private again; no new
    /// revision (the contents are unchanged). Owners and editors of its workspace only.
    func setPublic(_ domainId: Int64, _ isPublic: Bool, by userId: Int64) async throws -> Domain
    /// All revisions, newest first.
    func history(of domainId: Int64, readableBy userId: Int64) async throws -> [DomainRevision]
    /// Saves the contents of an old revision as a new revision (history is never rewritten).
    func restore(_ domainId: Int64, toRevision revision: Int, by userId: Int64) async throws -> Domain
    /// Copies a readable domain (e.g. a template) into a workspace of the user.
    func copy(_ domainId: Int64, into workspaceId: Int64, as name: String?, by userId: Int64) async throws -> Domain
}

extension DomainRepository {
    /// Creates a domain from `.pddl` text; the name defaults to the one in `(define (domain NAME)`.
    public func importPDDL(domain domainText: String, problem problemText: String?, name: String? = nil,
                           into workspaceId: Int64, by userId: Int64) async throws -> Domain {
        let parsedName = try PDDLText.domainName(in: domainText)
        if let problemText { _ = try PDDLText.problemName(in: problemText) }
        let draft = DomainDraft(name: name ?? parsedName, domainPddl: domainText, problemPddl: problemText)
        return try await create(draft, in: workspaceId, by: userId)
    }

    /// Reads `.pddl` files (the problem is optional) and imports them.
    public func importFiles(domainPath: String, problemPath: String?, name: String? = nil,
                            into workspaceId: Int64, by userId: Int64) async throws -> Domain {
        let domainText = try PDDLText.read(domainPath)
        let problemText = try problemPath.map(PDDLText.read)
        return try await importPDDL(domain: domainText, problem: problemText, name: name, into: workspaceId, by: userId)
    }

    /// Writes `<name>-domain.pddl` (and `<name>-problem.pddl` when there is one) into
    /// `directory`, each atomically; returns the paths written. The name is made a safe file
    /// name first (`../../x` must not write outside `directory`).
    public func exportFiles(_ domainId: Int64, readableBy userId: Int64, to directory: String) async throws -> [String] {
        let domain = try await domain(id: domainId, readableBy: userId)
        var written: [String] = []
        let base = (directory as NSString).appendingPathComponent(SafeFileName.component(domain.name, fallback: "domain"))
        try PDDLText.write(domain.domainPddl, to: base + "-domain.pddl")
        written.append(base + "-domain.pddl")
        if let problem = domain.problemPddl {
            try PDDLText.write(problem, to: base + "-problem.pddl")
            written.append(base + "-problem.pddl")
        }
        return written
    }
}
