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
        _ = try await sessions.appendIteration(Self.draft(for: round), to: sessionId, userId: userId)
    }

    /// The iteration columns: plan_version = the step list, critiques = items with their votes and
    /// scores, validation = the validator's verdict.
    static func draft(for round: CritiqueRound) throws -> IterationDraft {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        let critiques = RecordedCritiques(items: round.items, scores: round.scores, applied: round.applied, seconds: round.seconds,
                                          agreedWithInvalid: round.agreedWithInvalid,
                                          criticFailures: round.criticFailures.isEmpty ? nil : round.criticFailures,
                                          revision: round.revision,
                                          invalidEdits: round.invalidEdits.isEmpty ? nil : round.invalidEdits)
        return IterationDraft(iterationNum: round.iteration, planVersion: try json(RecordedPlan(steps: round.plan, cost: round.cost)),
                              critiques: try json(critiques), aggregatedScore: round.quality,
                              validation: try json(round.validation))
    }
}

/// `plan_version` JSON.
struct RecordedPlan: Codable {
    var steps: [String]
    var cost: Int
}

/// `critiques` JSON.
struct RecordedCritiques: Codable {
    var items: [FeedbackItem]
    var scores: [ItemScore]
    var applied: [String]
    var seconds: Double
    /// Per critic: agree votes on edits the validator rejected.
    var agreedWithInvalid: [CriticName: Int]
    /// Critics that failed this round (absent when none did).
    var criticFailures: [CriticFailure]?
    /// LLM mode: the revised plan's fate.
    var revision: RevisionOutcome?
    /// Items whose edit yields no valid plan (the denominator for `agreedWithInvalid`).
    var invalidEdits: [String]?
}
