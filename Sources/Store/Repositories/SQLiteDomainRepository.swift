import Foundation
import GRDB

/// `DomainRepository` on the SQLite file.
struct SQLiteDomainRepository: DomainRepository {
    let database: StoreDatabase
    let clock: any StoreClock

    func list(readableBy userId: Int64, workspaceId: Int64?) async throws -> [Domain] {
        try await database.read { db in
            var request = Domain.all().readable(by: userId)
            if let workspaceId { request = request.filter(Domain.Columns.workspaceId == workspaceId) }
            return try request.orderedByName().fetchAll(db)
        }
    }

    func domain(id: Int64, readableBy userId: Int64) async throws -> Domain {
        try await database.read { db in try Self.readable(id, by: userId, db) }
    }

    func domain(named name: String, readableBy userId: Int64) async throws -> Domain {
        let found = try await database.read { db in
            try Domain.all().readable(by: userId).filter(Domain.Columns.name == name)
                .order(sql: """
                    CASE WHEN workspace_id IN (SELECT workspace_id FROM workspace_members WHERE user_id = ?)
                    THEN 0 WHEN is_template = 1 THEN 2 ELSE 1 END, id
                    """, arguments: [userId])
                .fetchOne(db)
        }
        guard let found else { throw StoreError.notFound("domain '\(name)'") }
        return found
    }

    func create(_ draft: DomainDraft, in workspaceId: Int64, by userId: Int64) async throws -> Domain {
        let draft = try Self.validated(draft)
        let now = clock.now()
        return try await database.write { db in
            try Access.requireWriter(userId, in: workspaceId, db)
            if try Domain.filter(Domain.Columns.workspaceId == workspaceId && Domain.Columns.name == draft.name)
                .fetchCount(db) > 0 {
                throw StoreError.conflict("a domain named '\(draft.name)' already exists in this workspace")
            }
            var domain = Domain(id: nil, workspaceId: workspaceId, name: draft.name, description: draft.description,
                                domainPddl: draft.domainPddl, problemPddl: draft.problemPddl,
                                isPublic: draft.isPublic, isTemplate: false, createdAt: now, updatedAt: now)
            try domain.insert(db)
            try Self.appendRevision(of: domain, by: userId, message: "created", at: now, db)
            return domain
        }
    }

    func save(_ draft: DomainDraft, to domainId: Int64, by userId: Int64, message: String) async throws -> Domain {
        let draft = try Self.validated(draft)
        let now = clock.now()
        return try await database.write { db in
            var domain = try Self.writable(domainId, by: userId, db)
            domain.name = draft.name
            domain.description = draft.description
            domain.domainPddl = draft.domainPddl
            domain.problemPddl = draft.problemPddl
            domain.isPublic = draft.isPublic
            domain.updatedAt = now
            try domain.update(db)
            try Self.appendRevision(of: domain, by: userId, message: message, at: now, db)
            return domain
        }
    }

    func delete(id: Int64, by userId: Int64) async throws {
        try await database.write { db in
            let domain = try Self.writable(id, by: userId, db)
            _ = try domain.delete(db)
        }
    }

    func setPublic(_ domainId: Int64, _ isPublic: Bool, by userId: Int64) async throws -> Domain {
        let now = clock.now()
        return try await database.write { db in
            var domain = try Self.writable(domainId, by: userId, db)
            guard domain.isPublic != isPublic else { return domain }
            domain.isPublic = isPublic
            domain.updatedAt = now
            try domain.update(db)
            return domain
        }
    }

    func history(of domainId: Int64, readableBy userId: Int64) async throws -> [DomainRevision] {
        try await database.read { db in
            _ = try Self.readable(domainId, by: userId, db)
            return try DomainRevision.filter(DomainRevision.Columns.domainId == domainId)
                .order(DomainRevision.Columns.revision.desc).fetchAll(db)
        }
    }

    func restore(_ domainId: Int64, toRevision revision: Int, by userId: Int64) async throws -> Domain {
        let now = clock.now()
        return try await database.write { db in
            var domain = try Self.writable(domainId, by: userId, db)
            guard let old = try DomainRevision.filter(DomainRevision.Columns.domainId == domainId
                                                      && DomainRevision.Columns.revision == revision).fetchOne(db)
            else { throw StoreError.notFound("revision \(revision) of domain \(domain.name)") }
            domain.name = old.name
            domain.description = old.description
            domain.domainPddl = old.domainPddl
            domain.problemPddl = old.problemPddl
            domain.updatedAt = now
            try domain.update(db)
            try Self.appendRevision(of: domain, by: userId, message: "restored revision \(revision)", at: now, db)
            return domain
        }
    }

    func copy(_ domainId: Int64, into workspaceId: Int64, as name: String?, by userId: Int64) async throws -> Domain {
        let source = try await domain(id: domainId, readableBy: userId)
        let draft = DomainDraft(name: name ?? source.name, description: source.description,
                                domainPddl: source.domainPddl, problemPddl: source.problemPddl)
        return try await create(draft, in: workspaceId, by: userId)
    }

    // MARK: - Rules shared by the operations

    static func readable(_ id: Int64, by userId: Int64, _ db: Database) throws -> Domain {
        guard let domain = try Domain.all().readable(by: userId).filter(key: id).fetchOne(db) else {
            throw StoreError.notFound("domain \(id)")
        }
        return domain
    }

    static func writable(_ id: Int64, by userId: Int64, _ db: Database) throws -> Domain {
        let domain = try readable(id, by: userId, db)
        guard let workspaceId = domain.workspaceId, !domain.isTemplate else {
            throw StoreError.forbidden("templates are read-only; copy '\(domain.name)' into your workspace to change it")
        }
        guard let role = try Access.role(of: userId, in: workspaceId, db) else {
            throw StoreError.forbidden("'\(domain.name)' is public but belongs to another workspace; copy it to change it")
        }
        guard role.canWrite else { throw StoreError.forbidden("viewers cannot change domains in this workspace") }
        return domain
    }

    /// A domain the user may start a critique session on: a template, or a domain of a workspace
    /// where the user is an owner or editor (a session is work done in that workspace).
    static func critiquable(_ id: Int64, by userId: Int64, _ db: Database) throws -> Domain {
        let domain = try readable(id, by: userId, db)
        guard let workspaceId = domain.workspaceId, !domain.isTemplate else { return domain }
        try requireSessionRole(try Access.role(of: userId, in: workspaceId, db), domain)
        return domain
    }

    static func requireSessionRole(_ role: WorkspaceRole?, _ domain: Domain) throws {
        guard let role else {
            throw StoreError.forbidden("'\(domain.name)' is public but belongs to another workspace; copy it to critique it")
        }
        guard role.canWrite else { throw StoreError.forbidden("viewers cannot start critique sessions in this workspace") }
    }

    static func appendRevision(of domain: Domain, by userId: Int64, message: String, at now: Date, _ db: Database) throws {
        let last = try Int.fetchOne(db, sql: "SELECT MAX(revision) FROM domain_revisions WHERE domain_id = ?",
                                    arguments: [domain.id!]) ?? 0
        var revision = DomainRevision(id: nil, domainId: domain.id!, revision: last + 1, name: domain.name,
                                      description: domain.description, domainPddl: domain.domainPddl,
                                      problemPddl: domain.problemPddl, authorId: userId, message: message,
                                      createdAt: now)
        try revision.insert(db)
    }

    static func validated(_ draft: DomainDraft) throws -> DomainDraft {
        var draft = draft
        draft.name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !draft.name.isEmpty else { throw StoreError.invalidInput("domain name must not be empty") }
        guard !draft.domainPddl.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalidInput("domain PDDL must not be empty")
        }
        return draft
    }
}
