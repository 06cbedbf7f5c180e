import LLM
import Store

/// Writes every routed LLM call as a row of the Store's usage log (endpoint = provider URL path;
/// model, tokens and cost in extra_data), as the architecture asks.
public struct StoreUsageRecorder: UsageRecorder {
    public let usage: any UsageLog
    public let userId: Int64?

    public init(usage: any UsageLog, userId: Int64?) { self.usage = usage; self.userId = userId }
    public init(store: Store, userId: Int64?) { self.init(usage: store.usage, userId: userId) }

    public func record(_ record: LLM.UsageRecord) async throws {
        let row = StoreUsageRow.llmCall(
            userId: userId, endpoint: record.endpoint ?? "/\(record.provider ?? "llm")",
            statusCode: record.statusCode ?? (record.succeeded ? 200 : 0), latencyMs: Double(record.latencyMs),
            model: record.model ?? "unknown", inputTokens: record.usage.inputTokens, outputTokens: record.usage.outputTokens,
            costUSD: record.costUSD ?? 0, createdAt: record.date)
        try await usage.record(row)
    }
}
