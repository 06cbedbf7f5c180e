import Foundation
import Store

/// The per-(endpoint, model) table and, for 24h, the hourly chart: read from the usage rows
/// themselves (see `UsageBreakdown` for why), in a task of its own.
public struct UsageBreakdownResult: Sendable, Equatable {
    public var rows: [UsageBreakdownRow]
    /// True when the range held more rows than `rowLimit`: the table then covers the newest ones only.
    public var truncated: Bool
    /// Calls per hour over the last 24 hours, oldest first (24h range only).
    public var hourly: [Int]?

    /// The table reads at most this many rows (newest first), to keep the load bounded.
    public static let rowLimit = 20_000
    /// The first read; most ranges end within it, so a large log is not decoded for a short range.
    static let firstPage = 2_000

    static func load(store: Store, userId: Int64, range: UsageRange, now: Date) async throws -> UsageBreakdownResult {
        let since = range.since(now: now)
        func inRange(_ r: UsageRecord) -> Bool { since == nil || r.createdAt >= since! }
        // `recent` is newest first (by id, which follows time): if the oldest row of a page is already
        // outside the range, or the page is not full, the page holds every row of the range.
        var page = try await store.usage.recent(limit: firstPage, userId: userId)
        if page.count == firstPage, let oldest = page.last, inRange(oldest) {
            page = try await store.usage.recent(limit: rowLimit, userId: userId)
        }
        let records = page.filter(inRange)
        let truncated = page.count == rowLimit && page.last.map(inRange) == true
        return UsageBreakdownResult(rows: UsageBreakdown.rows(records), truncated: truncated,
                                    hourly: range == .day ? UsageBreakdown.hourly(records, now: now) : nil)
    }
}
