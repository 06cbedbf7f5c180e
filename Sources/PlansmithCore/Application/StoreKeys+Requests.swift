import Foundation
import Store

extension StoreKeys {
    public func authenticate(_ secret: String) async throws -> KeyIdentity {
        try await appErrors {
            let key = try await store.apiKeys.authenticate(secret)
            guard let id = key.id else { throw AppError(.unauthorized, "invalid API key") }
            return KeyIdentity(keyId: id, userId: key.userId, rateLimit: key.rateLimit)
        }
    }

    public func rateLimit(ofSecret secret: String) async throws -> Int? {
        try await appErrors { try await store.apiKeys.rateLimit(ofPresentedKey: secret) }
    }

    public func recordUse(_ lastUsed: [Int64: Date]) async throws {
        try await appErrors { try await store.apiKeys.recordUse(lastUsed) }
    }
}
