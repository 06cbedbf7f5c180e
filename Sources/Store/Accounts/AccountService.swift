import Foundation
import GRDB

/// `AccountRepository` on SQLite: registration, login with back-off, the single local user; and
/// (AccountService+Workspaces.swift) workspaces.
public struct AccountService: Sendable {
    let database: StoreDatabase
    let clock: any StoreClock
    let hasher: PasswordHasher
    /// Failed logins allowed before the back-off starts.
    public static let freeAttempts = 3
    /// The longest wait imposed after repeated failures.
    public static let maximumBackoff: TimeInterval = 15 * 60

    init(database: StoreDatabase, clock: any StoreClock, hasher: PasswordHasher) {
        self.database = database
        self.clock = clock
        self.hasher = hasher
    }

    /// Creates a user with a password and a personal workspace they own.
    public func register(email: String, password: String) async throws -> User {
        let email = try Self.validated(email: email)
        try AccountRules.validatedPassword(password)
        // Hash outside the write transaction: scrypt takes ~0.3 s and must not hold the write lock.
        let hash = try hasher.hash(password)
        let now = clock.now()
        return try await database.write { db in
            try Self.insertUser(email: email, passwordHash: hash, now: now, db)
        }
    }

    /// The first-run path: the one local user, identified by an email only. Returns the existing
    /// user when one with this email exists. Local use is protected by the file's 0600 mode.
    public func ensureLocalUser(email: String) async throws -> User {
        let email = try Self.validated(email: email)
        let now = clock.now()
        return try await database.write { db in
            if let existing = try User.all().filter(email: email).fetchOne(db) { return existing }
            return try Self.insertUser(email: email, passwordHash: nil, now: now, db)
        }
    }

    /// True once any account exists (the first-run screen offers registering first otherwise).
    public func hasAnyUser() async throws -> Bool {
        try await database.read { db in try User.fetchCount(db) > 0 }
    }

    /// The local user if first run has happened: the earliest user without a password.
    public func localUser() async throws -> User? {
        try await database.read { db in
            try User.filter(sql: "password_hash IS NULL").order(User.Columns.id).fetchOne(db)
        }
    }

    /// Sets or replaces a user's password.
    public func setPassword(userId: Int64, password: String) async throws {
        try AccountRules.validatedPassword(password)
        let hash = try hasher.hash(password)
        try await database.write { db in
            guard var user = try User.fetchOne(db, key: userId) else { throw StoreError.notFound("user \(userId)") }
            user.passwordHash = hash
            user.failedLoginCount = 0
            try user.update(db)
        }
    }

    /// Replaces the user's preferences with a JSON object (the caller's own encoding).
    public func setPreferences(userId: Int64, json: String) async throws {
        try AccountRules.validatedPreferences(json)
        try await database.write { db in
            try db.execute(sql: "UPDATE users SET preferences = ? WHERE id = ?", arguments: [json, userId])
            guard db.changesCount == 1 else { throw StoreError.notFound("user \(userId)") }
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await database.read { db in try User.fetchOne(db, key: id) }
    }

    public func user(email: String) async throws -> User? {
        try await database.read { db in try User.all().filter(email: email).fetchOne(db) }
    }

    static func validated(email: String) throws -> String {
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, trimmed.count <= 320,
              !trimmed.contains(where: \.isWhitespace)
        else { throw StoreError.invalidInput("'\(email)' is not an email address") }
        return trimmed
    }

    private static func insertUser(email: String, passwordHash: String?, now: Date, _ db: Database) throws -> User {
        if try User.all().filter(email: email).fetchCount(db) > 0 {
            throw AccountRules.duplicate(email)
        }
        var user = User(id: nil, email: email, passwordHash: passwordHash, preferences: "{}",
                        failedLoginCount: 0, lastFailedLoginAt: nil, createdAt: now)
        try user.insert(db)
        var workspace = Workspace(id: nil, ownerId: user.id!, name: "Personal", createdAt: now)
        try workspace.insert(db)
        try WorkspaceMember(workspaceId: workspace.id!, userId: user.id!, role: .owner).insert(db)
        return user
    }
}
