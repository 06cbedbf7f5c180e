import Foundation
import GRDB

extension AccountService {
    /// Checks email and password. After `freeAttempts` failures each further failure doubles the
    /// wait (1 s, 2 s, 4 s, … up to 15 min) during which attempts are refused without checking
    /// the password. The failure count lives in the database, so restarting the CLI does not
    /// reset it.
    ///
    /// Every refusal looks the same from outside, so an attacker cannot tell which emails have
    /// accounts: one error (`invalidCredentials`, whose message also covers the back-off), and
    /// one scrypt run at the current cost whether the email is unknown, the account is waiting
    /// out a back-off, or the password is checked. A hash made at a lower cost than the current
    /// one is redone at a successful login.
    public func login(email: String, password: String) async throws -> User {
        let now = clock.now()
        let found = try await database.read { db in try User.all().filter(email: email).fetchOne(db) }
        guard let user = found, let hash = user.passwordHash else {
            hasher.verifyNothing(password)
            throw StoreError.invalidCredentials
        }
        if Self.backoffRemaining(for: user, now: now) != nil {
            hasher.verifyNothing(password)
            throw StoreError.invalidCredentials
        }
        let matches = hasher.verify(password, against: hash)
        // Rehash outside the write transaction: scrypt must not hold the write lock.
        let upgraded = matches && (PasswordHasher.cost(of: hash)?.isWeaker(than: hasher.cost) ?? false)
            ? try? hasher.hash(password) : nil
        let userId = user.id!
        try await database.write { db in
            if matches {
                try db.execute(sql: "UPDATE users SET failed_login_count = 0, last_failed_login_at = NULL WHERE id = ?",
                               arguments: [userId])
                if let upgraded {
                    try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [upgraded, userId])
                }
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
        if let upgraded { fresh.passwordHash = upgraded }
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
}
