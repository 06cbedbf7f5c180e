import Foundation
import Store

/// One row of the Analytics table: every call to one endpoint with one model.
public struct UsageBreakdownRow: Sendable, Equatable {
    public var endpoint: String
    /// "—" for rows without a model (plain API requests).
    public var model: String
    public var calls: Int
    public var errors: Int
    public var inputTokens: Int
    public var outputTokens: Int
    public var costUSD: Double
    public var p50LatencyMs: Double
    public var p95LatencyMs: Double

    public var errorRate: Double { calls == 0 ? 0 : Double(errors) / Double(calls) }
}

/// Groups usage rows by endpoint and model.
///
/// Why not `UsageSummary`: the Store's summary has p95 per endpoint and tokens per model, but not
/// p50, tokens and error rate per (endpoint, model). So the table is computed here from the rows
/// themselves (`UsageLog.recent`), with the same nearest-rank percentile and the same error rule
/// (status ≥ 400, or 0 for "no response") as the Store, so its totals agree with the summary.
enum UsageBreakdown {
    static let noModel = "—"

    static func rows(_ records: [UsageRecord]) -> [UsageBreakdownRow] {
        // Each row's JSON is parsed once; groups keep first-seen order until the final sort.
        var groups: [String: (endpoint: String, model: String, records: [(UsageRecord, Extra)])] = [:]
        var order: [String] = []
        for record in records {
            let extra = Extra(record.extraData)
            let model = extra.model ?? noModel
            let key = record.endpoint + "\u{0}" + model
            if groups[key] == nil { order.append(key); groups[key] = (record.endpoint, model, []) }
            groups[key]!.records.append((record, extra))
        }
        return order.map { key in
            let group = groups[key]!
            let latencies = group.records.map(\.0.latencyMs).sorted()
            return UsageBreakdownRow(
                endpoint: group.endpoint, model: group.model, calls: group.records.count,
                errors: group.records.filter { isError($0.0) }.count,
                inputTokens: group.records.reduce(0) { $0 + $1.1.inputTokens },
                outputTokens: group.records.reduce(0) { $0 + $1.1.outputTokens },
                costUSD: group.records.reduce(0) { $0 + $1.1.costUSD },
                p50LatencyMs: percentile(50, ofSorted: latencies), p95LatencyMs: percentile(95, ofSorted: latencies))
        }.sorted { ($0.calls, $1.endpoint, $1.model) > ($1.calls, $0.endpoint, $0.model) }
    }

    static func isError(_ record: UsageRecord) -> Bool { record.statusCode >= 400 || record.statusCode == 0 }

    /// Nearest rank: the value at rank ⌈p·n/100⌉ (1-based) of the sorted values; 0 for none.
    static func percentile(_ percent: Int, ofSorted values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let rank = max(1, (percent * values.count + 99) / 100)
        return values[min(values.count, rank) - 1]
    }

    /// Hourly call counts for the last 24 hours, oldest first (24 buckets ending at `now`).
    static func hourly(_ records: [UsageRecord], now: Date) -> [Int] {
        var buckets = Array(repeating: 0, count: 24)
        for record in records {
            let hoursAgo = Int(now.timeIntervalSince(record.createdAt) / 3_600)
            if (0..<24).contains(hoursAgo) { buckets[23 - hoursAgo] += 1 }
        }
        return buckets
    }

    /// The model, tokens and cost an LLM call row carries in `extra_data`.
    struct Extra {
        var model: String?
        var inputTokens = 0
        var outputTokens = 0
        var costUSD = 0.0

        init(_ json: String) {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else { return }
            model = object["model"] as? String
            inputTokens = (object["input_tokens"] as? NSNumber)?.intValue ?? 0
            outputTokens = (object["output_tokens"] as? NSNumber)?.intValue ?? 0
            costUSD = (object["cost_usd"] as? NSNumber)?.doubleValue ?? 0
        }
    }
}
