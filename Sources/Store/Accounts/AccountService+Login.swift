import Foundation
import GRDB

extension AccountService {
    /// Checks email and password. After `freeAttempts` failures each further failure doubles the
    /// wait (1 s, 2 s, 4 s, … up to 15 min) during which attempts are refused without even
    /// checking the password. The failure count lives in the database, so restarting the CLI
    /// does not reset it.
    public func login(email: String, password: String) async throws -> User {
        let now = clock.now()
        let found = try await database.read { db in try User.all().filter(email: email).fetchOne(db) }
        guard let user = found, let hash = user.passwordHash else {
            // Same work as a real check, so response time does not reveal which emails exist.
            _ = hasher.verify(password, against: Self.timingDecoy)
            throw StoreError.invalidCredentials
        }
        if let retryAfter = Self.backoffRemaining(for: user, now: now) {
            throw StoreError.tooManyAttempts(retryAfter: retryAfter)
        }
        let matches = hasher.verify(password, against: hash)
        let userId = user.id!
        try await database.write { db in
            if matches {
                try db.execute(sql: "UPDATE users SET failed_login_count = 0, last_failed_login_at = NULL WHERE id = ?",
                               arguments: [userId])
            } else {
                try db.execute(sql: """
                    UPDATE users SET failed_login_count = failed_login_count + 1, last_failed_login_at = ? WHERE id = ?
                    """, arguments: [StoreDate.text(now), userId])
            }
        }
        guard matches else { throw StoreError.invalidCredentials }
        var fresh = user
        fresh.failedLoginCount = 0
        fresh.lastFailedLoginAt = nil
        return fresh
    }

    /// Seconds (rounded up) the user must still wait, or nil when a login may be tried.
    static func backoffRemaining(for user: User, now: Date) -> Int? {
        let excess = user.failedLoginCount - freeAttempts
        guard excess >= 0, let last = user.lastFailedLoginAt else { return nil }
        let wait = min(pow(2, Double(excess)), maximumBackoff)
        let remaining = last.addingTimeInterval(wait).timeIntervalSince(now)
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
    }

    /// A well-formed hash of a random password, verified against when the email is unknown.
    static let timingDecoy: String = {
        (try? PasswordHasher(cost: .standard).hash(UUID().uuidString)) ?? "scrypt$32768$8$1$AAAA$AAAA"
    }()
}
