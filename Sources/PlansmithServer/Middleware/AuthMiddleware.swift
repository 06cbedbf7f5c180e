import Foundation
import Hummingbird
import PlansmithCore
import Store

/// The fourth link, on every route but health, the OpenAPI document, register and login:
/// `Authorization: Bearer psk_…` (an API key, checked by hash in constant time, refused when
/// revoked or expired) or `Bearer pss_…` (a login session). Anything else is 401 with the same
/// envelope. A key's use is noted for `last_used_at`, written with the next usage batch.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let keys: any KeysService
    let sessions: LoginSessions
    let usage: UsageLogWriter?
    let clock: any StoreClock

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let caller: Caller
        switch BearerToken(request) {
        case nil:
            throw APIError.unauthorized("missing credentials: send 'Authorization: Bearer psk_…' (an API key) or a login session token")
        case .malformed:
            throw APIError.unauthorized("the Authorization header must be 'Bearer psk_…' or 'Bearer pss_…'")
        case .apiKey(let plaintext):
            let key = try await keys.authenticate(plaintext)
            caller = Caller(userId: key.userId, apiKeyId: key.keyId)
            usage?.noteKeyUse(key.keyId, at: clock.now())
        case .session(let token):
            guard let userId = try await sessions.user(for: token) else {
                throw APIError.unauthorized("session token is unknown or has expired; log in again")
            }
            caller = Caller(userId: userId, apiKeyId: nil)
        }
        context.caller = caller
        context.identity.set(userId: caller.userId, apiKeyId: caller.apiKeyId)
        return try await next(request, context)
    }
}
