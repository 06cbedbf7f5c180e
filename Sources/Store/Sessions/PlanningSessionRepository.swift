import Foundation

/// A critique round as another module hands it over for saving. JSON fields are opaque here.
public struct IterationDraft: Sendable, Equatable {
    public var iterationNum: Int
    public var planVersion: String
    public var critiques: String
    public var aggregatedScore: Double?
    public var validation: String?

    public init(iterationNum: Int, planVersion: String, critiques: String = "[]",
                aggregatedScore: Double? = nil, validation: String? = nil) {
        self.iterationNum = iterationNum; self.planVersion = planVersion; self.critiques = critiques
        self.aggregatedScore = aggregatedScore; self.validation = validation
    }
}

/// Planning sessions and their iterations. Each iteration is committed as soon as it is
/// appended, so a crash loses no finished round.
public protocol PlanningSessionRepository: Sendable {
    /// Creates a pending session.
    func create(userId: Int64, domainId: Int64?, maxIterations: Int, config: String) async throws -> PlanningSession
    /// Moves a session to `status`. Finished sessions (completed, failed, cancelled, interrupted)
    /// cannot change again; finishing sets `finished_at`.
    func update(_ sessionId: Int64, userId: Int64, to status: PlanningStatus, finalPlan: String?,
                failureReason: String?) async throws -> PlanningSession
    /// Saves one round and advances `current_iteration`.
    func appendIteration(_ draft: IterationDraft, to sessionId: Int64, userId: Int64) async throws -> Iteration
    func session(_ sessionId: Int64, userId: Int64) async throws -> PlanningSession
    /// The user's sessions, newest first, optionally for one domain.
    func sessions(userId: Int64, domainId: Int64?, limit: Int) async throws -> [PlanningSession]
    func iterations(of sessionId: Int64, userId: Int64) async throws -> [Iteration]
    /// Marks pending or running sessions interrupted whose owning process is gone (same host, and
    /// the pid is free or now another process); sessions of live processes and of other hosts are
    /// left alone. The app and the server call this at start-up. Returns how many were marked.
    func markInterruptedSessions() async throws -> Int
}

/// Chat sessions and their messages; each message is committed when appended.
public protocol ChatRepository: Sendable {
    func createSession(userId: Int64, domainId: Int64?, title: String) async throws -> ChatSession
    func append(_ role: ChatRole, _ content: String, to sessionId: Int64, userId: Int64,
                elicitationState: String?, tokens: Int?) async throws -> ChatMessage
    func messages(in sessionId: Int64, userId: Int64) async throws -> [ChatMessage]
    /// The user's chat sessions, most recently active first.
    func sessions(userId: Int64, limit: Int) async throws -> [ChatSession]
    func rename(_ sessionId: Int64, userId: Int64, title: String) async throws
    func delete(_ sessionId: Int64, userId: Int64) async throws
}
