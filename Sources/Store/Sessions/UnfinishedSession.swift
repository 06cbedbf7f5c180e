/// A pending or running session as start-up sees it: whose process owns it. Shared by the
/// SQLite and PostgreSQL repositories so both decide "interrupted" the same way.
struct UnfinishedSession: Sendable {
    var id: Int64
    var pid: Int64?
    var host: String?
    var startTime: String?

    static let reason = "interrupted: Plansmith stopped while the session was running"

    /// Sessions written before owners were recorded (pid NULL) count as gone: no running
    /// Plansmith can be that old, since an older release refuses a database of a newer schema.
    var ownerIsGone: Bool {
        guard let pid, let host else { return true }
        return SessionOwner.isGone(pid: Int32(clamping: pid), host: host, startTime: startTime)
    }
}
