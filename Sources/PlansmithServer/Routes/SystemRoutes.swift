import Foundation
import Hummingbird

/// `GET /v1/health` and `GET /v1/openapi.json`: no credentials, no rate limit.
struct SystemRoutes {
    let version: String
    let startedAt = ContinuousClock.now

    struct Health: Codable, Sendable {
        var status: String
        var version: String
        var uptimeS: Double
    }

    func add(to routes: RouteRegistrar) {
        routes.add(.get, "/v1/health", auth: false) { _, _ in
            let uptime = ContinuousClock.now - startedAt
            return try JSONCoding.response(Health(status: "ok", version: version,
                                                  uptimeS: Double(uptime.components.seconds)))
        }
        routes.add(.get, "/v1/openapi.json", auth: false) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
        }
    }
}
