import Critique
import Foundation
import PlansmithCore
import Store

extension PlanTasks {
    /// How many resumed-from links are followed back (a chain of resumes shows all its rounds).
    static let resumeChainLimit = 20

    /// Opens a stored session: its row, its rounds (and those of the sessions it resumed), its
    /// domain's task for resume and the timeline, and a live feed when it is still running.
    static func open(sessionId: Int64, app: AppContext, userId: Int64) async -> PlanScreen.Msg {
        let sessions = app.store.planningSessions
        // Subscribe first: a running session's events between reading the rows and subscribing would be lost.
        let feed = await subscribe(app.bus)
        do {
            let row = try await sessions.session(sessionId, userId: userId)
            var chain: [PlanningSession] = [row]
            while chain.count < resumeChainLimit, let earlier = PlanStoredRounds.resumedFrom(chain[0]),
                  let previous = try? await sessions.session(earlier, userId: userId) {
                chain.insert(previous, at: 0)
            }
            var board = PlanBoard()
            var ownRounds = 0
            for session in chain {
                let rows = try await sessions.iterations(of: session.id!, userId: userId)
                try PlanStoredRounds.add(rows, to: &board)
                if session.id == sessionId { ownRounds = rows.filter { $0.iterationNum > 0 }.count }
            }
            if chain.count > 1 { board.source = "resumed from session \(chain[chain.count - 2].id!)" }
            board.reason = convergence(of: row.status)
                ?? (row.status == .completed ? inferredReason(board, roundsOfSession: ownRounds,
                                                              maxIterations: row.maxIterations) : nil)
            board.reasonInferred = row.status == .completed && board.reason != nil
            board.failure = row.failureReason
            var opening = PlanOpening(sessionId: sessionId, status: row.status, failureReason: row.failureReason,
                                      domainId: row.domainId, domainName: "", configuration: PlanStoredRounds.configuration(of: row) ?? .default,
                                      board: board, task: nil, resumeProblem: nil, service: app.critiqueService(for: userId),
                                      feed: row.status.isFinished ? nil : feed)
            if row.status.isFinished { feed.close() }
            await attachDomain(to: &opening, app: app, userId: userId)
            return .opened(opening)
        } catch {
            feed.close()
            return .openFailed("Could not open session \(sessionId): \(describe(error))")
        }
    }

    /// The session's domain: its name, and its task for resuming and for the timeline. A missing or
    /// broken domain still shows the stored rounds, with the reason resume is unavailable.
    static func attachDomain(to opening: inout PlanOpening, app: AppContext, userId: Int64) async {
        guard let domainId = opening.domainId else {
            opening.domainName = "(no domain)"
            opening.resumeProblem = "the session has no domain to plan on"
            return
        }
        do {
            let domain = try await app.store.domains.domain(id: domainId, readableBy: userId)
            opening.domainName = domain.name
            guard let problem = domain.problemPddl, !problem.isEmpty else {
                opening.resumeProblem = "\(domain.name) has no problem"
                return
            }
            switch await buildTask(domain: domain.domainPddl, problem: problem) {
            case .success(let task):
                opening.task = task
                opening.text = PlanSourceText(domain: domain.domainPddl, problem: problem)
            case .failure(let error): opening.resumeProblem = error.message
            }
        } catch {
            opening.domainName = "domain \(domainId)"
            opening.resumeProblem = "its domain cannot be read: \(describe(error))"
        }
    }
}

extension PlanTasks {
    /// Why a completed session stopped, re-derived from its stored rounds by the orchestrator's own
    /// rule (the reason itself is not a column): no change → no (critical) feedback left, the
    /// round limit reached, else too small an improvement.
    static func inferredReason(_ board: PlanBoard, roundsOfSession: Int, maxIterations: Int) -> ConvergenceReason? {
        guard let last = board.rounds.last(where: \.finished) else { return nil }
        if !last.items.contains(where: \.applied) {
            return last.items.contains { $0.item.severity == .critical } ? .noImprovement : .noCriticalFeedback
        }
        return roundsOfSession >= maxIterations ? .maxIterations : .noImprovement
    }
}

extension PlanTasks {
    /// The convergence reason a finished status implies when the events are not available.
    static func convergence(of status: PlanningStatus) -> ConvergenceReason? {
        switch status {
        case .cancelled: .cancelled
        case .failed: .failed
        default: nil
        }
    }
}
