import Foundation
import GRDB

/// Lifecycle of a critique run: pending → running → completed | failed | cancelled, or
/// interrupted when the process died while it was running.
public enum PlanningStatus: String, Codable, Sendable, CaseIterable {
    case pending, running, completed, failed, cancelled, interrupted

    /// A finished session gets `finished_at` and is never running again.
    public var isFinished: Bool { self != .pending && self != .running }
}

/// One run of the critique loop on a domain. JSON columns hold the other modules' own encodings.
public struct PlanningSession: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var domainId: Int64?
    public var userId: Int64
    public var status: PlanningStatus
    public var currentIteration: Int
    public var maxIterations: Int
    /// JSON (e.g. an array of action strings); nil until the session completes.
    public var finalPlan: String?
    /// JSON object with the critique configuration used.
    public var config: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var failureReason: String?
}

extension PlanningSession: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "planning_sessions"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let id = Column("id")
        public static let userId = Column("user_id")
        public static let domainId = Column("domain_id")
        public static let status = Column("status")
        public static let startedAt = Column("started_at")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One finished critique round of a planning session.
public struct Iteration: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var sessionId: Int64
    public var iterationNum: Int
    /// JSON: the plan this round produced.
    public var planVersion: String
    /// JSON: feedback items and votes.
    public var critiques: String
    public var aggregatedScore: Double?
    /// JSON: the validator's verdict.
    public var validation: String?
    public var createdAt: Date
}

extension Iteration: FetchableRecord, MutablePersistableRecord, StoreDatedRecord {
    public static let databaseTableName = "iterations"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum Columns {
        public static let sessionId = Column("session_id")
        public static let iterationNum = Column("iteration_num")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
