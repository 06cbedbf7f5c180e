import Foundation

/// One routed call, as a usage row (the Store's `usage_logs` keeps these; extra_data holds the
/// model, tokens and cost). Contains no secrets.
public struct UsageRecord: Sendable, Equatable, Codable {
    public var callID: UUID
    public var session: String
    public var tier: String?
    public var provider: String?
    public var model: String?
    /// Provider URL path, e.g. `/v1/messages`.
    public var endpoint: String?
    public var succeeded: Bool
    /// HTTP status of the last attempt when it got one (200 on success).
    public var statusCode: Int?
    public var latencyMs: Int
    public var attempts: Int
    public var usage: TokenUsage
    public var costUSD: Double?
    public var requestID: String?
    public var error: String?
    public var date: Date
}

/// Receives a usage row for every call. The Store implements it; tests use `InMemoryUsageRecorder`.
public protocol UsageRecorder: Sendable {
    func record(_ record: UsageRecord) async throws
}

public actor InMemoryUsageRecorder: UsageRecorder {
    public private(set) var records: [UsageRecord] = []
    public init() {}
    public func record(_ record: UsageRecord) { records.append(record) }
    public var totalCostUSD: Double { records.compactMap(\.costUSD).reduce(0, +) }
}
