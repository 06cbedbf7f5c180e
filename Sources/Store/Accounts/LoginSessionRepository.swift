import Foundation

/// Where `plansmith serve` keeps login sessions when several servers share one database, so a
/// token issued by one server is honoured by all of them. Only a token's SHA-256 digest is kept,
/// with its user and expiry. On SQLite (one server per file) the server keeps sessions in its
/// own memory and `Store.sharedLoginSessions` is nil.
public protocol LoginSessionRepository: Sendable {
    /// Records a new session (and drops the sessions that have expired by `now`).
    func open(digest: String, userId: Int64, expiresAt: Date, now: Date) async throws
    /// The user of a session that is still live at `now`; nil when unknown or expired.
    func userId(forDigest digest: String, at now: Date) async throws -> Int64?
    /// Ends a session; ending an unknown one is harmless.
    func close(digest: String) async throws
}

extension Store {
    /// The login sessions servers on this store share: the database's on PostgreSQL, none on
    /// SQLite (the server then keeps its own in memory).
    public var sharedLoginSessions: (any LoginSessionRepository)? {
        switch backend {
        case .sqlite: nil
        case .postgres(let database): PostgresLoginSessions(database: database)
        }
    }
}
