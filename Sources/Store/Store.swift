import Foundation

/// The persistence layer in one handle: open it once at start-up and pass its services on.
///
///     let store = try Store.open(DatabaseLocation.resolve(explicitPath: dbFlag))
///     let me = try await store.accounts.ensureLocalUser(email: "me@example.com")
///     let domains = try await store.domains.list(readableBy: me.id!, workspaceId: nil)
///
/// Services are protocols or plain value types over `StoreDatabase`; nothing here exposes
/// SQLite to callers, so a PostgreSQL implementation can replace the repositories later.
public final class Store: Sendable {
    public let database: StoreDatabase
    public let clock: any StoreClock
    public let accounts: AccountService
    public let domains: any DomainRepository
    public let workspaces: any WorkspaceRepository
    public let apiKeys: APIKeyService
    public let usage: any UsageLog
    public let planningSessions: any PlanningSessionRepository
    public let chats: any ChatRepository

    init(database: StoreDatabase, options: StoreOptions) {
        self.database = database
        self.clock = options.clock
        accounts = AccountService(database: database, clock: options.clock,
                                  hasher: PasswordHasher(cost: options.passwordCost))
        domains = SQLiteDomainRepository(database: database, clock: options.clock)
        workspaces = SQLiteWorkspaceRepository(database: database, clock: options.clock)
        apiKeys = APIKeyService(database: database, clock: options.clock)
        usage = SQLiteUsageLog(database: database)
        planningSessions = SQLitePlanningSessionRepository(database: database, clock: options.clock,
                                                           owner: options.sessionOwner)
        chats = SQLiteChatRepository(database: database, clock: options.clock)
    }

    /// Opens or creates the database (see `StoreDatabase.open`).
    public static func open(_ location: DatabaseLocation, options: StoreOptions = StoreOptions()) throws -> Store {
        if location.isPostgres {
            // The repositories run on PostgreSQL (`PostgresStore`), but accounts, API keys and the
            // rate limiter do not yet: say so rather than treat the URL as a file name.
            let shown = (try? PostgresLocation(url: location.path).description) ?? "the postgres:// URL"
            throw StoreError.cannotOpen(path: shown, reason: "the app, the CLI and the server cannot use PostgreSQL yet "
                                        + "(accounts and API keys are SQLite-only); use a SQLite file")
        }
        return Store(database: try StoreDatabase.open(at: location, options: options), options: options)
    }

    /// Where the database file is.
    public var path: String { database.path }
}
