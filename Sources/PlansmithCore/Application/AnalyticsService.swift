import Foundation
import Store

/// Usage figures read back from the Store's usage log, as Store value types (plain Codable data),
/// named here so callers need not import the Store.
public typealias UsageFigures = UsageSummary
public typealias UsageEntry = UsageRecord
public typealias APIKeyTraffic = KeyTraffic

/// Usage and critique analytics for one user.
public protocol AnalyticsService: Sendable {
    /// Totals, percentiles, per-day counts and the critic table (aggregate queries: fast).
    func report(userId: Int64, range: UsageRange, now: Date) async throws -> AnalyticsReport
    /// The per-(endpoint, model) table and, for 24h, the hourly chart (reads rows: slower).
    func breakdown(userId: Int64, range: UsageRange, now: Date) async throws -> UsageBreakdownResult
    /// Aggregates rows in `[since, until)`; `userId` nil: everyone's.
    func summary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageFigures
    /// The newest rows first.
    func recent(limit: Int, userId: Int64?) async throws -> [UsageEntry]
    /// Requests per API key of the user since `since` (keys with none are absent).
    func keyTraffic(userId: Int64, since: Date) async throws -> [Int64: APIKeyTraffic]
    /// Writes rows (API requests, LLM calls) in one transaction.
    func record(_ entries: [UsageEntry]) async throws
    /// The clock usage rows are stamped with (tests move it).
    func now() -> Date
}

public struct StoreAnalytics: AnalyticsService {
    let store: Store

    public init(store: Store) { self.store = store }

    public func report(userId: Int64, range: UsageRange, now: Date) async throws -> AnalyticsReport {
        try await appErrors { try await AnalyticsReport.load(store: store, userId: userId, range: range, now: now) }
    }

    public func breakdown(userId: Int64, range: UsageRange, now: Date) async throws -> UsageBreakdownResult {
        try await appErrors { try await UsageBreakdownResult.load(store: store, userId: userId, range: range, now: now) }
    }

    public func summary(since: Date?, until: Date?, userId: Int64?) async throws -> UsageFigures {
        try await appErrors { try await store.usage.summary(since: since, until: until, userId: userId) }
    }

    public func recent(limit: Int, userId: Int64?) async throws -> [UsageEntry] {
        try await appErrors { try await store.usage.recent(limit: limit, userId: userId) }
    }

    public func keyTraffic(userId: Int64, since: Date) async throws -> [Int64: APIKeyTraffic] {
        try await appErrors {
            Dictionary(uniqueKeysWithValues: try await store.usage.keyTraffic(userId: userId, since: since).map { ($0.keyId, $0) })
        }
    }

    public func record(_ entries: [UsageEntry]) async throws {
        try await appErrors { try await store.usage.record(contentsOf: entries) }
    }

    public func now() -> Date { store.clock.now() }
}
