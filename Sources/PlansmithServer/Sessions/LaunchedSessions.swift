import Critique
import Foundation

/// Critique sessions started (or resumed) by this server process, with the task each plans on: the
/// event stream re-validates the final plan with it, and knows that such a session's live events
/// will arrive on this process's bus. Sessions run by another process (the TUI on the same
/// database) are answered from the database instead.
///
/// `@unchecked Sendable`: `tasks` is only touched under `lock`.
final class LaunchedSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Int64: CritiqueTask] = [:]

    func record(_ sessionId: Int64, task: CritiqueTask) {
        lock.withLock { tasks[sessionId] = task }
    }

    func task(of sessionId: Int64) -> CritiqueTask? {
        lock.withLock { tasks[sessionId] }
    }
}
