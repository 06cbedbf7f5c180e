import Foundation
import GRDB

/// One API request or one LLM call. For LLM calls `endpoint` is the provider URL path and
/// `extraData` carries `model`, `input_tokens`, `output_tokens` and `cost_usd`.
public struct UsageRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var userId: Int64?
    public var apiKeyId: Int64?
    public var endpoint: String
    public var method: String
    public var statusCode: Int
    public var latencyMs: Double
    public var ip: String?
    /// JSON object.
    public var extraData: String
    public var createdAt: Date

    public init(
        id: Int64? = nil, userId: Int64? = nil, apiKeyId: Int64? = nil, endpoint: String, method: String,
        statusCode: Int, latencyMs: Double, ip: String? = nil, extraData: String = "{}", createdAt: Date
    ) {
        self.id = id; self.userId = userId; self.apiKeyId = apiKeyId; self.endpoint = endpoint
        self.method = method; self.statusCode = statusCode; self.latencyMs = latencyMs; self.ip = ip
        self.extraData = extraData; self.createdAt = createdAt
    }

    /// A usage row for one LLM call, with the model, token counts and cost in `extraData`.
    public static func llmCall(
        userId: Int64?, endpoint: String, statusCode: Int, latencyMs: Double, model: String,
        inputTokens: Int, outputTokens: Int, costUSD: Double, createdAt: Date
    ) -> UsageRecord {
        let extra: [String: Any] = [
            "model": model, "input_tokens": inputTokens, "output_tokens": outputTokens, "cost_usd": costUSD,
        ]
        let json = (try? JSONSerialization.data(withJSONObject: extra, options: [.sortedKeys]))
            .flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        return UsageRecord(userId: userId, endpoint: endpoint, method: "POST", statusCode: statusCode,
                           latencyMs: latencyMs, extraData: json, createdAt: createdAt)
    }
}

extension UsageRecord: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "usage_logs"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let createdAt = Column("created_at")
        public static let endpoint = Column("endpoint")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
