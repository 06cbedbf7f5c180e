import Foundation
import GRDB

/// Key checks on the server's request path. `verify` writes `last_used_at` in its own
/// transaction, which would put one write per request on SQLite's single writer; here the check
/// is a read and the use times are written later in batches (`recordUse`).
extension APIKeyService {
    /// Checks a presented key without writing: throws `invalidAPIKey`, `revokedAPIKey` or
    /// `expiredAPIKey` exactly as `verify` does. Every candidate with the key's prefix is compared
    /// by hash in constant time. A key found past its expiry is marked expired (a rare write).
    public func authenticate(_ plaintext: String) async throws -> APIKey {
        guard APIKeyRules.wellFormed(plaintext) else { throw StoreError.invalidAPIKey }
        let prefix = APIKeySecret.prefix(of: plaintext)
        let now = clock.now()
        let candidates = try await database.read { db in
            try APIKey.filter(APIKey.Columns.keyPrefix == prefix).fetchAll(db)
        }
        guard var key = APIKeyRules.match(plaintext, among: candidates) else { throw StoreError.invalidAPIKey }
        if key.status == .active, let expiry = key.expiresAt, expiry <= now {
            try await database.write { db in try Self.expireDueKeys(now: now, db) }
            key.status = .expired
        }
        switch key.status {
        case .revoked: throw StoreError.revokedAPIKey
        case .expired: throw StoreError.expiredAPIKey
        case .active: return key
        }
    }

    /// The per-minute limit of the key `plaintext` names, or nil when no key has that hash
    /// (the rate limiter runs before authentication and needs the limit, not the verdict).
    public func rateLimit(ofPresentedKey plaintext: String) async throws -> Int? {
        guard APIKeyRules.wellFormed(plaintext) else { return nil }
        let prefix = APIKeySecret.prefix(of: plaintext)
        let candidates = try await database.read { db in
            try APIKey.filter(APIKey.Columns.keyPrefix == prefix).fetchAll(db)
        }
        return APIKeyRules.match(plaintext, among: candidates)?.rateLimit
    }

    /// Sets `last_used_at` for many keys in one transaction; a time never moves backwards.
    public func recordUse(_ lastUsed: [Int64: Date]) async throws {
        guard !lastUsed.isEmpty else { return }
        try await database.write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE api_keys SET last_used_at = ?1
                WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?1)
                """)
            for (id, date) in lastUsed {
                try statement.execute(arguments: [StoreDate.text(date), id])
            }
        }
    }
}
