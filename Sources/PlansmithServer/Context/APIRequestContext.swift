import Foundation
import Hummingbird
import HummingbirdWebSocket
import NIOCore
import Store

/// Who a request turned out to be, filled in by the auth middleware and read by the usage log,
/// which sits outside it in the chain. Contexts are values copied into each middleware, so the
/// answer has to travel in a shared box.
///
/// `@unchecked Sendable`: written and read only under `lock` (a request's middlewares run one
/// after another, but the box is reachable from the WebSocket task too).
public final class RequestIdentity: @unchecked Sendable {
    private let lock = NSLock()
    private var _userId: Int64?
    private var _apiKeyId: Int64?

    public var userId: Int64? { lock.withLock { _userId } }
    public var apiKeyId: Int64? { lock.withLock { _apiKeyId } }

    func set(userId: Int64, apiKeyId: Int64?) {
        lock.withLock {
            _userId = userId
            _apiKeyId = apiKeyId
        }
    }
}

/// The per-request context: request id, client address, the authenticated caller, and the body
/// limit that Hummingbird's decoding honours (413 beyond it).
public struct APIRequestContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<Self>
    /// Set by `RequestIdMiddleware`.
    public var requestId: String = ""
    /// The peer's IP address, for the usage log and the anonymous rate limit.
    public let clientAddress: String?
    public let identity = RequestIdentity()
    /// Set by `AuthMiddleware` for routes behind it.
    public var caller: Caller?
    /// Set from the server configuration by `RequestIdMiddleware`, the first link.
    public var maxUploadSize: Int = ServerConfiguration.defaultBodyLimit

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The authenticated caller; only routes behind `AuthMiddleware` call this.
    func authenticated() throws -> Caller {
        guard let caller else { throw APIError.unauthorized("authentication required") }
        return caller
    }
}

/// The authenticated user and how they proved it.
public struct Caller: Sendable {
    public var userId: Int64
    /// The key used; nil for a login session.
    public var apiKeyId: Int64?
}
