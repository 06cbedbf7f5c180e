import Foundation
import Hummingbird

/// Adds routes to the router and writes each one down, so the OpenAPI test can compare the
/// document with what the server really answers. Paths are given in full ("/v1/keys/{id}");
/// `auth: false` puts a route in front of the auth middleware.
struct RouteRegistrar {
    typealias Handler = @Sendable (Request, APIRequestContext) async throws -> Response
    let router: Router<APIRequestContext>
    let authenticated: RouterGroup<APIRequestContext>
    let table: RouteTable
    static let authenticatedPrefix = "/v1"

    func add(_ method: HTTPRequest.Method, _ path: String, auth: Bool = true, _ handler: @escaping Handler) {
        table.append(method: method.rawValue, path: path)
        if auth {
            precondition(path.hasPrefix(Self.authenticatedPrefix + "/"), "authenticated routes live under /v1")
            let relative = String(path.dropFirst(Self.authenticatedPrefix.count))
            authenticated.on(RouterPath(relative), method: method) { request, context in try await handler(request, context) }
        } else {
            router.on(RouterPath(path), method: method) { request, context in try await handler(request, context) }
        }
    }
}

/// The routes a server answers, as "METHOD /path/{param}".
public final class RouteTable: @unchecked Sendable {
    // @unchecked: filled while the router is built (one task), read afterwards.
    private let lock = NSLock()
    private var entries: [String] = []

    func append(method: String, path: String) {
        lock.withLock { entries.append("\(method) \(path)") }
    }

    public var routes: [String] { lock.withLock { entries } }
}
