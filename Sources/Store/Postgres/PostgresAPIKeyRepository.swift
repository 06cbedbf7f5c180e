import Foundation
import PostgresNIO

/// `APIKeyRepository` on PostgreSQL, with `APIKeyService`'s rules (`APIKeyRules`): candidates
/// found by prefix and compared by hash in constant time, expiry checked on every read, rotation
/// in one transaction.
struct PostgresAPIKeyRepository: APIKeyRepository {
    let database: PostgresStoreDatabase
    let clock: any StoreClock

    static let columns = """
        id, user_id, name, key_hash, key_prefix, status, rate_limit, last_used_at, expires_at, created_at
        """

    func create(userId: Int64, name: String, rateLimit: Int, expiresAt: Date?) async throws -> CreatedAPIKey {
        let name = try APIKeyService.validated(name: name, rateLimit: rateLimit)
        let now = PostgresDate.rounded(clock.now())
        try APIKeyRules.validatedExpiry(expiresAt, now: now)
        let database = database
        return try await database.transaction { c in
            try await Self.insertKey(userId: userId, name: name, rateLimit: rateLimit,
                                     expiresAt: expiresAt.map(PostgresDate.rounded), now: now, c, database)
        }
    }

    func list(userId: Int64) async throws -> [APIKey] {
        let now = clock.now()
        let database = database
        return try await database.transaction { c in
            try await Self.expireDueKeys(now: now, c, database)
            return try await c.rows("""
                SELECT \(unescaped: Self.columns) FROM api_keys WHERE user_id = \(userId) ORDER BY id DESC
                """, database.logger).map(Self.key)
        }
    }

    func revoke(keyId: Int64, userId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            _ = try await Self.owned(keyId, by: userId, c, database)
            try await c.query("""
                UPDATE api_keys SET status = 'revoked' WHERE id = \(keyId) AND status = 'active'
                """, logger: database.logger)
        }
    }

    func rotate(keyId: Int64, userId: Int64) async throws -> CreatedAPIKey {
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            try await Self.expireDueKeys(now: now, c, database)
            let old = try await Self.owned(keyId, by: userId, c, database)  // locked: one rotation wins
            guard old.status == .active else { throw APIKeyRules.notRotatable(old) }
            try await c.query("UPDATE api_keys SET status = 'revoked' WHERE id = \(keyId)", logger: database.logger)
            return try await Self.insertKey(userId: userId, name: old.name, rateLimit: old.rateLimit,
                                            expiresAt: old.expiresAt, now: now, c, database)
        }
    }

    func verify(_ plaintext: String) async throws -> APIKey {
        guard APIKeyRules.wellFormed(plaintext) else { throw StoreError.invalidAPIKey }
        let prefix = APIKeySecret.prefix(of: plaintext)
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            let candidates = try await c.rows("""
                SELECT \(unescaped: Self.columns) FROM api_keys WHERE key_prefix = \(prefix)
                """, database.logger).map(Self.key)
            guard var key = APIKeyRules.match(plaintext, among: candidates) else { throw StoreError.invalidAPIKey }
            if key.status == .active, let expiry = key.expiresAt, expiry <= now {
                try await c.query("UPDATE api_keys SET status = 'expired' WHERE id = \(key.id!)", logger: database.logger)
                key.status = .expired
            }
            switch key.status {
            case .revoked: throw StoreError.revokedAPIKey
            case .expired: throw StoreError.expiredAPIKey
            case .active: break
            }
            try await c.query("UPDATE api_keys SET last_used_at = \(now) WHERE id = \(key.id!)", logger: database.logger)
            key.lastUsedAt = now
            return key
        }
    }

    func authenticate(_ plaintext: String) async throws -> APIKey {
        guard APIKeyRules.wellFormed(plaintext) else { throw StoreError.invalidAPIKey }
        let now = clock.now()
        guard var key = APIKeyRules.match(plaintext, among: try await candidates(of: plaintext)) else {
            throw StoreError.invalidAPIKey
        }
        if key.status == .active, let expiry = key.expiresAt, expiry <= now {
            let database = database
            try await database.transaction { c in try await Self.expireDueKeys(now: now, c, database) }
            key.status = .expired
        }
        switch key.status {
        case .revoked: throw StoreError.revokedAPIKey
        case .expired: throw StoreError.expiredAPIKey
        case .active: return key
        }
    }

    func rateLimit(ofPresentedKey plaintext: String) async throws -> Int? {
        guard APIKeyRules.wellFormed(plaintext) else { return nil }
        return APIKeyRules.match(plaintext, among: try await candidates(of: plaintext))?.rateLimit
    }

    /// One statement for the whole batch: ids and times travel as two arrays.
    func recordUse(_ lastUsed: [Int64: Date]) async throws {
        guard !lastUsed.isEmpty else { return }
        let ids = Array(lastUsed.keys)
        let times = ids.map { PostgresDate.rounded(lastUsed[$0]!) }
        _ = try await database.rows("""
            UPDATE api_keys SET last_used_at = used.at
            FROM unnest(\(ids)::bigint[], \(times)::timestamptz[]) AS used(id, at)
            WHERE api_keys.id = used.id AND (api_keys.last_used_at IS NULL OR api_keys.last_used_at < used.at)
            """)
    }

    // MARK: - Helpers

    private func candidates(of plaintext: String) async throws -> [APIKey] {
        try await database.rows("""
            SELECT \(unescaped: Self.columns) FROM api_keys WHERE key_prefix = \(APIKeySecret.prefix(of: plaintext))
            """).map(Self.key)
    }

    static func insertKey(userId: Int64, name: String, rateLimit: Int, expiresAt: Date?, now: Date,
                          _ c: PostgresConnection, _ database: PostgresStoreDatabase) async throws -> CreatedAPIKey {
        let secret = APIKeySecret.generate()
        let key = try await c.rows("""
            INSERT INTO api_keys (user_id, name, key_hash, key_prefix, status, rate_limit, last_used_at, expires_at, created_at)
            VALUES (\(userId), \(name), \(APIKeySecret.hash(of: secret.plaintext)), \(APIKeySecret.prefix(of: secret.plaintext)),
                    'active', \(rateLimit), NULL, \(expiresAt), \(now))
            RETURNING \(unescaped: columns)
            """, database.logger).map(Self.key)[0]
        return CreatedAPIKey(key: key, plaintext: secret.plaintext)
    }

    /// Marks active keys whose expiry has passed (dates compare as dates here, unlike SQLite text).
    static func expireDueKeys(now: Date, _ c: PostgresConnection, _ database: PostgresStoreDatabase) async throws {
        try await c.query("""
            UPDATE api_keys SET status = 'expired'
            WHERE status = 'active' AND expires_at IS NOT NULL AND expires_at <= \(PostgresDate.rounded(now))
            """, logger: database.logger)
    }

    /// The user's key, locked for the rest of the transaction; another user's key is "not found".
    static func owned(_ keyId: Int64, by userId: Int64, _ c: PostgresConnection,
                      _ database: PostgresStoreDatabase) async throws -> APIKey {
        let found = try await c.rows("""
            SELECT \(unescaped: columns) FROM api_keys WHERE id = \(keyId) AND user_id = \(userId) FOR UPDATE
            """, database.logger).map(Self.key)
        guard let key = found.first else { throw StoreError.notFound("API key \(keyId)") }
        return key
    }

    static func key(_ row: PostgresRandomAccessRow) throws -> APIKey {
        let status: String = try row.value("status")
        guard let parsed = APIKeyStatus(rawValue: status) else {
            throw StoreError.database("api_keys.status holds '\(status)'")
        }
        return APIKey(id: try row.value("id"), userId: try row.value("user_id"), name: try row.value("name"),
                      keyHash: try row.value("key_hash"), keyPrefix: try row.value("key_prefix"), status: parsed,
                      rateLimit: try row.value("rate_limit"), lastUsedAt: try row.value("last_used_at"),
                      expiresAt: try row.value("expires_at"), createdAt: try row.value("created_at"))
    }
}
