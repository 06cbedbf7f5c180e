import Foundation
import Hummingbird
import PlansmithCore

/// API keys of the caller: create, list, revoke, rotate. The key itself appears only in the
/// create and rotate answers; lists show its prefix. Another user's key id answers 404.
struct KeyRoutes {
    let keys: any KeysService
    let keyLimits: KeyLimitCache

    struct CreateKey: Codable, Sendable {
        var name: String?
        var rateLimit: Int?
        var expiresInDays: Int?
    }

    struct CreatedKey: Codable, Sendable {
        var id: Int64
        var key: String
        var prefix: String
        var name: String
        var rateLimit: Int
        var expiresAt: Date?
        var createdAt: Date
    }

    struct KeyList: Codable, Sendable {
        var keys: [APIKeyInfo]
    }

    func add(to routes: RouteRegistrar) {
        routes.add(.get, "/v1/keys") { _, context in
            let caller = try context.authenticated()
            return try JSONCoding.response(KeyList(keys: try await keys.list(userId: caller.userId)))
        }
        routes.add(.post, "/v1/keys") { request, context in
            let caller = try context.authenticated()
            let body = try await request.decodeJSON(CreateKey.self, context: context)
            let created = try await keys.create(name: body.name ?? "default", rateLimit: body.rateLimit,
                                                expiresInDays: body.expiresInDays, userId: caller.userId)
            return try JSONCoding.response(CreatedKey(created), status: .created)
        }
        routes.add(.post, "/v1/keys/{id}/revoke") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "API key")
            try await keys.revoke(id, userId: caller.userId)
            guard let key = try await keys.list(userId: caller.userId).first(where: { $0.id == id }) else {
                throw APIError.notFound("API key \(id) not found")
            }
            return try JSONCoding.response(key)
        }
        routes.add(.post, "/v1/keys/{id}/rotate") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "API key")
            let created = try await keys.rotate(id, userId: caller.userId)
            return try JSONCoding.response(CreatedKey(created), status: .created)
        }
    }
}

extension KeyRoutes.CreatedKey {
    init(_ created: NewAPIKey) {
        self.init(id: created.key.id, key: created.secret, prefix: created.key.prefix, name: created.key.name,
                  rateLimit: created.key.rateLimit, expiresAt: created.key.expiresAt, createdAt: created.key.createdAt)
    }
}
