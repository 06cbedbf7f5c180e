import Foundation

/// Usage figures for the Analytics screen and `plansmith usage`.
public struct UsageSummary: Sendable, Equatable, Codable {
    public struct Day: Sendable, Equatable, Codable {
        /// "yyyy-MM-dd" in UTC.
        public var day: String
        public var requests: Int
        public var errors: Int
        public var costUSD: Double
    }
    public struct Endpoint: Sendable, Equatable, Codable {
        public var endpoint: String
        public var requests: Int
        public var errors: Int
        public var averageLatencyMs: Double
        public var p95LatencyMs: Double
    }
    public struct Model: Sendable, Equatable, Codable {
        public var model: String
        public var calls: Int
        public var inputTokens: Int
        public var outputTokens: Int
        public var costUSD: Double
    }

    public var requests: Int
    /// Rows with status ≥ 400 (or 0: no response at all).
    public var errors: Int
    public var errorRate: Double { requests == 0 ? 0 : Double(errors) / Double(requests) }
    /// Nearest-rank percentiles over all rows in range; 0 when there are none.
    public var p50LatencyMs: Double
    public var p95LatencyMs: Double
    public var totalCostUSD: Double
    public var perDay: [Day]
    public var perEndpoint: [Endpoint]
    public var perModel: [Model]
}

/// One API key's requests over a period, for the API Keys screen.
public struct KeyTraffic: Sendable, Equatable, Codable {
    public var keyId: Int64
    public var requests: Int
    /// Requests answered with status ≥ 400 (or 0: no response at all).
    public var errors: Int

    public init(keyId: Int64, requests: Int, errors: Int) {
        self.keyId = keyId; self.requests = requests; self.errors = errors
    }
}

/// One row per API request and per LLM call, plus the aggregate queries over them.
public protocol UsageLog: Sendable {
    func record(_ entry: UsageRecord) async throws
    /// Inserts many rows in one transaction.
    func record(contentsOf entries: [UsageRecord]) async throws
    /// Aggregates rows with `since <= created_at < until` (nil bounds are open), optionally for one user.
    func summary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageSummary
    /// The newest rows first.
    func recent(limit: Int, userId: Int64?) async throws -> [UsageRecord]
    /// Requests made with each of the user's API keys since `since`; keys without traffic are left out.
    func keyTraffic(userId: Int64, since: Date) async throws -> [KeyTraffic]
}
