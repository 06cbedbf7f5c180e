import Foundation
import GRDB

/// A person who owns workspaces, keys and sessions. The password hash never leaves the Store.
public struct User: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var email: String
    var passwordHash: String?
    /// Free-form JSON object of UI preferences.
    public var preferences: String
    var failedLoginCount: Int
    var lastFailedLoginAt: Date?
    public var createdAt: Date

    /// False for the single local user created on first run with only an email.
    public var hasPassword: Bool { passwordHash != nil }
}

extension User: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "users"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let id = Column("id")
        public static let email = Column("email")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<User> {
    func filter(email: String) -> Self { filter(User.Columns.email.collating(.nocase) == email) }
}

/// What may be shown about a user: no password hash, no login counters.
public struct UserProfile: Codable, Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var hasPassword: Bool
    public var createdAt: Date
}

extension User {
    /// Encode this, not `User`, whose Codable form (used for storage) includes the hash.
    public var profile: UserProfile {
        UserProfile(id: id ?? 0, email: email, hasPassword: hasPassword, createdAt: createdAt)
    }
}
