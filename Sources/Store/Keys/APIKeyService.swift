import Foundation
import GRDB

/// A key just created: `plaintext` is shown to the user once and is not stored anywhere.
public struct CreatedAPIKey: Sendable {
    public let key: APIKey
    public let plaintext: String
}

/// `APIKeyRepository` on SQLite: create, list, revoke, rotate, verify. Only the SHA-256 of a key
/// and its first 8 characters are stored.
public struct APIKeyService: Sendable {
    let database: StoreDatabase
    let clock: any StoreClock
    /// Requests per minute for keys created without an explicit limit.
    public static let defaultRateLimit = 60

    /// The longest a key may live: ten years (a longer expiry is "never", which nil says).
    public static let maximumLifetimeDays = 3650

    /// Creates a key for `userId`. `expiresAt` nil means it never expires; otherwise it must be
    /// in the future and at most `maximumLifetimeDays` away.
    public func create(userId: Int64, name: String, rateLimit: Int, expiresAt: Date?) async throws -> CreatedAPIKey {
        let name = try Self.validated(name: name, rateLimit: rateLimit)
        let now = clock.now()
        try APIKeyRules.validatedExpiry(expiresAt, now: now)
        return try await database.write { db in
            try Self.insertKey(userId: userId, name: name, rateLimit: rateLimit, expiresAt: expiresAt, now: now, db)
        }
    }

    /// The user's keys, newest first; keys past their expiry are marked expired first.
    public func list(userId: Int64) async throws -> [APIKey] {
        let now = clock.now()
        return try await database.write { db in
            try Self.expireDueKeys(now: now, db)
            return try APIKey.filter(APIKey.Columns.userId == userId).order(APIKey.Columns.id.desc).fetchAll(db)
        }
    }

    /// Revokes one of the user's keys. Revoking twice is harmless.
    public func revoke(keyId: Int64, userId: Int64) async throws {
        try await database.write { db in
            var key = try Self.owned(keyId, by: userId, db)
            if key.status == .active {
                key.status = .revoked
                try key.update(db)
            }
        }
    }

    /// Creates a replacement key with the same name, limit and expiry and revokes the old one,
    /// in one transaction: there is never a moment with both or neither key usable.
    public func rotate(keyId: Int64, userId: Int64) async throws -> CreatedAPIKey {
        let now = clock.now()
        return try await database.write { db in
            try Self.expireDueKeys(now: now, db)
            var old = try Self.owned(keyId, by: userId, db)
            guard old.status == .active else { throw APIKeyRules.notRotatable(old) }
            old.status = .revoked
            try old.update(db)
            return try Self.insertKey(userId: userId, name: old.name, rateLimit: old.rateLimit,
                                      expiresAt: old.expiresAt, now: now, db)
        }
    }

    /// Checks a presented key and records its use. Throws `invalidAPIKey`, `revokedAPIKey` or
    /// `expiredAPIKey`. Candidate rows are found by prefix, then every candidate's stored hash is
    /// compared in constant time, so timing reveals nothing about how much of a key was right.
    public func verify(_ plaintext: String) async throws -> APIKey {
        guard APIKeyRules.wellFormed(plaintext) else { throw StoreError.invalidAPIKey }
        let prefix = APIKeySecret.prefix(of: plaintext)
        let now = clock.now()
        return try await database.write { db in
            let candidates = try APIKey.filter(APIKey.Columns.keyPrefix == prefix).fetchAll(db)
            guard var key = APIKeyRules.match(plaintext, among: candidates) else { throw StoreError.invalidAPIKey }
            if key.status == .active, let expiry = key.expiresAt, expiry <= now {
                key.status = .expired
                try key.update(db)
            }
            switch key.status {
            case .revoked: throw StoreError.revokedAPIKey
            case .expired: throw StoreError.expiredAPIKey
            case .active: break
            }
            key.lastUsedAt = now
            try key.update(db)
            return key
        }
    }

    // MARK: - Helpers run inside transactions

    static func insertKey(userId: Int64, name: String, rateLimit: Int, expiresAt: Date?, now: Date,
                          _ db: Database) throws -> CreatedAPIKey {
        let secret = APIKeySecret.generate()
        var key = APIKey(id: nil, userId: userId, name: name, keyHash: APIKeySecret.hash(of: secret.plaintext),
                         keyPrefix: APIKeySecret.prefix(of: secret.plaintext), status: .active,
                         rateLimit: rateLimit, lastUsedAt: nil, expiresAt: expiresAt, createdAt: now)
        try key.insert(db)
        return CreatedAPIKey(key: key, plaintext: secret.plaintext)
    }

    /// Marks active keys whose expiry has passed. The dates are compared as dates, in Swift:
    /// rows written before `StoreDate` clamped years may hold text (`10240-…`) that SQL would
    /// order wrongly. A stored expiry that cannot be read at all is left for `verify` to judge.
    static func expireDueKeys(now: Date, _ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, expires_at FROM api_keys WHERE status = ? AND expires_at IS NOT NULL",
                                    arguments: [APIKeyStatus.active.rawValue])
        let due = rows.compactMap { row -> Int64? in
            guard let expiry = StoreDate.date(from: row["expires_at"]), expiry <= now else { return nil }
            return row["id"]
        }
        guard !due.isEmpty else { return }
        try APIKey.filter(keys: due).updateAll(db, APIKey.Columns.status.set(to: APIKeyStatus.expired.rawValue))
    }

    static func owned(_ keyId: Int64, by userId: Int64, _ db: Database) throws -> APIKey {
        guard let key = try APIKey.filter(key: keyId).filter(APIKey.Columns.userId == userId).fetchOne(db) else {
            throw StoreError.notFound("API key \(keyId)")
        }
        return key
    }

    static func validated(name: String, rateLimit: Int) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError.invalidInput("key name must not be empty") }
        guard rateLimit > 0 else { throw StoreError.invalidInput("rate limit must be at least 1 request per minute") }
        return name
    }
}
