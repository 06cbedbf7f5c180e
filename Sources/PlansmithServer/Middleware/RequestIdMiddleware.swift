import HTTPTypes
import Hummingbird
import Logging

/// The first link: gives the request an id (the client's `X-Request-Id` when it is a sane
/// token, else a fresh one), echoes it on the response, sets the body limit, and turns every
/// error that reaches it into the JSON error envelope — so no failure anywhere in the chain
/// leaves without `{"error": {"code", "message"}}` and the request id.
struct RequestIdMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let bodyLimit: Int

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = Self.requestId(from: request)
        context.requestId = id
        context.maxUploadSize = bodyLimit
        context.logger[metadataKey: "request_id"] = .string(id)
        do {
            var response = try await next(request, context)
            response.headers[.requestId] = id
            return response
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": .string(String(describing: error))])
            }
            return apiError.response(requestId: id)
        }
    }

    /// Accepts up to 64 characters of [A-Za-z0-9._-] from the client (so ids can be correlated
    /// across services); anything else is replaced rather than echoed into logs and headers.
    static func requestId(from request: Request) -> String {
        if let given = request.headers[.requestId], !given.isEmpty, given.utf8.count <= 64,
           given.utf8.allSatisfy({ isTokenByte($0) }) {
            return given
        }
        var generator = SystemRandomNumberGenerator()
        let bits = generator.next() as UInt64
        let hex = String(bits, radix: 16)
        return "req_" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
