import Foundation
import Store

/// The two forms of `plansmith usage` output.
enum UsageReport {
    static func json(_ s: UsageSummary, since: Date?) -> [String: Any] {
        [
            "since": StoreFormatting.json(since),
            "requests": s.requests, "errors": s.errors, "error_rate": s.errorRate,
            "p50_latency_ms": s.p50LatencyMs, "p95_latency_ms": s.p95LatencyMs,
            "input_tokens": s.perModel.reduce(0) { $0 + $1.inputTokens },
            "output_tokens": s.perModel.reduce(0) { $0 + $1.outputTokens },
            "cost_usd": s.totalCostUSD,
            "per_day": s.perDay.map { ["day": $0.day, "requests": $0.requests, "errors": $0.errors, "cost_usd": $0.costUSD] },
            "per_endpoint": s.perEndpoint.map {
                ["endpoint": $0.endpoint, "requests": $0.requests, "errors": $0.errors,
                 "average_latency_ms": $0.averageLatencyMs, "p95_latency_ms": $0.p95LatencyMs]
            },
            "per_model": s.perModel.map {
                ["model": $0.model, "calls": $0.calls, "input_tokens": $0.inputTokens,
                 "output_tokens": $0.outputTokens, "cost_usd": $0.costUSD]
            },
        ]
    }

    static func text(_ s: UsageSummary, since: Date?) -> String {
        let period = since.map { "since \(StoreFormatting.text($0))" } ?? "all time"
        guard s.requests > 0 else { return "no usage recorded (\(period))\n" }
        let input = s.perModel.reduce(0) { $0 + $1.inputTokens }, output = s.perModel.reduce(0) { $0 + $1.outputTokens }
        var text = """
            usage, \(period) (UTC)
              requests  \(s.requests) (\(s.errors) \(s.errors == 1 ? "error" : "errors"), \(percent(s.errorRate)) error rate)
              latency   p50 \(ms(s.p50LatencyMs)), p95 \(ms(s.p95LatencyMs))
              tokens    \(input) in, \(output) out
              cost      \(usd(s.totalCostUSD))


            """
        text += StoreFormatting.table(["endpoint", "requests", "errors", "avg latency", "p95 latency"], s.perEndpoint.map {
            [$0.endpoint, String($0.requests), String($0.errors), ms($0.averageLatencyMs), ms($0.p95LatencyMs)]
        })
        if !s.perModel.isEmpty {
            text += "\n" + StoreFormatting.table(["model", "calls", "input tokens", "output tokens", "cost"], s.perModel.map {
                [$0.model, String($0.calls), String($0.inputTokens), String($0.outputTokens), usd($0.costUSD)]
            })
        }
        text += "\n" + StoreFormatting.table(["day", "requests", "errors", "cost"], s.perDay.map {
            [$0.day, String($0.requests), String($0.errors), usd($0.costUSD)]
        })
        return text
    }

    private static func ms(_ value: Double) -> String { String(format: "%.0f ms", value) }
    private static func usd(_ value: Double) -> String { String(format: "$%.4f", value) }
    private static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
