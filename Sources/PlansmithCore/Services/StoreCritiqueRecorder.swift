import Critique
import Foundation
import Store

/// Saves each critique round as an iteration row the moment it finishes.
public struct StoreCritiqueRecorder: CritiqueRecorder {
    let sessions: any PlanningSessionRepository
    let sessionId: Int64
    let userId: Int64

    public init(sessions: any PlanningSessionRepository, sessionId: Int64, userId: Int64) {
        self.sessions = sessions
        self.sessionId = sessionId
        self.userId = userId
    }

    public func record(_ round: CritiqueRound) async throws {
        _ = try await sessions.appendIteration(SessionRecords.draft(for: round), to: sessionId, userId: userId)
    }
}
