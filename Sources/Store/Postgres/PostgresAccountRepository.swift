import Foundation
import PostgresNIO

/// `AccountRepository` on PostgreSQL, with the same rules as `AccountService`: the back-off
/// schedule (`AccountService.backoffRemaining`), one scrypt run for every refusal, hashes made
/// outside transactions, and emails compared without regard to case (the unique index is on
/// `lower(email)`).
struct PostgresAccountRepository: AccountRepository {
    let database: PostgresStoreDatabase
    let clock: any StoreClock
    let hasher: PasswordHasher

    static let columns = "id, email, password_hash, preferences, failed_login_count, last_failed_login_at, created_at"

    func register(email: String, password: String) async throws -> User {
        let email = try AccountService.validated(email: email)
        try AccountRules.validatedPassword(password)
        let hash = try hasher.hash(password)  // ~0.3 s of scrypt: before the transaction, not inside it
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            try await Self.insertUser(email: email, passwordHash: hash, now: now, c, database)
        }
    }

    /// The flow of `AccountService.login`, step for step (see there for why each refusal looks
    /// and costs the same).
    func login(email: String, password: String) async throws -> User {
        let now = clock.now()
        guard let user = try await user(email: email), let hash = user.passwordHash else {
            hasher.verifyNothing(password)
            throw StoreError.invalidCredentials
        }
        if AccountService.backoffRemaining(for: user, now: now) != nil {
            hasher.verifyNothing(password)
            throw StoreError.invalidCredentials
        }
        let matches = hasher.verify(password, against: hash)
        let upgraded = matches && (PasswordHasher.cost(of: hash)?.isWeaker(than: hasher.cost) ?? false)
            ? try? hasher.hash(password) : nil
        let userId = user.id!
        if matches {
            _ = try await database.rows("""
                UPDATE users SET failed_login_count = 0, last_failed_login_at = NULL,
                                 password_hash = COALESCE(\(upgraded), password_hash)
                WHERE id = \(userId)
                """)
        } else {
            // One statement: concurrent failures each count (no read-modify-write race).
            _ = try await database.rows("""
                UPDATE users SET failed_login_count = failed_login_count + 1,
                                 last_failed_login_at = \(PostgresDate.rounded(now))
                WHERE id = \(userId)
                """)
            throw StoreError.invalidCredentials
        }
        var fresh = user
        fresh.failedLoginCount = 0
        fresh.lastFailedLoginAt = nil
        if let upgraded { fresh.passwordHash = upgraded }
        return fresh
    }

    func ensureLocalUser(email: String) async throws -> User {
        let email = try AccountService.validated(email: email)
        if let existing = try await user(email: email) { return existing }
        let now = PostgresDate.rounded(clock.now())
        let database = database
        do {
            return try await database.transaction { c in
                try await Self.insertUser(email: email, passwordHash: nil, now: now, c, database)
            }
        } catch StoreError.conflict(let message) {
            // Another process created it between the look-up and the insert: that one is the user.
            if let existing = try await user(email: email) { return existing }
            throw StoreError.conflict(message)
        }
    }

    func hasAnyUser() async throws -> Bool {
        try await !database.rows("SELECT 1 AS one FROM users LIMIT 1").isEmpty
    }

    func localUser() async throws -> User? {
        try await database.rows("""
            SELECT \(unescaped: Self.columns) FROM users WHERE password_hash IS NULL ORDER BY id LIMIT 1
            """).map(Self.user).first
    }

    func setPassword(userId: Int64, password: String) async throws {
        try AccountRules.validatedPassword(password)
        let hash = try hasher.hash(password)
        let updated = try await database.rows("""
            UPDATE users SET password_hash = \(hash), failed_login_count = 0 WHERE id = \(userId) RETURNING id
            """)
        guard !updated.isEmpty else { throw StoreError.notFound("user \(userId)") }
    }

    func setPreferences(userId: Int64, json: String) async throws {
        try AccountRules.validatedPreferences(json)
        let updated = try await database.rows("UPDATE users SET preferences = \(json) WHERE id = \(userId) RETURNING id")
        guard !updated.isEmpty else { throw StoreError.notFound("user \(userId)") }
    }

    func user(id: Int64) async throws -> User? {
        try await database.rows("SELECT \(unescaped: Self.columns) FROM users WHERE id = \(id)").map(Self.user).first
    }

    func user(email: String) async throws -> User? {
        try await database.rows("""
            SELECT \(unescaped: Self.columns) FROM users WHERE lower(email) = lower(\(email)) ORDER BY id LIMIT 1
            """).map(Self.user).first
    }

    // MARK: - Helpers run inside transactions

    /// The user, their personal workspace and the owner membership, in the caller's transaction.
    static func insertUser(email: String, passwordHash: String?, now: Date, _ c: PostgresConnection,
                           _ database: PostgresStoreDatabase) async throws -> User {
        let clash = try await c.rows("SELECT 1 AS one FROM users WHERE lower(email) = lower(\(email))", database.logger)
        guard clash.isEmpty else { throw AccountRules.duplicate(email) }
        let user: User
        do {
            user = try await c.rows("""
                INSERT INTO users (email, password_hash, preferences, failed_login_count, created_at)
                VALUES (\(email), \(passwordHash), '{}', 0, \(now)) RETURNING \(unescaped: columns)
                """, database.logger).map(Self.user)[0]
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            throw AccountRules.duplicate(email)  // registered by someone else since the check above
        }
        let workspace = try await c.rows("""
            INSERT INTO workspaces (owner_id, name, created_at) VALUES (\(user.id!), 'Personal', \(now)) RETURNING id
            """, database.logger)[0].value("id", as: Int64.self)
        try await c.query("""
            INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (\(workspace), \(user.id!), 'owner')
            """, logger: database.logger)
        return user
    }

    static func user(_ row: PostgresRandomAccessRow) throws -> User {
        User(id: try row.value("id"), email: try row.value("email"), passwordHash: try row.value("password_hash"),
             preferences: try row.value("preferences"), failedLoginCount: try row.value("failed_login_count"),
             lastFailedLoginAt: try row.value("last_failed_login_at"), createdAt: try row.value("created_at"))
    }
}
