import Foundation

/// API keys: create, list, revoke, rotate, verify, and the server's request-path checks.
/// `APIKeyService` is the SQLite implementation, `PostgresAPIKeyRepository` the PostgreSQL one.
/// Only the SHA-256 of a key and its first 8 characters are stored.
public protocol APIKeyRepository: Sendable {
    /// Creates a key for `userId`. `expiresAt` nil means it never expires; otherwise it must be
    /// in the future and at most `APIKeyService.maximumLifetimeDays` away.
    func create(userId: Int64, name: String, rateLimit: Int, expiresAt: Date?) async throws -> CreatedAPIKey
    /// The user's keys, newest first; keys past their expiry are marked expired first.
    func list(userId: Int64) async throws -> [APIKey]
    /// Revokes one of the user's keys. Revoking twice is harmless.
    func revoke(keyId: Int64, userId: Int64) async throws
    /// A replacement with the same name, limit and expiry; the old key is revoked atomically.
    func rotate(keyId: Int64, userId: Int64) async throws -> CreatedAPIKey
    /// Checks a presented key and records its use (`invalidAPIKey`, `revokedAPIKey`, `expiredAPIKey`).
    func verify(_ plaintext: String) async throws -> APIKey
    /// Checks a presented key without recording its use (the server batches that: `recordUse`).
    func authenticate(_ plaintext: String) async throws -> APIKey
    /// The per-minute limit of the key `plaintext` names, or nil when no key has that hash.
    func rateLimit(ofPresentedKey plaintext: String) async throws -> Int?
    /// Sets `last_used_at` for many keys at once; a time never moves backwards.
    func recordUse(_ lastUsed: [Int64: Date]) async throws
}

extension APIKeyRepository {
    public func create(userId: Int64, name: String) async throws -> CreatedAPIKey {
        try await create(userId: userId, name: name, rateLimit: APIKeyService.defaultRateLimit, expiresAt: nil)
    }

    public func create(userId: Int64, name: String, rateLimit: Int) async throws -> CreatedAPIKey {
        try await create(userId: userId, name: name, rateLimit: rateLimit, expiresAt: nil)
    }

    public func create(userId: Int64, name: String, expiresAt: Date?) async throws -> CreatedAPIKey {
        try await create(userId: userId, name: name, rateLimit: APIKeyService.defaultRateLimit, expiresAt: expiresAt)
    }
}

extension APIKeyService: APIKeyRepository {}

/// The rules both backends share.
enum APIKeyRules {
    /// The shape every key has (`psk_` + 43 base64url characters); anything else is not looked up.
    static func wellFormed(_ plaintext: String) -> Bool {
        plaintext.hasPrefix("psk_") && plaintext.count == 47
    }

    static func validatedExpiry(_ expiresAt: Date?, now: Date) throws {
        guard let expiresAt else { return }
        let days = expiresAt.timeIntervalSince(now) / 86_400
        guard days > 0, days <= Double(APIKeyService.maximumLifetimeDays) + 1 else {
            throw StoreError.invalidInput("a key's expiry must be in the next \(APIKeyService.maximumLifetimeDays) days (or never)")
        }
    }

    static func notRotatable(_ key: APIKey) -> StoreError {
        .conflict("key \(key.keyPrefix)… is \(key.status.rawValue); only active keys can be rotated")
    }

    /// The candidate whose stored hash equals the presented one. Every candidate is compared in
    /// constant time, so timing reveals nothing about how much of a key was right.
    static func match(_ plaintext: String, among candidates: [APIKey]) -> APIKey? {
        let presented = Array(APIKeySecret.hash(of: plaintext).utf8)
        var match: APIKey?
        for candidate in candidates where ConstantTime.equal(Array(candidate.keyHash.utf8), presented) {
            match = candidate
        }
        return match
    }
}
