import Foundation
import Hummingbird
import PlansmithCore

/// The caller's own usage: aggregates (requests, errors, latency percentiles, cost; per day,
/// endpoint and model) and the newest rows.
struct UsageRoutes {
    let analytics: any AnalyticsService
    /// Rows still in the writer's batch are flushed first, so a client sees its own requests.
    let writer: UsageLogWriter?

    struct Recent: Codable, Sendable {
        var rows: [Row]
        struct Row: Codable, Sendable {
            var endpoint: String
            var method: String
            var statusCode: Int
            var latencyMs: Double
            var apiKeyId: Int64?
            var ip: String?
            var createdAt: Date
        }
    }

    func add(to routes: RouteRegistrar) {
        routes.add(.get, "/v1/usage") { request, context in
            let caller = try context.authenticated()
            let since = try Self.date(request.uri.queryParameters.get("since"), name: "since")
            let until = try Self.date(request.uri.queryParameters.get("until"), name: "until")
            await writer?.flush()
            let summary = try await analytics.summary(since: since, until: until, userId: caller.userId)
            return try JSONCoding.response(summary)
        }
        routes.add(.get, "/v1/usage/recent") { request, context in
            let caller = try context.authenticated()
            let limitText = request.uri.queryParameters.get("limit") ?? "50"
            guard let limit = Int(limitText), (1...1000).contains(limit) else {
                throw APIError.invalidInput("limit must be a whole number from 1 to 1000")
            }
            await writer?.flush()
            let rows = try await analytics.recent(limit: limit, userId: caller.userId).map {
                Recent.Row(endpoint: $0.endpoint, method: $0.method, statusCode: $0.statusCode, latencyMs: $0.latencyMs,
                           apiKeyId: $0.apiKeyId, ip: $0.ip, createdAt: $0.createdAt)
            }
            return try JSONCoding.response(Recent(rows: rows))
        }
    }

    static func date(_ text: String?, name: String) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let day = try? Date(text + "T00:00:00Z", strategy: .iso8601) { return day }
        throw APIError.invalidInput("\(name) must be an ISO 8601 date or time, e.g. 2026-12-01 or 2026-12-01T09:00:00Z")
    }
}
