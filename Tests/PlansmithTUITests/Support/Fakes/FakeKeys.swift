import Foundation
@testable import PlansmithCore
@testable import Store

/// API keys in memory, with fixed fake secrets (`psk_` and 43 characters, like real ones, but made
/// from the key's id so snapshots are stable) and dates from `FakeClock`. Keys past their expiry
/// list as expired, as the real service marks them.
actor FakeKeys: KeysService {
    private struct Key {
        var userId: Int64
        var listing: APIKeyInfo
        var secret: String
    }

    /// Oldest first.
    private var keys: [Key] = []
    private var clock = FakeClock()

    /// The fixed secret of key `id`: recognisable as fake, the real format's length; its prefix
    /// (`psk_0001`) tells keys apart as real prefixes do.
    static func secret(for id: Int64) -> String {
        let digits = String(id), body = String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-fake-secret-"
        return "psk_" + body + String(repeating: "x", count: 43 - body.count)
    }

    func create(name: String, rateLimit: Int?, expiresInDays: Int?, userId: Int64) throws -> NewAPIKey {
        if let days = expiresInDays, !(1...StoreKeys.longestExpiryDays).contains(days) {
            throw AppError(.invalidInput, "expiry must be between 1 and \(StoreKeys.longestExpiryDays) days (got \(days))")
        }
        let expiresAt = expiresInDays.map { FakeClock.epoch.addingTimeInterval(Double($0) * 86_400) }
        return try add(name: name, rateLimit: rateLimit ?? StoreKeys.defaultRateLimit, expiresAt: expiresAt, userId: userId)
    }

    func list(userId: Int64) -> [APIKeyInfo] {
        keys.filter { $0.userId == userId }.map { key in
            var listing = key.listing
            if listing.status == .active, let expiry = listing.expiresAt, expiry <= FakeClock.epoch { listing.status = .expired }
            return listing
        }.reversed()
    }

    /// Revoking twice is harmless, as in the Store.
    func revoke(_ keyId: Int64, userId: Int64) throws {
        let index = try owned(keyId, by: userId)
        if keys[index].listing.status == .active { keys[index].listing.status = .revoked }
    }

    func rotate(_ keyId: Int64, userId: Int64) throws -> NewAPIKey {
        let index = try owned(keyId, by: userId)
        guard let old = list(userId: userId).first(where: { $0.id == keyId }), old.status == .active else {
            let status = list(userId: userId).first { $0.id == keyId }?.status.rawValue ?? "unknown"
            throw AppError(.conflict, "key \(keys[index].listing.prefix)… is \(status); only active keys can be rotated")
        }
        keys[index].listing.status = .revoked
        return try add(name: old.name, rateLimit: old.rateLimit, expiresAt: old.expiresAt, userId: userId)
    }

    func verify(_ secret: String) throws -> KeyIdentity {
        guard let key = keys.first(where: { $0.secret == secret }) else { throw AppError(.unauthorized, "invalid API key") }
        guard let listing = list(userId: key.userId).first(where: { $0.id == key.listing.id }), listing.status == .active else {
            throw AppError(.unauthorized, "API key \(key.listing.prefix)… is not active")
        }
        return KeyIdentity(keyId: listing.id, userId: key.userId, rateLimit: listing.rateLimit)
    }

    func authenticate(_ secret: String) throws -> KeyIdentity { try verify(secret) }

    func rateLimit(ofSecret secret: String) -> Int? {
        keys.first(where: { $0.secret == secret }).map(\.listing.rateLimit)
    }

    func recordUse(_ lastUsed: [Int64: Date]) {}

    // MARK: Arranging

    /// A key as another process would have made it (any expiry, including one already past).
    func add(name: String, rateLimit: Int = StoreKeys.defaultRateLimit, expiresAt: Date? = nil, userId: Int64) throws -> NewAPIKey {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw AppError(.invalidInput, "key name must not be empty") }
        guard rateLimit > 0 else { throw AppError(.invalidInput, "rate limit must be at least 1 request per minute") }
        let id = Int64(keys.count + 1), secret = Self.secret(for: id)
        let listing = APIKeyListing(id: id, name: name, prefix: String(secret.prefix(8)), status: .active, rateLimit: rateLimit,
                                    lastUsedAt: nil, expiresAt: expiresAt, createdAt: clock.tick())
        keys.append(Key(userId: userId, listing: listing, secret: secret))
        return NewAPIKey(key: listing, secret: secret)
    }

    private func owned(_ keyId: Int64, by userId: Int64) throws -> Int {
        guard let index = keys.firstIndex(where: { $0.listing.id == keyId && $0.userId == userId }) else {
            throw AppError(.notFound, "API key \(keyId) not found")
        }
        return index
    }
}
