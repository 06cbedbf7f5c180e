import Foundation
import Logging
import PlansmithCore
import ServiceLifecycle

/// Keeps critique sessions safe when the server stops: on graceful shutdown every session this
/// process still runs is interrupted — its finished rounds are already stored, its status becomes
/// `interrupted`, and `POST /v1/sessions/{id}/resume` continues it later. Runs before the HTTP
/// server stops (it is listed after it, and services stop in reverse order), so event streams of
/// those sessions end with their final event instead of holding the shutdown open.
struct SessionKeeper: Service {
    let critique: any CritiqueSessions
    let launched: LaunchedSessions
    let logger: Logger
    /// How long to wait for interrupted sessions to write their final status.
    var grace: Duration = .seconds(10)

    func run() async throws {
        try? await gracefulShutdown()
        var stopped = 0
        for (sessionId, userId) in launched.all {
            guard let summary = try? await critique.summary(sessionId, userId: userId), !summary.status.isFinished else { continue }
            await critique.interrupt(sessionId, userId: userId)
            // `result` waits for the session's task, which writes the final status before returning.
            let finished = await withTaskGroup(of: Bool.self) { group in
                group.addTask { _ = await critique.result(of: sessionId, userId: userId); return true }
                group.addTask { try? await Task.sleep(for: grace); return false }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            if finished { stopped += 1 } else {
                logger.warning("session did not stop in time; it will be marked interrupted on the next start",
                               metadata: ["session": .stringConvertible(sessionId)])
            }
        }
        if stopped > 0 { logger.info("interrupted running critique sessions", metadata: ["count": .stringConvertible(stopped)]) }
    }
}
