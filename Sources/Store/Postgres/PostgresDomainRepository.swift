import Foundation
import PostgresNIO

/// `DomainRepository` on PostgreSQL: the same access rules as `SQLiteDomainRepository` (readable
/// = the user's workspaces, public domains and templates; writable = owners and editors), in SQL.
struct PostgresDomainRepository: DomainRepository {
    let database: PostgresStoreDatabase
    let clock: any StoreClock

    static let columns = """
        domains.id, domains.workspace_id, domains.name, domains.description, domains.domain_pddl,
        domains.problem_pddl, domains.is_public, domains.is_template, domains.created_at, domains.updated_at
        """

    func list(readableBy userId: Int64, workspaceId: Int64?) async throws -> [Domain] {
        try await database.rows("""
            SELECT \(unescaped: Self.columns) FROM domains
            WHERE (domains.is_public OR domains.is_template OR domains.workspace_id IN
                   (SELECT workspace_id FROM workspace_members WHERE user_id = \(userId)))
              AND (\(workspaceId)::BIGINT IS NULL OR domains.workspace_id = \(workspaceId))
            ORDER BY domains.is_template, domains.name COLLATE "C"  -- byte order, as SQLite sorts
            """).map(Self.domain)
    }

    func domain(id: Int64, readableBy userId: Int64) async throws -> Domain {
        let database = database
        return try await database.transaction { c in try await Self.readable(id, by: userId, c, database) }
    }

    func domain(named name: String, readableBy userId: Int64) async throws -> Domain {
        let found = try await database.rows("""
            SELECT \(unescaped: Self.columns) FROM domains
            WHERE (domains.is_public OR domains.is_template OR domains.workspace_id IN
                   (SELECT workspace_id FROM workspace_members WHERE user_id = \(userId)))
              AND domains.name = \(name)
            ORDER BY CASE WHEN workspace_id IN (SELECT workspace_id FROM workspace_members WHERE user_id = \(userId))
                     THEN 0 WHEN is_template THEN 2 ELSE 1 END, id
            LIMIT 1
            """).map(Self.domain)
        guard let domain = found.first else { throw StoreError.notFound("domain '\(name)'") }
        return domain
    }

    func create(_ draft: DomainDraft, in workspaceId: Int64, by userId: Int64) async throws -> Domain {
        let draft = try SQLiteDomainRepository.validated(draft)
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            try await Self.requireWriter(userId, in: workspaceId, c, database)
            let clash = try await c.rows("""
                SELECT 1 AS one FROM domains WHERE workspace_id = \(workspaceId) AND name = \(draft.name)
                """, database.logger)
            guard clash.isEmpty else {
                throw StoreError.conflict("a domain named '\(draft.name)' already exists in this workspace")
            }
            let rows = try await c.rows("""
                INSERT INTO domains (workspace_id, name, description, domain_pddl, problem_pddl, is_public, is_template,
                                     created_at, updated_at)
                VALUES (\(workspaceId), \(draft.name), \(draft.description), \(draft.domainPddl), \(draft.problemPddl),
                        \(draft.isPublic), FALSE, \(now), \(now))
                RETURNING \(unescaped: Self.columns)
                """, database.logger)
            let domain = try Self.domain(rows[0])
            try await Self.appendRevision(of: domain, by: userId, message: "created", at: now, c, database)
            return domain
        }
    }

    func save(_ draft: DomainDraft, to domainId: Int64, by userId: Int64, message: String) async throws -> Domain {
        let draft = try SQLiteDomainRepository.validated(draft)
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            _ = try await Self.writable(domainId, by: userId, c, database)
            let rows = try await c.rows("""
                UPDATE domains SET name = \(draft.name), description = \(draft.description),
                    domain_pddl = \(draft.domainPddl), problem_pddl = \(draft.problemPddl),
                    is_public = \(draft.isPublic), updated_at = \(now)
                WHERE id = \(domainId) RETURNING \(unescaped: Self.columns)
                """, database.logger)
            let domain = try Self.domain(rows[0])
            try await Self.appendRevision(of: domain, by: userId, message: message, at: now, c, database)
            return domain
        }
    }

    func delete(id: Int64, by userId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            _ = try await Self.writable(id, by: userId, c, database)
            try await c.query("DELETE FROM domains WHERE id = \(id)", logger: database.logger)
        }
    }

    func setPublic(_ domainId: Int64, _ isPublic: Bool, by userId: Int64) async throws -> Domain {
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            let domain = try await Self.writable(domainId, by: userId, c, database)
            guard domain.isPublic != isPublic else { return domain }
            let rows = try await c.rows("""
                UPDATE domains SET is_public = \(isPublic), updated_at = \(now)
                WHERE id = \(domainId) RETURNING \(unescaped: Self.columns)
                """, database.logger)
            return try Self.domain(rows[0])
        }
    }

    func history(of domainId: Int64, readableBy userId: Int64) async throws -> [DomainRevision] {
        let database = database
        return try await database.transaction { c in
            _ = try await Self.readable(domainId, by: userId, c, database)
            return try await c.rows("""
                SELECT id, domain_id, revision, name, description, domain_pddl, problem_pddl, author_id, message, created_at
                FROM domain_revisions WHERE domain_id = \(domainId) ORDER BY revision DESC
                """, database.logger).map(Self.revision)
        }
    }

    func restore(_ domainId: Int64, toRevision revision: Int, by userId: Int64) async throws -> Domain {
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            let domain = try await Self.writable(domainId, by: userId, c, database)
            let old = try await c.rows("""
                SELECT id, domain_id, revision, name, description, domain_pddl, problem_pddl, author_id, message, created_at
                FROM domain_revisions WHERE domain_id = \(domainId) AND revision = \(revision)
                """, database.logger).map(Self.revision)
            guard let old = old.first else { throw StoreError.notFound("revision \(revision) of domain \(domain.name)") }
            let rows = try await c.rows("""
                UPDATE domains SET name = \(old.name), description = \(old.description), domain_pddl = \(old.domainPddl),
                    problem_pddl = \(old.problemPddl), updated_at = \(now)
                WHERE id = \(domainId) RETURNING \(unescaped: Self.columns)
                """, database.logger)
            let restored = try Self.domain(rows[0])
            try await Self.appendRevision(of: restored, by: userId, message: "restored revision \(revision)", at: now, c, database)
            return restored
        }
    }

    func copy(_ domainId: Int64, into workspaceId: Int64, as name: String?, by userId: Int64) async throws -> Domain {
        let source = try await domain(id: domainId, readableBy: userId)
        let draft = DomainDraft(name: name ?? source.name, description: source.description,
                                domainPddl: source.domainPddl, problemPddl: source.problemPddl)
        return try await create(draft, in: workspaceId, by: userId)
    }

    // MARK: - Rules shared by the operations (the same as SQLiteDomainRepository's)

    static func readable(_ id: Int64, by userId: Int64, _ c: PostgresConnection,
                         _ database: PostgresStoreDatabase) async throws -> Domain {
        let rows = try await c.rows("""
            SELECT \(unescaped: columns) FROM domains
            WHERE id = \(id) AND (domains.is_public OR domains.is_template OR domains.workspace_id IN
                  (SELECT workspace_id FROM workspace_members WHERE user_id = \(userId)))
            """, database.logger)
        guard let row = rows.first else { throw StoreError.notFound("domain \(id)") }
        return try domain(row)
    }

    static func writable(_ id: Int64, by userId: Int64, _ c: PostgresConnection,
                         _ database: PostgresStoreDatabase) async throws -> Domain {
        let domain = try await readable(id, by: userId, c, database)
        guard let workspaceId = domain.workspaceId, !domain.isTemplate else {
            throw StoreError.forbidden("templates are read-only; copy '\(domain.name)' into your workspace to change it")
        }
        guard let role = try await role(of: userId, in: workspaceId, c, database) else {
            throw StoreError.forbidden("'\(domain.name)' is public but belongs to another workspace; copy it to change it")
        }
        guard role.canWrite else { throw StoreError.forbidden("viewers cannot change domains in this workspace") }
        return domain
    }

    static func critiquable(_ id: Int64, by userId: Int64, _ c: PostgresConnection,
                            _ database: PostgresStoreDatabase) async throws -> Domain {
        let domain = try await readable(id, by: userId, c, database)
        guard let workspaceId = domain.workspaceId, !domain.isTemplate else { return domain }
        try SQLiteDomainRepository.requireSessionRole(try await role(of: userId, in: workspaceId, c, database), domain)
        return domain
    }

    static func role(of userId: Int64, in workspaceId: Int64, _ c: PostgresConnection,
                     _ database: PostgresStoreDatabase) async throws -> WorkspaceRole? {
        try await c.rows("""
            SELECT role FROM workspace_members WHERE workspace_id = \(workspaceId) AND user_id = \(userId)
            """, database.logger).first.flatMap { WorkspaceRole(rawValue: try $0.value("role", as: String.self)) }
    }

    static func requireWriter(_ userId: Int64, in workspaceId: Int64, _ c: PostgresConnection,
                              _ database: PostgresStoreDatabase) async throws {
        guard let role = try await role(of: userId, in: workspaceId, c, database) else {
            throw StoreError.notFound("workspace \(workspaceId)")
        }
        guard role.canWrite else { throw StoreError.forbidden("viewers cannot change domains in this workspace") }
    }

    /// The next revision number is taken under a row lock on the domain, so two saves at once
    /// (two servers) get 2 and 3, never both 2.
    static func appendRevision(of domain: Domain, by userId: Int64, message: String, at now: Date,
                               _ c: PostgresConnection, _ database: PostgresStoreDatabase) async throws {
        try await c.query("SELECT id FROM domains WHERE id = \(domain.id!) FOR UPDATE", logger: database.logger)
        try await c.query("""
            INSERT INTO domain_revisions (domain_id, revision, name, description, domain_pddl, problem_pddl, author_id,
                                          message, created_at)
            SELECT \(domain.id!), COALESCE(MAX(revision), 0) + 1, \(domain.name), \(domain.description),
                   \(domain.domainPddl), \(domain.problemPddl), \(userId), \(message), \(now)
            FROM domain_revisions WHERE domain_id = \(domain.id!)
            """, logger: database.logger)
    }

    static func domain(_ row: PostgresRandomAccessRow) throws -> Domain {
        Domain(id: try row.value("id"), workspaceId: try row.value("workspace_id"), name: try row.value("name"),
               description: try row.value("description"), domainPddl: try row.value("domain_pddl"),
               problemPddl: try row.value("problem_pddl"), isPublic: try row.value("is_public"),
               isTemplate: try row.value("is_template"), createdAt: try row.value("created_at"),
               updatedAt: try row.value("updated_at"))
    }

    static func revision(_ row: PostgresRandomAccessRow) throws -> DomainRevision {
        DomainRevision(id: try row.value("id"), domainId: try row.value("domain_id"),
                       revision: try row.value("revision"), name: try row.value("name"),
                       description: try row.value("description"), domainPddl: try row.value("domain_pddl"),
                       problemPddl: try row.value("problem_pddl"), authorId: try row.value("author_id"),
                       message: try row.value("message"), createdAt: try row.value("created_at"))
    }
}
