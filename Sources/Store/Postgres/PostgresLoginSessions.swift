import Foundation
import PostgresNIO

/// `LoginSessionRepository` on PostgreSQL: the `login_sessions` table (digest, user, expiry).
struct PostgresLoginSessions: LoginSessionRepository {
    let database: PostgresStoreDatabase

    func open(digest: String, userId: Int64, expiresAt: Date, now: Date) async throws {
        let database = database
        try await database.transaction { c in
            try await c.query("DELETE FROM login_sessions WHERE expires_at <= \(PostgresDate.rounded(now))",
                              logger: database.logger)
            try await c.query("""
                INSERT INTO login_sessions (digest, user_id, expires_at)
                VALUES (\(digest), \(userId), \(PostgresDate.rounded(expiresAt)))
                """, logger: database.logger)
        }
    }

    func userId(forDigest digest: String, at now: Date) async throws -> Int64? {
        try await database.rows("""
            SELECT user_id FROM login_sessions WHERE digest = \(digest) AND expires_at > \(PostgresDate.rounded(now))
            """).first.map { try $0.value("user_id", as: Int64.self) }
    }

    func close(digest: String) async throws {
        _ = try await database.rows("DELETE FROM login_sessions WHERE digest = \(digest)")
    }
}
