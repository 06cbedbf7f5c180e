import Foundation
@testable import PlansmithCore
@testable import Store

/// Analytics answered from seeded figures: a report and a breakdown per range (an empty one for a
/// range nothing was seeded for), at the fixed time `FakeClock.epoch`. The figures are whatever the
/// test seeds; computing them from usage rows is the Store-backed service's job, tested on `TestApp`.
actor FakeAnalytics: AnalyticsService {
    private var reports: [UsageRange: AnalyticsReport] = [:]
    private var breakdowns: [UsageRange: UsageBreakdownResult] = [:]
    private var entries: [UsageEntry] = []

    static let emptySummary = UsageSummary(requests: 0, errors: 0, p50LatencyMs: 0, p95LatencyMs: 0, totalCostUSD: 0,
                                           perDay: [], perEndpoint: [], perModel: [])

    func report(userId: Int64, range: UsageRange, now: Date) -> AnalyticsReport {
        reports[range] ?? AnalyticsReport(range: range, summary: Self.emptySummary, dailyTimeline: [], firstDay: "", lastDay: "",
                                          critics: [], critiqueRounds: 0, critiqueSessions: 0, roundsWithoutVerdictCounts: 0)
    }

    func breakdown(userId: Int64, range: UsageRange, now: Date) -> UsageBreakdownResult {
        breakdowns[range] ?? UsageBreakdownResult(rows: [], truncated: false, hourly: range == .day ? Array(repeating: 0, count: 24) : nil)
    }

    /// The seeded all-time summary (bounds and user are not applied: seed what the test needs).
    func summary(since: Date?, until: Date?, userId: Int64?) -> UsageFigures {
        reports[.all]?.summary ?? Self.emptySummary
    }

    func recent(limit: Int, userId: Int64?) -> [UsageEntry] {
        Array(entries.reversed().filter { userId == nil || $0.userId == userId }.prefix(limit))
    }

    /// Counted from the recorded entries, like the store does from its rows.
    func keyTraffic(userId: Int64, since: Date) -> [Int64: APIKeyTraffic] {
        var traffic: [Int64: APIKeyTraffic] = [:]
        for entry in entries where entry.userId == userId && entry.createdAt >= since {
            guard let key = entry.apiKeyId else { continue }
            var counted = traffic[key] ?? APIKeyTraffic(keyId: key, requests: 0, errors: 0)
            counted.requests += 1
            if entry.statusCode >= 400 || entry.statusCode == 0 { counted.errors += 1 }
            traffic[key] = counted
        }
        return traffic
    }

    func record(_ entries: [UsageEntry]) { self.entries += entries }

    nonisolated func now() -> Date { FakeClock.epoch }

    // MARK: Arranging

    func seed(_ report: AnalyticsReport, _ breakdown: UsageBreakdownResult) {
        reports[report.range] = report
        breakdowns[report.range] = breakdown
    }
}
