import Critique
import Foundation

/// Critique sessions started (or resumed) by this server process, with their owner and the task
/// each plans on: the event stream re-validates the final plan with the task, and knows that such
/// a session's live events arrive on this process's bus. Sessions run by another process (the TUI
/// on the same database) are answered from the database instead.
///
/// `@unchecked Sendable`: `sessions` is only touched under `lock`.
final class LaunchedSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [Int64: (userId: Int64, task: CritiqueTask)] = [:]

    func record(_ sessionId: Int64, userId: Int64, task: CritiqueTask) {
        lock.withLock { sessions[sessionId] = (userId, task) }
    }

    func task(of sessionId: Int64) -> CritiqueTask? {
        lock.withLock { sessions[sessionId]?.task }
    }

    /// Every session launched here, with its owner.
    var all: [(sessionId: Int64, userId: Int64)] {
        lock.withLock { sessions.map { ($0.key, $0.value.userId) } }
    }
}
