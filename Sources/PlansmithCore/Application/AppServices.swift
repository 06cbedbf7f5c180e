import Foundation
import Store

/// The application layer in one value: what the TUI's screens, the command line and the server
/// work through. Each member is a protocol, so tests can put in-memory fakes in its place.
public struct AppServices: Sendable {
    public var accounts: any AccountsService
    public var domains: any DomainService
    public var workspaces: any WorkspaceService
    public var planning: any PlanningService
    public var critique: any CritiqueSessions
    public var chats: any ChatService
    public var keys: any KeysService
    public var analytics: any AnalyticsService
    /// Language-model providers (read on first use).
    public var models: LanguageModels?

    public init(accounts: any AccountsService, domains: any DomainService, workspaces: any WorkspaceService, planning: any PlanningService = LocalPlanning(),
                critique: any CritiqueSessions, chats: any ChatService, keys: any KeysService, analytics: any AnalyticsService,
                models: LanguageModels?) {
        self.accounts = accounts; self.domains = domains; self.workspaces = workspaces; self.planning = planning; self.critique = critique
        self.chats = chats; self.keys = keys; self.analytics = analytics; self.models = models
    }

    /// Every service over one Store.
    public static func live(store: Store, bus: EventBus = EventBus(), models: LanguageModels?) -> AppServices {
        let planning = LocalPlanning()
        return AppServices(accounts: StoreAccounts(store: store), domains: StoreDomainService(store: store),
                           workspaces: StoreWorkspaces(store: store), planning: planning,
                           critique: StoreCritiqueSessions(store: store, bus: bus, planning: planning, models: models),
                           chats: StoreChats(store: store, models: models), keys: StoreKeys(store: store),
                           analytics: StoreAnalytics(store: store), models: models)
    }

    /// Opens (or creates) the database at `databasePath`, `PLANSMITH_DB` or the default place — a
    /// SQLite file or a `postgres://` URL — and builds every service on it. `configPath` nil: no
    /// language models.
    public static func open(databasePath: String?, environment: [String: String], configPath: String?,
                            bus: EventBus = EventBus()) async throws -> AppServices {
        let store = try await connectStore(databasePath: databasePath, environment: environment)
        return live(store: store, bus: bus, models: models(configPath: configPath, environment: environment, store: store))
    }

    /// The store `open` builds on, for callers that also need the store itself (the server picks
    /// its rate limiter by backend).
    public static func connectStore(databasePath: String?, environment: [String: String]) async throws -> Store {
        do { return try await Store.connect(DatabaseLocation.resolve(explicitPath: databasePath, environment: environment)) }
        catch { throw AppError.from(error) }
    }

    /// The language models configured at `configPath` (nil: none), recording usage in the store.
    public static func models(configPath: String?, environment: [String: String], store: Store) -> LanguageModels? {
        configPath.map { LanguageModels(configPath: $0, environment: environment, usage: store.usage) }
    }
}
