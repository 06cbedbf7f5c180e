import Foundation
import GRDB

/// A conversation (elicitation or free chat), optionally about one domain.
public struct ChatSession: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var userId: Int64
    public var domainId: Int64?
    public var title: String
    public var createdAt: Date
    public var updatedAt: Date
}

extension ChatSession: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "chat_sessions"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let id = Column("id")
        public static let userId = Column("user_id")
        public static let updatedAt = Column("updated_at")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Who wrote a chat message.
public enum ChatRole: String, Codable, Sendable, CaseIterable {
    case user, assistant, system, tool
}

/// One message of a chat session, committed as soon as it is shown.
public struct ChatMessage: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var sessionId: Int64
    public var role: ChatRole
    public var content: String
    /// The elicitation state the conversation was in after this message, if any.
    public var elicitationState: String?
    public var tokens: Int?
    public var createdAt: Date
}

extension ChatMessage: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "chat_messages"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let id = Column("id")
        public static let sessionId = Column("session_id")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
