import Foundation

/// The persistence layer in one handle: open it once at start-up and pass its services on.
///
///     let store = try await Store.connect(DatabaseLocation.resolve(explicitPath: dbFlag))
///     let me = try await store.accounts.ensureLocalUser(email: "me@example.com")
///     let domains = try await store.domains.list(readableBy: me.id!, workspaceId: nil)
///
/// Every service is a protocol with a SQLite and a PostgreSQL implementation; which one runs
/// follows the location (a file, or a `postgres://` URL). Nothing here exposes either database
/// to callers, except `database` for the SQLite-only tools (integrity check, checkpoint, copy).
public final class Store: Sendable {
    public let backend: StoreBackend
    public let clock: any StoreClock
    public let accounts: any AccountsAndWorkspaces
    public let domains: any DomainRepository
    public let workspaces: any WorkspaceRepository
    public let apiKeys: any APIKeyRepository
    public let usage: any UsageLog
    public let planningSessions: any PlanningSessionRepository
    public let chats: any ChatRepository

    init(database: StoreDatabase, options: StoreOptions) {
        backend = .sqlite(database)
        clock = options.clock
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

    init(postgres database: PostgresStoreDatabase, options: StoreOptions) {
        backend = .postgres(database)
        clock = options.clock
        accounts = PostgresAccountRepository(database: database, clock: options.clock,
                                             hasher: PasswordHasher(cost: options.passwordCost))
        domains = PostgresDomainRepository(database: database, clock: options.clock)
        workspaces = PostgresWorkspaceRepository(database: database, clock: options.clock)
        apiKeys = PostgresAPIKeyRepository(database: database, clock: options.clock)
        usage = PostgresUsageLog(database: database)
        planningSessions = PostgresPlanningSessionRepository(database: database, clock: options.clock,
                                                             owner: options.sessionOwner)
        chats = PostgresChatRepository(database: database, clock: options.clock)
    }

    /// Opens the database wherever it is: a SQLite file (see `StoreDatabase.open`), or a
    /// PostgreSQL database named by a `postgres://` URL (connected and migrated, see
    /// `PostgresStoreDatabase.open`).
    public static func connect(_ location: DatabaseLocation, options: StoreOptions = StoreOptions()) async throws -> Store {
        guard location.isPostgres else { return try open(location, options: options) }
        let postgres = try PostgresLocation(url: location.path)
        return Store(postgres: try await PostgresStoreDatabase.open(postgres), options: options)
    }

    /// Opens or creates a SQLite database file (see `StoreDatabase.open`), without suspending.
    /// A `postgres://` URL needs `connect`, which can wait for the server.
    public static func open(_ location: DatabaseLocation, options: StoreOptions = StoreOptions()) throws -> Store {
        if location.isPostgres {
            let shown = (try? PostgresLocation(url: location.path).description) ?? "the postgres:// URL"
            // Reached by SQLite-only paths (the source of `db migrate`, benchmarks); `connect` takes URLs.
            throw StoreError.cannotOpen(path: shown, reason: "this needs a SQLite database file, not a PostgreSQL URL")
        }
        return Store(database: try StoreDatabase.open(at: location, options: options), options: options)
    }

    /// The SQLite database, for tools that only exist there (integrity check, checkpoint, the
    /// copy to PostgreSQL); on PostgreSQL this throws rather than pretend.
    public var database: StoreDatabase {
        get throws {
            guard case .sqlite(let database) = backend else {
                throw StoreError.invalidInput("this needs a SQLite database; \(path) is PostgreSQL")
            }
            return database
        }
    }

    /// True when the store runs on PostgreSQL.
    public var isPostgres: Bool {
        if case .postgres = backend { return true }
        return false
    }

    /// Where the data is: the database file, or the PostgreSQL URL without its password.
    public var path: String {
        switch backend {
        case .sqlite(let database): database.path
        case .postgres(let database): database.location.description
        }
    }

    /// Closes the connections (the SQLite pool, or the PostgreSQL pool's task); further use throws.
    public func close() {
        switch backend {
        case .sqlite(let database): try? database.close()
        case .postgres(let database): database.close()
        }
    }
}

/// Which database a `Store` runs on.
public enum StoreBackend: Sendable {
    case sqlite(StoreDatabase)
    case postgres(PostgresStoreDatabase)
}
