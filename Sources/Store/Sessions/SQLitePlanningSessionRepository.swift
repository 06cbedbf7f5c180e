import Foundation
import GRDB

/// `PlanningSessionRepository` on the SQLite file. Sessions are private to their user.
struct SQLitePlanningSessionRepository: PlanningSessionRepository {
    let database: StoreDatabase
    let clock: any StoreClock
    /// Recorded with each new session (see `SessionOwner`).
    var owner: SessionOwner = .current

    func create(userId: Int64, domainId: Int64?, maxIterations: Int, config: String) async throws -> PlanningSession {
        guard maxIterations >= 1 else { throw StoreError.invalidInput("max iterations must be at least 1") }
        let now = clock.now()
        return try await database.write { db in
            if let domainId { _ = try SQLiteDomainRepository.critiquable(domainId, by: userId, db) }
            var session = PlanningSession(id: nil, domainId: domainId, userId: userId, status: .pending,
                                          currentIteration: 0, maxIterations: maxIterations, finalPlan: nil,
                                          config: config, startedAt: now, finishedAt: nil, failureReason: nil)
            try session.insert(db)
            try db.execute(sql: "UPDATE planning_sessions SET owner_pid = ?, owner_host = ?, owner_started = ? WHERE id = ?",
                           arguments: [owner.pid, owner.host, owner.startTime, session.id!])
            return session
        }
    }

    func update(_ sessionId: Int64, userId: Int64, to status: PlanningStatus, finalPlan: String?,
                failureReason: String?) async throws -> PlanningSession {
        let now = clock.now()
        return try await database.write { db in
            var session = try Self.owned(sessionId, by: userId, db)
            guard !session.status.isFinished else {
                throw StoreError.conflict("session \(sessionId) is already \(session.status.rawValue)")
            }
            guard status != .pending || session.status == .pending else {
                throw StoreError.conflict("a running session cannot go back to pending")
            }
            session.status = status
            if let finalPlan { session.finalPlan = finalPlan }
            if let failureReason { session.failureReason = failureReason }
            if status.isFinished { session.finishedAt = now }
            try session.update(db)
            return session
        }
    }

    func appendIteration(_ draft: IterationDraft, to sessionId: Int64, userId: Int64) async throws -> Iteration {
        let now = clock.now()
        return try await database.write { db in
            var session = try Self.owned(sessionId, by: userId, db)
            guard !session.status.isFinished else {
                throw StoreError.conflict("session \(sessionId) is \(session.status.rawValue); it takes no more iterations")
            }
            var iteration = Iteration(id: nil, sessionId: sessionId, iterationNum: draft.iterationNum,
                                      planVersion: draft.planVersion, critiques: draft.critiques,
                                      aggregatedScore: draft.aggregatedScore, validation: draft.validation,
                                      createdAt: now)
            try iteration.insert(db)
            session.currentIteration = max(session.currentIteration, draft.iterationNum)
            try session.update(db)
            return iteration
        }
    }

    func session(_ sessionId: Int64, userId: Int64) async throws -> PlanningSession {
        try await database.read { db in try Self.owned(sessionId, by: userId, db) }
    }

    func sessions(userId: Int64, domainId: Int64?, limit: Int) async throws -> [PlanningSession] {
        try await database.read { db in
            var request = PlanningSession.filter(PlanningSession.Columns.userId == userId)
            if let domainId { request = request.filter(PlanningSession.Columns.domainId == domainId) }
            return try request.order(PlanningSession.Columns.startedAt.desc, PlanningSession.Columns.id.desc)
                .limit(limit).fetchAll(db)
        }
    }

    func iterations(of sessionId: Int64, userId: Int64) async throws -> [Iteration] {
        try await database.read { db in
            _ = try Self.owned(sessionId, by: userId, db)
            return try Iteration.filter(Iteration.Columns.sessionId == sessionId)
                .order(Iteration.Columns.iterationNum).fetchAll(db)
        }
    }

    func markInterruptedSessions() async throws -> Int {
        let now = clock.now()
        // Checked first with a read: the usual answer is "none", and then no write (and no date
        // formatting, which loads ICU's data into every app start) is needed.
        let unfinished = try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, owner_pid, owner_host, owner_started FROM planning_sessions
                WHERE status IN ('pending', 'running')
                """).map { row in
                UnfinishedSession(id: row["id"], pid: row["owner_pid"], host: row["owner_host"], startTime: row["owner_started"])
            }
        }
        let gone = unfinished.filter(\.ownerIsGone).map(\.id)
        guard !gone.isEmpty else { return 0 }
        return try await database.write { db in
            // Status re-checked in the UPDATE: a session that finished meanwhile stays finished.
            try PlanningSession.filter(keys: gone)
                .filter([PlanningStatus.pending.rawValue, PlanningStatus.running.rawValue].contains(PlanningSession.Columns.status))
                .updateAll(db,
                           PlanningSession.Columns.status.set(to: PlanningStatus.interrupted.rawValue),
                           Column("finished_at").set(to: StoreDate.text(now)),
                           Column("failure_reason").set(to: UnfinishedSession.reason))
        }
    }

    static func owned(_ sessionId: Int64, by userId: Int64, _ db: Database) throws -> PlanningSession {
        guard let session = try PlanningSession.filter(key: sessionId)
            .filter(PlanningSession.Columns.userId == userId).fetchOne(db)
        else { throw StoreError.notFound("planning session \(sessionId)") }
        return session
    }
}
