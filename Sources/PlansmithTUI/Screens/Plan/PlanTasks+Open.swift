import Critique
import Foundation
import PlansmithCore

extension PlanTasks {
    /// Opens a stored session: its rounds (and those of the sessions it resumed), its domain's task
    /// for resume and the timeline, and a live feed when it is still running.
    static func open(sessionId: Int64, app: AppContext, userId: Int64) async -> PlanScreen.Msg {
        let sessions = app.services.critique
        // Subscribe first: a running session's events between reading the rows and subscribing would be lost.
        let feed = await subscribe(sessions.bus)
        do {
            let history = try await sessions.history(sessionId, userId: userId)
            var board = PlanBoard()
            PlanStoredRounds.add(history.rounds, to: &board)
            if history.chain.count > 1 { board.source = "resumed from session \(history.chain[history.chain.count - 2])" }
            board.reason = CritiqueSessionRules.inferredReason(history)
            board.reasonInferred = history.summary.status == .completed && board.reason != nil
            board.failure = history.summary.failureReason
            let finished = history.summary.status.isFinished
            var opening = PlanOpening(sessionId: sessionId, status: history.summary.status, failureReason: history.summary.failureReason,
                                      domainId: history.summary.domainId,
                                      domainName: history.summary.domainName ?? history.summary.domainId.map { "domain \($0)" } ?? "(no domain)",
                                      configuration: history.configuration, board: board, task: nil,
                                      resumeProblem: history.resumeProblem,
                                      service: SessionControl(app.services, userId: userId), feed: finished ? nil : feed)
            if finished { feed.close() }
            if let domain = history.domainText, let problem = history.problemText {
                switch await app.services.planning.critiqueTask(domain: domain, problem: problem) {
                case .success(let task): opening.task = task
                case .failure(let error): opening.resumeProblem = error.message
                }
            }
            return .opened(opening)
        } catch {
            feed.close()
            return .openFailed("Could not open session \(sessionId): \(describe(error))")
        }
    }
}
