import Foundation
import HTTPTypes
import Hummingbird
import Store

/// The second link: a true 60-second sliding window per credential — per API key (at the key's
/// own limit), per login session, and per client address for requests without credentials.
/// Every response carries `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds until one
/// more request is allowed; 0 while requests remain); a refused request gets 429 with
/// `Retry-After`. Refusals are logged to the usage log here, since they never reach it.
/// Health and the OpenAPI document are exempt: monitors and tooling poll them.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let limiter: any RequestLimiter
    let keyLimits: KeyLimitCache
    let sessionLimit: Int
    let anonymousLimit: Int
    let usage: UsageLogWriter?
    let clock: any StoreClock

    static let exemptPaths: Set<String> = ["/v1/health", "/v1/openapi.json"]

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !Self.exemptPaths.contains(request.uri.path) else { return try await next(request, context) }
        let started = ContinuousClock.now
        let (subject, limit) = try await subjectAndLimit(request, context)
        let decision = await limiter.acquire(subject, limit: limit)
        let headers = Self.headers(for: decision)
        guard decision.allowed else {
            var refused = APIError(.tooManyRequests, "rate_limited",
                                   "rate limit of \(decision.limit) requests per minute reached; retry in \(decision.resetSeconds) s")
            refused.headers = headers
            refused.headers[.retryAfter] = String(decision.resetSeconds)
            usage?.record(request: request, context: context, status: 429, since: started, at: clock.now())
            return refused.response(requestId: context.requestId)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = APIError.from(error).response(requestId: context.requestId)
        }
        for field in headers { response.headers[field.name] = field.value }
        return response
    }

    private func subjectAndLimit(_ request: Request, _ context: Context) async throws -> (String, Int) {
        switch BearerToken(request) {
        case .apiKey(let key):
            let digest = BearerToken.digest(key)
            let limit = try await keyLimits.limit(forKey: key, digest: digest)
            // An unknown key is limited like an anonymous caller (authentication refuses it next).
            return ("key:" + digest, limit ?? anonymousLimit)
        case .session(let token):
            return ("session:" + BearerToken.digest(token), sessionLimit)
        case .malformed, nil:
            return ("ip:" + (context.clientAddress ?? "unknown"), anonymousLimit)
        }
    }

    static func headers(for decision: RateLimitDecision) -> HTTPFields {
        [
            .rateLimitLimit: String(decision.limit),
            .rateLimitRemaining: String(decision.remaining),
            .rateLimitReset: String(decision.resetSeconds),
        ]
    }
}
