import Foundation
import GRDB

/// A PDDL domain with its (optional) problem, owned by a workspace, or a bundled template.
public struct Domain: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// nil only for bundled templates.
    public var workspaceId: Int64?
    public var name: String
    public var description: String
    public var domainPddl: String
    public var problemPddl: String?
    public var isPublic: Bool
    public var isTemplate: Bool
    public var createdAt: Date
    public var updatedAt: Date
}

extension Domain: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "domains"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let id = Column("id")
        public static let workspaceId = Column("workspace_id")
        public static let name = Column("name")
        public static let isPublic = Column("is_public")
        public static let isTemplate = Column("is_template")
        public static let updatedAt = Column("updated_at")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<Domain> {
    /// Domains the user may read: those of the user's workspaces, public ones and templates.
    /// Every read in the domain repository goes through this one filter.
    func readable(by userId: Int64) -> Self {
        filter(sql: """
            domains.is_public = 1 OR domains.is_template = 1 OR domains.workspace_id IN
              (SELECT workspace_id FROM workspace_members WHERE user_id = ?)
            """, arguments: [userId])
    }

    func orderedByName() -> Self { order(Domain.Columns.isTemplate, Domain.Columns.name) }
}

/// One saved version of a domain. Every save of a domain appends one.
public struct DomainRevision: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var domainId: Int64
    /// 1, 2, 3, … per domain.
    public var revision: Int
    public var name: String
    public var description: String
    public var domainPddl: String
    public var problemPddl: String?
    public var authorId: Int64?
    public var message: String
    public var createdAt: Date
}

extension DomainRevision: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "domain_revisions"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let domainId = Column("domain_id")
        public static let revision = Column("revision")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
