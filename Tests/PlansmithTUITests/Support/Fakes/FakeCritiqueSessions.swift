import Critique
import Foundation
@testable import PlansmithCore

/// Critique sessions read back from seeded histories (a test builds the rounds with
/// `CritiqueRound.restored`). Starting or resuming a run needs the orchestrator and a store to
/// record into, so the fake refuses both with a clear error: live runs are tested on `TestApp`.
actor FakeCritiqueSessions: CritiqueSessions {
    nonisolated let bus = EventBus()
    /// By session id, with the user each belongs to.
    private var sessions: [Int64: (userId: Int64, history: SessionHistory)] = [:]

    static let notSupported = "critique runs are not supported by the fake sessions service (use TestApp for live runs)"

    func start(_ start: CritiqueStart, userId: Int64) throws -> CritiqueLaunch {
        throw AppError(.unavailable, Self.notSupported)
    }

    func resume(_ sessionId: Int64, base: CritiqueConfiguration, userId: Int64) throws -> CritiqueLaunch {
        throw AppError(.unavailable, Self.notSupported)
    }

    func cancel(_ sessionId: Int64, userId: Int64) {}
    func interrupt(_ sessionId: Int64, userId: Int64) {}

    func result(of sessionId: Int64, userId: Int64) -> CritiqueResult? { nil }

    func summary(_ sessionId: Int64, userId: Int64) throws -> SessionSummary { try history(sessionId, userId: userId).summary }

    func history(_ sessionId: Int64, userId: Int64) throws -> SessionHistory {
        // Another user's session is "not found", as in the real service.
        guard let entry = sessions[sessionId], entry.userId == userId else { throw AppError(.notFound, "session \(sessionId) not found") }
        return entry.history
    }

    func list(userId: Int64, domainId: Int64?, limit: Int) -> [SessionSummary] {
        let mine = sessions.values.filter { $0.userId == userId && (domainId == nil || $0.history.summary.domainId == domainId) }
        return Array(mine.map(\.history.summary).sorted { ($0.startedAt, $0.id) > ($1.startedAt, $1.id) }.prefix(limit))
    }

    func markInterrupted() -> Int {
        var count = 0
        for (id, entry) in sessions where entry.history.summary.status == .running || entry.history.summary.status == .pending {
            sessions[id]?.history.summary.status = .interrupted
            count += 1
        }
        return count
    }

    // MARK: Arranging

    /// Stores a session as the real service would read it back; iteration 0 of `rounds` is the initial plan.
    func add(_ summary: SessionSummary, userId: Int64, rounds: [CritiqueRound] = [],
             configuration: CritiqueConfiguration = .default, domainText: String? = nil, problemText: String? = nil,
             resumeProblem: String? = nil) {
        let history = SessionHistory(summary: summary, configuration: configuration, chain: [summary.id], rounds: rounds,
                                     ownRounds: rounds.filter { $0.iteration > 0 }.count, domainText: domainText,
                                     problemText: problemText, resumeProblem: resumeProblem)
        sessions[summary.id] = (userId, history)
    }
}
