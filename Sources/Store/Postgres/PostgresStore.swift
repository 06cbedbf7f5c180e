import Foundation
import PostgresNIO

/// The repositories on a PostgreSQL database, typed as the same protocols as `Store`'s, so code
/// written against `any DomainRepository` etc. runs on either backend.
///
///     let pg = try await PostgresStore.open(PostgresLocation(url: "postgres://me@localhost/plansmith"))
///     let domains = try await pg.domains.list(readableBy: userId, workspaceId: nil)
///
/// The app, the CLI and the server use `Store.connect(postgres://…)`, which also brings
/// accounts, API keys and the shared rate limiter; this type is the repositories alone, for tests
/// and tools.
public final class PostgresStore: Sendable {
    public let database: PostgresStoreDatabase
    public let clock: any StoreClock
    public let domains: any DomainRepository
    public let workspaces: any WorkspaceRepository
    public let usage: any UsageLog
    public let planningSessions: any PlanningSessionRepository
    public let chats: any ChatRepository
    let accounts: PostgresAccounts

    init(database: PostgresStoreDatabase, options: StoreOptions) {
        self.database = database
        clock = options.clock
        domains = PostgresDomainRepository(database: database, clock: options.clock)
        workspaces = PostgresWorkspaceRepository(database: database, clock: options.clock)
        usage = PostgresUsageLog(database: database)
        planningSessions = PostgresPlanningSessionRepository(database: database, clock: options.clock,
                                                             owner: options.sessionOwner)
        chats = PostgresChatRepository(database: database, clock: options.clock)
        accounts = PostgresAccounts(database: database, clock: options.clock)
    }

    /// Connects and migrates (see `PostgresStoreDatabase.open`).
    public static func open(_ location: PostgresLocation, options: StoreOptions = StoreOptions()) async throws -> PostgresStore {
        PostgresStore(database: try await PostgresStoreDatabase.open(location), options: options)
    }

    public func close() { database.close() }
}

/// The part of accounts the repositories' rules rest on: users, personal workspaces and
/// membership. A first piece of a PostgreSQL `AccountService` (no passwords or login yet).
struct PostgresAccounts: Sendable {
    let database: PostgresStoreDatabase
    let clock: any StoreClock

    /// A user without a password and their personal workspace (owner), as `ensureLocalUser` makes.
    func createUser(email: String) async throws -> (userId: Int64, workspaceId: Int64) {
        let email = try AccountService.validated(email: email)
        let now = PostgresDate.rounded(clock.now())
        let database = database
        return try await database.transaction { c in
            let user = try await c.rows("""
                INSERT INTO users (email, password_hash, preferences, failed_login_count, created_at)
                VALUES (\(email), NULL, '{}', 0, \(now)) RETURNING id
                """, database.logger)[0].value("id", as: Int64.self)
            let workspace = try await c.rows("""
                INSERT INTO workspaces (owner_id, name, created_at) VALUES (\(user), 'Personal', \(now)) RETURNING id
                """, database.logger)[0].value("id", as: Int64.self)
            try await c.query("""
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (\(workspace), \(user), 'owner')
                """, logger: database.logger)
            return (user, workspace)
        }
    }

    /// Adds or changes a member (no owner check here: callers are tests and set-up code).
    func setMember(_ userId: Int64, role: WorkspaceRole, in workspaceId: Int64) async throws {
        try await database.transaction { c in
            try await c.query("""
                INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (\(workspaceId), \(userId), \(role.rawValue))
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role
                """, logger: database.logger)
        }
    }
}
