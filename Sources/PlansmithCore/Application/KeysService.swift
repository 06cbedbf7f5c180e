import Foundation
import Store

/// An API key as lists show it (never its secret).
public typealias APIKeyInfo = APIKeyListing
public typealias APIKeyState = APIKeyStatus

/// A key just created or rotated: `secret` is shown once and stored nowhere.
public struct NewAPIKey: Sendable {
    public var key: APIKeyInfo
    public var secret: String
}

/// Who a verified API key acts for.
public struct KeyIdentity: Sendable, Equatable {
    public var keyId: Int64
    public var userId: Int64
    /// Requests per minute.
    public var rateLimit: Int
}

/// API keys: create (secret shown once), list, revoke, rotate, and verify a presented secret.
public protocol KeysService: Sendable {
    /// `expiresInDays` nil: never expires.
    func create(name: String, rateLimit: Int?, expiresInDays: Int?, userId: Int64) async throws -> NewAPIKey
    func list(userId: Int64) async throws -> [APIKeyInfo]
    func revoke(_ keyId: Int64, userId: Int64) async throws
    func rotate(_ keyId: Int64, userId: Int64) async throws -> NewAPIKey
    /// Checks a presented secret (constant time) and records its use; unknown, revoked and
    /// expired keys are `unauthorized`.
    func verify(_ secret: String) async throws -> KeyIdentity
}

public struct StoreKeys: KeysService {
    let store: Store
    /// Requests per minute for keys created without an explicit limit.
    public static let defaultRateLimit = APIKeyService.defaultRateLimit
    /// Longest expiry accepted: keys are meant to be rotated, and far-future dates are a mistake.
    public static let longestExpiryDays = 3_650

    public init(store: Store) { self.store = store }

    public func create(name: String, rateLimit: Int?, expiresInDays: Int?, userId: Int64) async throws -> NewAPIKey {
        if let days = expiresInDays, !(1...Self.longestExpiryDays).contains(days) {
            throw AppError(.invalidInput, "expiry must be between 1 and \(Self.longestExpiryDays) days (got \(days))")
        }
        return try await appErrors {
            let expiresAt = expiresInDays.map { store.clock.now().addingTimeInterval(Double($0) * 86_400) }
            let created = try await store.apiKeys.create(userId: userId, name: name,
                                                         rateLimit: rateLimit ?? APIKeyService.defaultRateLimit, expiresAt: expiresAt)
            return NewAPIKey(key: created.key.listing, secret: created.plaintext)
        }
    }

    public func list(userId: Int64) async throws -> [APIKeyInfo] {
        try await appErrors { try await store.apiKeys.list(userId: userId).map(\.listing) }
    }

    public func revoke(_ keyId: Int64, userId: Int64) async throws {
        try await appErrors { try await store.apiKeys.revoke(keyId: keyId, userId: userId) }
    }

    public func rotate(_ keyId: Int64, userId: Int64) async throws -> NewAPIKey {
        try await appErrors {
            let created = try await store.apiKeys.rotate(keyId: keyId, userId: userId)
            return NewAPIKey(key: created.key.listing, secret: created.plaintext)
        }
    }

    public func verify(_ secret: String) async throws -> KeyIdentity {
        try await appErrors {
            let key = try await store.apiKeys.verify(secret)
            guard let id = key.id else { throw AppError(.unauthorized, "invalid API key") }
            return KeyIdentity(keyId: id, userId: key.userId, rateLimit: key.rateLimit)
        }
    }
}
