import Foundation
import LLM
import PlansmithCore
import Store
import Synchronization

/// The long-lived services every screen works through, made once at start-up. Screens capture it
/// in their tasks (it is Sendable); `view` never touches it.
public final class AppContext: Sendable {
    public let store: Store
    /// Critique sessions publish here; the Plan screen subscribes.
    public let bus: EventBus
    /// Where config.toml is (providers, prices, budget).
    public let configPath: String
    /// Providers from config.toml + environment, read on first use (the start screens never need
    /// them, and reading them early costs start-up time and memory); nil when they could not be
    /// read (`llmProblem` says why).
    public var llm: LLMConfiguration? { providers.configuration }
    public var llmProblem: String? { providers.problem }
    private var providers: (configuration: LLMConfiguration?, problem: String?) {
        loadedProviders.withLock { cached in
            if let cached { return cached }
            let loaded: (LLMConfiguration?, String?)
            do { loaded = (try LLMConfiguration.load(configPath: configPath, environment: environment), nil) }
            catch { loaded = (nil, "\(error)") }
            cached = loaded
            return loaded
        }
    }
    private let loadedProviders = Mutex<(configuration: LLMConfiguration?, problem: String?)?>(nil)
    /// Where exports (plan reports, chats) are written.
    public let exportDirectory: String
    public let environment: [String: String]
    private let services = Mutex<[Int64: CritiqueService]>([:])
    private let routers = Mutex<[Int64: LLMRouter]>([:])

    public init(store: Store, configPath: String, environment: [String: String], exportDirectory: String,
                bus: EventBus = EventBus()) {
        self.store = store
        self.bus = bus
        self.configPath = configPath
        self.environment = environment
        self.exportDirectory = exportDirectory
    }

    /// True when at least one provider has a key (or needs none): LLM features are offered.
    public var hasUsableProvider: Bool { llm?.providers.contains(where: \.isUsable) ?? false }

    /// The user's router (one per user, shared by every screen, so the circuit breaker's and the
    /// budget's memory of earlier calls carries across screens); its calls go to the usage log as
    /// this user's.
    public func router(for userId: Int64) -> LLMRouter? {
        guard let llm else { return nil }
        return routers.withLock { map in
            if let router = map[userId] { return router }
            let router = LLMRouter(configuration: llm, recorder: StoreUsageRecorder(store: store, userId: userId))
            map[userId] = router
            return router
        }
    }

    /// One critique service per user, shared by every Plan screen so a running session survives
    /// leaving and re-opening the screen.
    public func critiqueService(for userId: Int64) -> CritiqueService {
        services.withLock { map in
            if let service = map[userId] { return service }
            let service = CritiqueService(bus: bus, sessions: store.planningSessions, userId: userId)
            map[userId] = service
            return service
        }
    }
}

/// The signed-in user and their personal workspace.
public struct UserSession: Sendable, Equatable {
    public var user: User
    public var workspace: Workspace
    public var preferences: Preferences

    public init(user: User, workspace: Workspace, preferences: Preferences) {
        self.user = user
        self.workspace = workspace
        self.preferences = preferences
    }

    public var userId: Int64 { user.id! }
}

/// What `update` may use: the services, who is signed in, and the look.
public struct ScreenEnvironment: Sendable {
    public var app: AppContext
    public var session: UserSession?
    public var look: ViewContext

    public init(app: AppContext, session: UserSession?, look: ViewContext = ViewContext()) {
        self.app = app
        self.session = session
        self.look = look
    }
}
