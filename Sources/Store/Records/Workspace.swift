import Foundation
import GRDB

/// A container of domains shared by its members.
public struct Workspace: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var ownerId: Int64
    public var name: String
    public var createdAt: Date
}

extension Workspace: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "workspaces"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let id = Column("id")
        public static let ownerId = Column("owner_id")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What a member may do in a workspace.
public enum WorkspaceRole: String, Codable, Sendable, CaseIterable {
    case owner, editor, viewer

    /// Owners and editors change domains; viewers only read them.
    public var canWrite: Bool { self != .viewer }
}

/// One user's membership of one workspace.
public struct WorkspaceMember: Codable, Sendable, Equatable {
    public var workspaceId: Int64
    public var userId: Int64
    public var role: WorkspaceRole
}

extension WorkspaceMember: FetchableRecord, PersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "workspace_members"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let workspaceId = Column("workspace_id")
        public static let userId = Column("user_id")
        public static let role = Column("role")
    }
}
