import Foundation
import PlansmithCore
import Store

/// Domains in memory, with the bundled templates (ids 1…8, revision 1, as a new database seeds
/// them) and every revision's contents. Each write is stamped one minute after the previous one,
/// from `FakeClock.epoch`, so dates are fixed. A user reads templates, public domains and the
/// domains of their workspaces (`FakeMemberships`), and writes those where they are owner or editor.
actor FakeDomains: DomainService {
    struct Revision: Sendable {
        var info: RevisionInfo
        var contents: DomainContents
        var revision: Int { info.revision }
        var domainPddl: String { contents.domainPddl }
    }

    private struct Stored {
        var summary: DomainSummary
        /// Newest last.
        var revisions: [Revision]
        var contents: DomainContents { revisions[revisions.count - 1].contents }
    }

    private var domains: [Int64: Stored] = [:]
    private var nextId: Int64 = 1
    private var clock = FakeClock()
    let memberships: FakeMemberships

    init(memberships: FakeMemberships = FakeMemberships()) {
        self.memberships = memberships
        for template in DomainTemplate.all {
            let contents = DomainContents(name: template.name, description: template.description, domainPddl: template.domainPddl,
                                          problemPddl: template.problemPddl, isPublic: true)
            domains[nextId] = Self.record(nextId, contents, workspaceId: nil, isTemplate: true, message: "bundled template",
                                          at: FakeClock.epoch)
            nextId += 1
        }
    }

    func catalog(userId: Int64) -> DomainCatalog {
        let workspaces = memberships.workspaces(of: userId)
        let mine = Set(workspaces.map(\.id))
        var catalog = DomainCatalog(workspaces: workspaces)
        let readable = domains.values.filter { isReadable($0.summary, by: userId) }
            .map(\.summary).sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        for summary in readable {
            if summary.isTemplate { catalog.templates.append(summary) }
            else if let id = summary.workspaceId, mine.contains(id) { catalog.own.append(summary) }
            else { catalog.shared.append(summary) }
        }
        return catalog
    }

    func open(_ domainId: Int64, userId: Int64) throws -> DomainDocument {
        document(try readable(domainId, by: userId))
    }

    func find(named name: String, userId: Int64) throws -> DomainDocument {
        // The user's own domain of that name first, then public ones, then templates (as the Store).
        let candidates = domains.values.filter { $0.summary.name == name && isReadable($0.summary, by: userId) }
        func rank(_ s: DomainSummary) -> Int {
            s.isTemplate ? 2 : (s.workspaceId.flatMap { memberships.role(of: userId, in: $0) } != nil ? 0 : 1)
        }
        guard let found = candidates.min(by: { (rank($0.summary), $0.summary.id) < (rank($1.summary), $1.summary.id) }) else {
            throw AppError(.notFound, "domain '\(name)' not found")
        }
        return document(found)
    }

    func create(_ contents: DomainContents, in workspaceId: Int64, userId: Int64) throws -> DomainDocument {
        try checkWorkspace(workspaceId, userId: userId)
        try checkName(contents.name, in: workspaceId, except: nil)
        return document(insert(contents, workspaceId: workspaceId, isTemplate: false, message: "created", at: clock.tick()))
    }

    func save(_ contents: DomainContents, to domainId: Int64, message: String, userId: Int64) throws -> DomainDocument {
        var stored = try writable(domainId, by: userId)
        try checkName(contents.name, in: stored.summary.workspaceId, except: domainId)
        let now = clock.tick()
        stored.revisions.append(Revision(info: RevisionInfo(revision: stored.revisions.count + 1, message: message, createdAt: now),
                                         contents: contents))
        stored.summary.name = contents.name
        stored.summary.description = contents.description
        stored.summary.isPublic = contents.isPublic
        stored.summary.updatedAt = now
        domains[domainId] = stored
        return document(stored)
    }

    func delete(_ domainId: Int64, userId: Int64) throws {
        _ = try writable(domainId, by: userId)
        domains[domainId] = nil
    }

    func setPublic(_ domainId: Int64, _ isPublic: Bool, userId: Int64) throws -> DomainDocument {
        var stored = try writable(domainId, by: userId)
        guard stored.summary.isPublic != isPublic else { return document(stored) }
        stored.summary.isPublic = isPublic
        stored.summary.updatedAt = clock.tick()
        // The flag lives on the domain, not in its revisions: keep the newest contents in step.
        stored.revisions[stored.revisions.count - 1].contents.isPublic = isPublic
        domains[domainId] = stored
        return document(stored)
    }

    func history(of domainId: Int64, userId: Int64) throws -> [RevisionInfo] {
        try readable(domainId, by: userId).revisions.reversed().map(\.info)
    }

    func restore(_ domainId: Int64, revision: Int, userId: Int64) throws -> DomainDocument {
        let stored = try writable(domainId, by: userId)
        guard let old = stored.revisions.first(where: { $0.info.revision == revision }) else {
            throw AppError(.notFound, "revision \(revision) of domain \(domainId) not found")
        }
        // Revisions hold texts, name and description; whether the domain is public is not rewound.
        var contents = old.contents
        contents.isPublic = stored.contents.isPublic
        return try save(contents, to: domainId, message: "restored revision \(revision)", userId: userId)
    }

    func copy(_ domainId: Int64, into workspaceId: Int64, as name: String?, userId: Int64) throws -> DomainDocument {
        let source = try readable(domainId, by: userId)
        try checkWorkspace(workspaceId, userId: userId)
        var contents = source.contents
        contents.name = name ?? contents.name
        contents.isPublic = false
        try checkName(contents.name, in: workspaceId, except: nil)
        return document(insert(contents, workspaceId: workspaceId, isTemplate: false,
                               message: "copied from \(source.summary.name)", at: clock.tick()))
    }

    // MARK: Inspecting (what a test reads back instead of SQLite rows)

    /// Every revision's contents, newest first, whoever may read them.
    func revisions(of domainId: Int64) -> [Revision] { domains[domainId]?.revisions.reversed() ?? [] }

    /// The current record, whoever may read it.
    func stored(_ domainId: Int64) -> DomainDocument? { domains[domainId].map { document($0) } }

    // MARK: Rules

    private func isReadable(_ summary: DomainSummary, by userId: Int64) -> Bool {
        summary.isTemplate || summary.isPublic || summary.workspaceId.flatMap { memberships.role(of: userId, in: $0) } != nil
    }

    /// Domains the user may not read are "not found", never "forbidden" (that would reveal them).
    private func readable(_ domainId: Int64, by userId: Int64) throws -> Stored {
        guard let stored = domains[domainId], isReadable(stored.summary, by: userId) else {
            throw AppError(.notFound, "domain \(domainId) not found")
        }
        return stored
    }

    private func writable(_ domainId: Int64, by userId: Int64) throws -> Stored {
        let stored = try readable(domainId, by: userId)
        if stored.summary.isTemplate {
            throw AppError(.forbidden, "templates are read-only; copy '\(stored.summary.name)' into your workspace to change it")
        }
        guard let role = stored.summary.workspaceId.flatMap({ memberships.role(of: userId, in: $0) }) else {
            throw AppError(.forbidden, "'\(stored.summary.name)' is public but belongs to another workspace; copy it to change it")
        }
        guard role.canWrite else { throw AppError(.forbidden, "viewers cannot change domains in this workspace") }
        return stored
    }

    private func checkWorkspace(_ workspaceId: Int64, userId: Int64) throws {
        guard let role = memberships.role(of: userId, in: workspaceId) else {
            throw AppError(.notFound, "workspace \(workspaceId) not found")
        }
        guard role.canWrite else { throw AppError(.forbidden, "viewers cannot change domains in this workspace") }
    }

    private func checkName(_ name: String, in workspaceId: Int64?, except domainId: Int64?) throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw AppError(.invalidInput, "a domain needs a name") }
        if domains.values.contains(where: { $0.summary.workspaceId == workspaceId && $0.summary.name == name && $0.summary.id != domainId }) {
            throw AppError(.conflict, "a domain named '\(name)' already exists in this workspace")
        }
    }

    private func insert(_ contents: DomainContents, workspaceId: Int64?, isTemplate: Bool, message: String, at date: Date) -> Stored {
        let stored = Self.record(nextId, contents, workspaceId: workspaceId, isTemplate: isTemplate, message: message, at: date)
        domains[nextId] = stored
        nextId += 1
        return stored
    }

    /// A new domain at revision 1.
    private static func record(_ id: Int64, _ contents: DomainContents, workspaceId: Int64?, isTemplate: Bool, message: String,
                               at date: Date) -> Stored {
        let summary = DomainSummary(id: id, workspaceId: workspaceId, name: contents.name, description: contents.description,
                                    isPublic: contents.isPublic, isTemplate: isTemplate, updatedAt: date)
        return Stored(summary: summary,
                      revisions: [Revision(info: RevisionInfo(revision: 1, message: message, createdAt: date), contents: contents)])
    }

    private func document(_ stored: Stored) -> DomainDocument {
        DomainDocument(summary: stored.summary, domainPddl: stored.contents.domainPddl, problemPddl: stored.contents.problemPddl,
                       revision: stored.revisions.count)
    }
}
