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

    /// Opens (or creates) the database at `databasePath`, `PLANSMITH_DB` or the default place, and
    /// builds every service on it. `configPath` nil: no language models.
    public static func open(databasePath: String?, environment: [String: String], configPath: String?,
                            bus: EventBus = EventBus()) throws -> AppServices {
        let store: Store
        do { store = try Store.open(DatabaseLocation.resolve(explicitPath: databasePath, environment: environment)) }
        catch { throw AppError.from(error) }
        let models = configPath.map { LanguageModels(configPath: $0, environment: environment, usage: store.usage) }
        return live(store: store, bus: bus, models: models)
    }
}
