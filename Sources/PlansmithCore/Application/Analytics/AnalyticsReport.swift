import Foundation
import Store

/// The Analytics figures that come from aggregate queries (fast): totals, percentiles, per-day
/// counts and the critic table. The per-call table comes separately (`UsageBreakdownResult`), so the
/// totals show at once even when the log is large.
public struct AnalyticsReport: Sendable, Equatable {
    public var range: UsageRange
    /// Totals, overall percentiles and per-day counts, from the Store's own aggregate queries.
    public var summary: UsageSummary
    /// Calls per day, oldest first, gaps filled with 0 (empty for 24h: that chart is per hour and
    /// comes with the breakdown).
    public var dailyTimeline: [Int]
    public var firstDay: String
    public var lastDay: String
    public var inputTokens: Int { summary.perModel.reduce(0) { $0 + $1.inputTokens } }
    public var outputTokens: Int { summary.perModel.reduce(0) { $0 + $1.outputTokens } }
    public var critics: [CriticOverruleRow]
    public var critiqueRounds: Int
    public var critiqueSessions: Int
    public var roundsWithoutVerdictCounts: Int

    static func load(store: Store, userId: Int64, range: UsageRange, now: Date) async throws -> AnalyticsReport {
        let since = range.since(now: now)
        let summary = try await store.usage.summary(since: since, until: nil, userId: userId)
        let critics = try await CriticOverrules.load(store: store, userId: userId, since: since)
        let days = range == .day ? [] : filledDays(summary.perDay, from: since, to: now)
        return AnalyticsReport(
            range: range, summary: summary, dailyTimeline: days.map(\.requests),
            firstDay: days.first?.day ?? "", lastDay: days.last?.day ?? "",
            critics: critics.rows, critiqueRounds: critics.rounds, critiqueSessions: critics.sessions,
            roundsWithoutVerdictCounts: critics.roundsWithoutVerdictCounts)
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
