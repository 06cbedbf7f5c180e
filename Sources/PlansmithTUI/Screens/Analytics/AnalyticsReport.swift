import Foundation
import Store

/// Everything the Analytics screen shows for one range, computed in the load task (never in `view`).
public struct AnalyticsReport: Sendable, Equatable {
    public var range: UsageRange
    /// Totals, overall percentiles and per-day counts, from the Store's own aggregate queries.
    public var summary: UsageSummary
    public var rows: [UsageBreakdownRow]
    /// True when the range held more rows than `rowLimit`: the table then covers the newest ones only.
    public var rowsTruncated: Bool
    /// Calls per bucket, oldest first: per hour for 24h, per day (gaps filled with 0) otherwise.
    public var timeline: [Int]
    public var timelineUnit: String
    public var timelineStart: String
    public var timelineEnd: String
    public var inputTokens: Int { summary.perModel.reduce(0) { $0 + $1.inputTokens } }
    public var outputTokens: Int { summary.perModel.reduce(0) { $0 + $1.outputTokens } }
    public var critics: [CriticOverruleRow]
    public var critiqueRounds: Int
    public var critiqueSessions: Int
    public var roundsWithoutVerdictCounts: Int

    /// The table reads at most this many rows (newest first), to keep the load bounded.
    static let rowLimit = 50_000

    static func load(store: Store, userId: Int64, range: UsageRange, now: Date) async throws -> AnalyticsReport {
        let since = range.since(now: now)
        let summary = try await store.usage.summary(since: since, until: nil, userId: userId)
        // `recent` is newest first, so filtering by date keeps a prefix; a full page means there may be more.
        let page = try await store.usage.recent(limit: rowLimit, userId: userId)
        let records = page.filter { since == nil || $0.createdAt >= since! }
        let truncated = page.count == rowLimit && records.count == page.count
        let critics = try await CriticOverrules.load(store: store, userId: userId, since: since)
        var report = AnalyticsReport(
            range: range, summary: summary, rows: UsageBreakdown.rows(records), rowsTruncated: truncated,
            timeline: [], timelineUnit: "day", timelineStart: "", timelineEnd: "",
            critics: critics.rows, critiqueRounds: critics.rounds, critiqueSessions: critics.sessions,
            roundsWithoutVerdictCounts: critics.roundsWithoutVerdictCounts)
        if range == .day {
            report.timeline = UsageBreakdown.hourly(records, now: now)
            report.timelineUnit = "hour"
            report.timelineStart = "-24h"
            report.timelineEnd = "now"
        } else {
            let days = filledDays(summary.perDay, from: since, to: now)
            report.timeline = days.map(\.requests)
            report.timelineStart = days.first?.day ?? ""
            report.timelineEnd = days.last?.day ?? ""
        }
        return report
    }

    /// Per-day counts from `start` (or the first recorded day) to `end`, with empty days as 0.
    static func filledDays(_ days: [UsageSummary.Day], from start: Date?, to end: Date) -> [(day: String, requests: Int)] {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let counts = Dictionary(days.map { ($0.day, $0.requests) }, uniquingKeysWith: +)
        guard let first = start ?? days.first.flatMap({ formatter.date(from: $0.day) }) else { return [] }
        var result: [(day: String, requests: Int)] = []
        var cursor = formatter.date(from: formatter.string(from: first)) ?? first
        let lastDay = max(formatter.string(from: end), days.last?.day ?? "")
        // Bounded: at most a few years of days even for "all".
        while result.count < 3_660 {
            let day = formatter.string(from: cursor)
            if day > lastDay { break }
            result.append((day, counts[day] ?? 0))
            cursor += 86_400
        }
        return result
    }
}
