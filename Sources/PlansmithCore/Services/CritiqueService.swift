import Critique
import Foundation
import Planner
import Store

/// Runs critique sessions in the background: creates the session row, moves it through
/// pending → running → completed | failed | cancelled, persists each round as it finishes and
/// publishes every event on the bus tagged with the session id.
///
/// The TUI: `let id = try await service.start(request)`, subscribe to `bus` and filter by
/// `sessionId`, `await service.cancel(id)` on a key press, `await service.result(of: id)` if it
/// needs the outcome. `.sessionFinished` is published only after the session row is final.
public actor CritiqueService {
    public let bus: EventBus
    let sessions: any PlanningSessionRepository
    let userId: Int64
    private var running: [Int64: Task<CritiqueResult, Never>] = [:]

    public init(bus: EventBus, sessions: any PlanningSessionRepository, userId: Int64) {
        self.bus = bus
        self.sessions = sessions
        self.userId = userId
    }

    /// Creates a session and starts it; returns its id at once.
    public func start(_ request: CritiqueRequest) async throws -> Int64 {
        try await launch(request, resume: nil)
    }

    /// Continues an interrupted (or failed, or cancelled) session from its last saved round, as a
    /// new session whose config records where it came from. Returns the new session's id.
    public func resume(_ sessionId: Int64, with request: CritiqueRequest) async throws -> Int64 {
        let iterations = try await sessions.iterations(of: sessionId, userId: userId)
        guard let last = iterations.max(by: { $0.iterationNum < $1.iterationNum }) else {
            throw CritiqueServiceError.nothingToResume(sessionId)
        }
        let steps = try PlanText.parse(try SessionRecords.plan(from: last).joined(separator: "\n")).map(\.step)
        return try await launch(request, resume: (CritiqueResumePoint(plan: steps, nextIteration: last.iterationNum + 1), sessionId))
    }

    /// Asks a running session to stop; it ends as cancelled with its last valid plan.
    public func cancel(_ sessionId: Int64) {
        running[sessionId]?.cancel()
    }

    /// Waits for a session started by this service; nil if unknown.
    public func result(of sessionId: Int64) async -> CritiqueResult? {
        guard let task = running[sessionId] else { return nil }
        return await task.value
    }

    private func launch(_ request: CritiqueRequest, resume: (point: CritiqueResumePoint, from: Int64)?) async throws -> Int64 {
        let config = try SessionRecords.config(request.configuration, resumedFrom: resume?.from)
        let session = try await sessions.create(userId: userId, domainId: request.domainId,
                                                maxIterations: max(request.configuration.maxIterations, 1), config: config)
        let id = session.id!
        _ = try await sessions.update(id, userId: userId, to: .running, finalPlan: nil, failureReason: nil)
        let orchestrator = CritiqueOrchestrator(task: request.task, critics: request.critics, configuration: request.configuration,
                                                proposer: request.proposer,
                                                recorder: StoreCritiqueRecorder(sessions: sessions, sessionId: id, userId: userId),
                                                reviser: request.reviser)
        let bus = self.bus, sessions = self.sessions, userId = self.userId
        running[id] = Task {
            let result = await orchestrator.run(resumingFrom: resume?.point, domainText: request.domainText,
                                                problemText: request.problemText) { event in
                if case .sessionFinished = event { return }
                await bus.publish(event, session: id)
            }
            let status: PlanningStatus = switch result.reason {
            case .cancelled: .cancelled
            case .failed: .failed
            default: .completed
            }
            let finalPlan = SessionRecords.finalPlan(result.plan?.stepTexts)
            // A fresh task: the session's own task may be cancelled, and the final status must still be written.
            let saved = await Task {
                do {
                    _ = try await sessions.update(id, userId: userId, to: status, finalPlan: finalPlan, failureReason: result.failure)
                    return nil as String?
                } catch { return "could not finish session \(id): \(error)" }
            }.value
            if let saved { await bus.publish(.failure(saved), session: id) }
            await bus.publish(.sessionFinished(result), session: id)
            return result
        }
        return id
    }
}

public enum CritiqueServiceError: Error, Sendable, CustomStringConvertible {
    case nothingToResume(Int64)

    public var description: String {
        switch self {
        case .nothingToResume(let id): "session \(id) has no saved iteration to resume from"
        }
    }
}
