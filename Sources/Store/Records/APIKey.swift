import Foundation
import GRDB

/// Whether an API key may still be used.
public enum APIKeyStatus: String, Codable, Sendable, CaseIterable {
    case active, revoked, expired
}

/// A stored API key: only its SHA-256 hash and its first 8 characters, never the key itself.
public struct APIKey: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var userId: Int64
    public var name: String
    var keyHash: String
    /// "psk_" and the first 4 characters of the secret part: enough to recognise a key in a list.
    public var keyPrefix: String
    public var status: APIKeyStatus
    /// Requests allowed per 60-second sliding window.
    public var rateLimit: Int
    public var lastUsedAt: Date?
    public var expiresAt: Date?
    public var createdAt: Date
}

extension APIKey: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "api_keys"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let id = Column("id")
        public static let userId = Column("user_id")
        public static let keyPrefix = Column("key_prefix")
        public static let status = Column("status")
        public static let expiresAt = Column("expires_at")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What may be shown about a key (`plansmith keys list --json`): everything but the hash.
public struct APIKeyListing: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var prefix: String
    public var status: APIKeyStatus
    public var rateLimit: Int
    public var lastUsedAt: Date?
    public var expiresAt: Date?
    public var createdAt: Date
}

extension APIKey {
    /// The displayable part of this key. Encode this, not `APIKey`, whose Codable form
    /// (used for storage) includes the hash.
    public var listing: APIKeyListing {
        APIKeyListing(id: id ?? 0, name: name, prefix: keyPrefix, status: status, rateLimit: rateLimit,
                      lastUsedAt: lastUsedAt, expiresAt: expiresAt, createdAt: createdAt)
    }
}
