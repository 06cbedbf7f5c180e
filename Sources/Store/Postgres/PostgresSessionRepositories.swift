import Foundation
import PostgresNIO

/// `PlanningSessionRepository` on PostgreSQL; the same rules as the SQLite one.
struct PostgresPlanningSessionRepository: PlanningSessionRepository {
    let database: PostgresStoreDatabase
    let clock: any StoreClock
    var owner: SessionOwner = .current

    static let columns = """
        id, domain_id, user_id, status, current_iteration, max_iterations, final_plan, config, started_at,
        finished_at, failure_reason
        """

    func create(userId: Int64, domainId: Int64?, maxIterations: Int, config: String) async throws -> PlanningSession {
        guard maxIterations >= 1 else { throw StoreError.invalidInput("max iterations must be at least 1") }
        let now = PostgresDate.rounded(clock.now())
        let (database, owner) = (database, owner)
        return try await database.transaction { c in
            if let domainId { _ = try await PostgresDomainRepository.critiquable(domainId, by: userId, c, database) }
            let rows = try await c.rows("""
                INSERT INTO planning_sessions (domain_id, user_id, status, current_iteration, max_iterations, config,
                                               started_at, owner_pid, owner_host, owner_started)
                VALUES (\(domainId), \(userId), 'pending', 0, \(maxIterations), \(config), \(now),
                        \(Int64(owner.pid)), \(owner.host), \(owner.startTime))
                RETURNING \(unescaped: Self.columns)
                """, database.logger)
            return try Self.session(rows[0])
        }
    }

    func update(_ sessionId: Int64, userId: Int64, to status: PlanningStatus, finalPlan: String?,
                failureReason: String?) async throws -> PlanningSession {
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            let session = try await Self.owned(sessionId, by: userId, c, database, lock: true)
            guard !session.status.isFinished else {
                throw StoreError.conflict("session \(sessionId) is already \(session.status.rawValue)")
            }
            guard status != .pending || session.status == .pending else {
                throw StoreError.conflict("a running session cannot go back to pending")
            }
            let finishedAt: Date? = status.isFinished ? now : session.finishedAt
            let rows = try await c.rows("""
                UPDATE planning_sessions SET status = \(status.rawValue),
                    final_plan = COALESCE(\(finalPlan), final_plan), failure_reason = COALESCE(\(failureReason), failure_reason),
                    finished_at = \(finishedAt)
                WHERE id = \(sessionId) RETURNING \(unescaped: Self.columns)
                """, database.logger)
            return try Self.session(rows[0])
        }
    }

    func appendIteration(_ draft: IterationDraft, to sessionId: Int64, userId: Int64) async throws -> Iteration {
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            let session = try await Self.owned(sessionId, by: userId, c, database, lock: true)
            guard !session.status.isFinished else {
                throw StoreError.conflict("session \(sessionId) is \(session.status.rawValue); it takes no more iterations")
            }
            let rows = try await c.rows("""
                INSERT INTO iterations (session_id, iteration_num, plan_version, critiques, aggregated_score, validation, created_at)
                VALUES (\(sessionId), \(draft.iterationNum), \(draft.planVersion), \(draft.critiques),
                        \(draft.aggregatedScore), \(draft.validation), \(now))
                RETURNING id, session_id, iteration_num, plan_version, critiques, aggregated_score, validation, created_at
                """, database.logger)
            try await c.query("""
                UPDATE planning_sessions SET current_iteration = GREATEST(current_iteration, \(draft.iterationNum))
                WHERE id = \(sessionId)
                """, logger: database.logger)
            return try Self.iteration(rows[0])
        }
    }

    func session(_ sessionId: Int64, userId: Int64) async throws -> PlanningSession {
        let database = database
        return try await database.transaction { c in try await Self.owned(sessionId, by: userId, c, database, lock: false) }
    }

    func sessions(userId: Int64, domainId: Int64?, limit: Int) async throws -> [PlanningSession] {
        try await database.rows("""
            SELECT \(unescaped: Self.columns) FROM planning_sessions
            WHERE user_id = \(userId) AND (\(domainId)::BIGINT IS NULL OR domain_id = \(domainId))
            ORDER BY started_at DESC, id DESC LIMIT \(limit)
            """).map(Self.session)
    }

    func iterations(of sessionId: Int64, userId: Int64) async throws -> [Iteration] {
        let database = database
        return try await database.transaction { c in
            _ = try await Self.owned(sessionId, by: userId, c, database, lock: false)
            return try await c.rows("""
                SELECT id, session_id, iteration_num, plan_version, critiques, aggregated_score, validation, created_at
                FROM iterations WHERE session_id = \(sessionId) ORDER BY iteration_num
                """, database.logger).map(Self.iteration)
        }
    }

    func markInterruptedSessions() async throws -> Int {
        let unfinished = try await database.rows("""
            SELECT id, owner_pid, owner_host, owner_started FROM planning_sessions WHERE status IN ('pending', 'running')
            """).map { row in
            UnfinishedSession(id: try row.value("id"), pid: try row.value("owner_pid"), host: try row.value("owner_host"),
                              startTime: try row.value("owner_started"))
        }
        let gone = unfinished.filter(\.ownerIsGone).map(\.id)
        guard !gone.isEmpty else { return 0 }
        let now = PostgresDate.rounded(clock.now())
        return try await database.rows("""
            UPDATE planning_sessions SET status = 'interrupted', finished_at = \(now), failure_reason = \(UnfinishedSession.reason)
            WHERE id = ANY(\(gone)) AND status IN ('pending', 'running') RETURNING id
            """).count
    }

    static func owned(_ sessionId: Int64, by userId: Int64, _ c: PostgresConnection, _ database: PostgresStoreDatabase,
                      lock: Bool) async throws -> PlanningSession {
        // FOR UPDATE: two writers of one session (two servers) take turns, as SQLite's single writer does.
        let rows = try await c.rows("""
            SELECT \(unescaped: columns) FROM planning_sessions WHERE id = \(sessionId) AND user_id = \(userId)
            \(unescaped: lock ? "FOR UPDATE" : "")
            """, database.logger)
        guard let row = rows.first else { throw StoreError.notFound("planning session \(sessionId)") }
        return try session(row)
    }

    static func session(_ row: PostgresRandomAccessRow) throws -> PlanningSession {
        guard let status = PlanningStatus(rawValue: try row.value("status")) else {
            throw StoreError.database("unknown planning status")
        }
        return PlanningSession(
            id: try row.value("id"), domainId: try row.value("domain_id"), userId: try row.value("user_id"),
            status: status, currentIteration: try row.value("current_iteration"),
            maxIterations: try row.value("max_iterations"), finalPlan: try row.value("final_plan"),
            config: try row.value("config"), startedAt: try row.value("started_at"),
            finishedAt: try row.value("finished_at"), failureReason: try row.value("failure_reason"))
    }

    static func iteration(_ row: PostgresRandomAccessRow) throws -> Iteration {
        Iteration(id: try row.value("id"), sessionId: try row.value("session_id"),
                  iterationNum: try row.value("iteration_num"), planVersion: try row.value("plan_version"),
                  critiques: try row.value("critiques"), aggregatedScore: try row.value("aggregated_score"),
                  validation: try row.value("validation"), createdAt: try row.value("created_at"))
    }
}

/// `ChatRepository` on PostgreSQL; chats are private to their user.
struct PostgresChatRepository: ChatRepository {
    let database: PostgresStoreDatabase
    let clock: any StoreClock

    func createSession(userId: Int64, domainId: Int64?, title: String) async throws -> ChatSession {
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            if let domainId { _ = try await PostgresDomainRepository.critiquable(domainId, by: userId, c, database) }
            let rows = try await c.rows("""
                INSERT INTO chat_sessions (user_id, domain_id, title, created_at, updated_at)
                VALUES (\(userId), \(domainId), \(title), \(now), \(now))
                RETURNING id, user_id, domain_id, title, created_at, updated_at
                """, database.logger)
            return try Self.session(rows[0])
        }
    }

    func append(_ role: ChatRole, _ content: String, to sessionId: Int64, userId: Int64,
                elicitationState: String?, tokens: Int?) async throws -> ChatMessage {
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            _ = try await Self.owned(sessionId, by: userId, c, database)
            let rows = try await c.rows("""
                INSERT INTO chat_messages (session_id, role, content, elicitation_state, tokens, created_at)
                VALUES (\(sessionId), \(role.rawValue), \(content), \(elicitationState), \(tokens), \(now))
                RETURNING id, session_id, role, content, elicitation_state, tokens, created_at
                """, database.logger)
            try await c.query("UPDATE chat_sessions SET updated_at = \(now) WHERE id = \(sessionId)", logger: database.logger)
            return try Self.message(rows[0])
        }
    }

    func messages(in sessionId: Int64, userId: Int64) async throws -> [ChatMessage] {
        let database = database
        return try await database.transaction { c in
            _ = try await Self.owned(sessionId, by: userId, c, database)
            return try await c.rows("""
                SELECT id, session_id, role, content, elicitation_state, tokens, created_at FROM chat_messages
                WHERE session_id = \(sessionId) ORDER BY id
                """, database.logger).map(Self.message)
        }
    }

    func sessions(userId: Int64, limit: Int) async throws -> [ChatSession] {
        try await database.rows("""
            SELECT id, user_id, domain_id, title, created_at, updated_at FROM chat_sessions
            WHERE user_id = \(userId) ORDER BY updated_at DESC, id DESC LIMIT \(limit)
            """).map(Self.session)
    }

    func rename(_ sessionId: Int64, userId: Int64, title: String) async throws {
        let database = database
        try await database.transaction { c in
            _ = try await Self.owned(sessionId, by: userId, c, database)
            try await c.query("UPDATE chat_sessions SET title = \(title) WHERE id = \(sessionId)", logger: database.logger)
        }
    }

    func delete(_ sessionId: Int64, userId: Int64) async throws {
        let database = database
        try await database.transaction { c in
            _ = try await Self.owned(sessionId, by: userId, c, database)
            try await c.query("DELETE FROM chat_sessions WHERE id = \(sessionId)", logger: database.logger)
        }
    }

    static func owned(_ sessionId: Int64, by userId: Int64, _ c: PostgresConnection,
                      _ database: PostgresStoreDatabase) async throws -> ChatSession {
        let rows = try await c.rows("""
            SELECT id, user_id, domain_id, title, created_at, updated_at FROM chat_sessions
            WHERE id = \(sessionId) AND user_id = \(userId) FOR UPDATE
            """, database.logger)
        guard let row = rows.first else { throw StoreError.notFound("chat session \(sessionId)") }
        return try session(row)
    }

    static func session(_ row: PostgresRandomAccessRow) throws -> ChatSession {
        ChatSession(id: try row.value("id"), userId: try row.value("user_id"), domainId: try row.value("domain_id"),
                    title: try row.value("title"), createdAt: try row.value("created_at"),
                    updatedAt: try row.value("updated_at"))
    }

    static func message(_ row: PostgresRandomAccessRow) throws -> ChatMessage {
        guard let role = ChatRole(rawValue: try row.value("role")) else { throw StoreError.database("unknown chat role") }
        return ChatMessage(id: try row.value("id"), sessionId: try row.value("session_id"), role: role,
                           content: try row.value("content"), elicitationState: try row.value("elicitation_state"),
                           tokens: try row.value("tokens"), createdAt: try row.value("created_at"))
    }
}
