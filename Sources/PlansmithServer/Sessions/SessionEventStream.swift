import Critique
import Foundation
import PlansmithCore

/// One event as it goes out on the WebSocket or the SSE stream: a `critique --json` line.
struct SessionStreamEvent: Sendable {
    var type: String
    var json: Data
}

/// The events of one critique session, as the Plan screen sees them and in the `critique --json`
/// shapes: first what is already stored (the initial plan, then each finished round with its
/// items), then live events from the bus until the final one. Subscribing happens before the
/// stored rounds are read, so nothing published in between is lost; live events of rounds already
/// replayed are skipped, so nothing is sent twice. A finished session (or one running in another
/// process, whose events never reach this bus) ends with a final event built from the stored rows.
struct SessionEventStream {
    let critique: any CritiqueSessions
    let launched: LaunchedSessions

    /// Throws `notFound` for unknown sessions and other users' sessions, before anything is sent.
    func events(sessionId: Int64, userId: Int64) async throws -> AsyncStream<SessionStreamEvent> {
        let subscription = await critique.bus.subscribe(bufferLimit: 1024)
        let history: SessionHistory
        do {
            history = try await critique.history(sessionId, userId: userId)
        } catch {
            await critique.bus.unsubscribe(subscription)
            throw error
        }
        let (stream, sink) = AsyncStream.makeStream(of: SessionStreamEvent.self)
        let bus = critique.bus
        let task = launched.task(of: sessionId)
        let producer = Task {
            defer { sink.finish() }
            func send(_ object: [String: Any]) {
                sink.yield(SessionStreamEvent(type: object["type"] as? String ?? "event", json: JSONForms.data(object)))
            }
            for object in Self.replay(history, sessionId: sessionId) { send(object) }
            let lastReplayed = history.rounds.last?.iteration ?? -1
            let live = !history.summary.status.isFinished && task != nil
            guard live else {
                if !history.summary.status.isFinished {
                    send(["type": "status", "session_id": sessionId, "status": history.summary.status.rawValue,
                          "message": "the session runs in another process; its rounds appear in GET /v1/sessions/\(sessionId) as they finish"])
                } else {
                    send(Self.storedFinal(history, sessionId: sessionId))
                }
                await bus.unsubscribe(subscription)
                return
            }
            for await event in subscription.events where event.sessionId == sessionId {
                if Self.alreadyReplayed(event.payload, lastReplayed: lastReplayed) { continue }
                if let object = JSONForms.critiqueEvent(event.payload, sessionId: sessionId, task: task) { send(object) }
                if case .sessionFinished = event.payload { break }
            }
            await bus.unsubscribe(subscription)
        }
        sink.onTermination = { _ in producer.cancel() }
        return stream
    }

    /// The stored rounds as events: the initial plan, then per round its items, the refinement and the round.
    static func replay(_ history: SessionHistory, sessionId: Int64) -> [[String: Any]] {
        var out: [[String: Any]] = []
        for round in history.rounds {
            if round.iteration == 0 {
                out.append(["type": "session", "session_id": sessionId, "source": "stored", "plan": round.plan, "cost": round.cost])
                continue
            }
            out.append(["type": "iteration", "iteration": round.iteration])
            for item in round.items {
                guard let score = round.scores.first(where: { $0.itemId == item.id }) else { continue }
                out.append(JSONForms.critiqueItem(item, score: score, iteration: round.iteration))
            }
            if !round.applied.isEmpty {
                out.append(["type": "refinement", "iteration": round.iteration, "items": round.applied, "plan": round.plan,
                            "cost": round.cost])
            }
            out.append(JSONForms.critiqueRound(round))
        }
        return out
    }

    /// The final event of a finished session, from its stored rows.
    static func storedFinal(_ history: SessionHistory, sessionId: Int64) -> [String: Any] {
        let last = history.rounds.last
        let plan = history.summary.finalPlan ?? last?.plan ?? []
        var object: [String: Any] = [
            "type": "final", "session_id": sessionId, "status": history.summary.status.rawValue,
            "valid": !plan.isEmpty && (last?.validation.valid ?? false), "plan": plan,
            "cost": last.map { $0.cost as Any } ?? NSNull(),
            "initial_cost": history.rounds.first.map { $0.cost as Any } ?? NSNull(),
            "iterations": history.ownRounds,
            "reason": CritiqueSessionRules.inferredReason(history)?.rawValue ?? history.summary.status.rawValue,
        ]
        if let failure = history.summary.failureReason { object["failure"] = failure }
        return object
    }

    static func alreadyReplayed(_ event: CritiqueEvent, lastReplayed: Int) -> Bool {
        switch event {
        case .sessionStarted: return lastReplayed >= 0
        case .iterationStarted(let i), .itemScored(let i, _, _), .refinementApplied(let i, _, _, _): return i <= lastReplayed
        case .iterationFinished(let round): return round.iteration <= lastReplayed
        default: return false
        }
    }
}
