import Foundation
import PlansmithCore

/// The long-lived services every screen works through, made once at start-up. Screens capture it
/// in their tasks (it is Sendable); `view` never touches it. Screens reach data only through
/// `services` (PlansmithCore's application layer), never a database.
public final class AppContext: Sendable {
    public let services: AppServices
    /// Where config.toml is (providers, prices, budget).
    public let configPath: String
    /// Where exports (plan reports, chats) are written.
    public let exportDirectory: String
    public let environment: [String: String]

    public init(services: AppServices, configPath: String, environment: [String: String], exportDirectory: String) {
        self.services = services
        self.configPath = configPath
        self.environment = environment
        self.exportDirectory = exportDirectory
    }

    /// Critique sessions publish here; the Plan screen subscribes.
    public var bus: EventBus { services.critique.bus }
    /// Providers from config.toml + environment, read on first use (empty when they could not be
    /// read: `llmProblem` says why).
    public var providers: [ProviderInfo] { services.models?.providers ?? [] }
    public var llmProblem: String? { services.models?.problem }
    /// True when at least one provider has a key (or needs none): LLM features are offered.
    public var hasUsableProvider: Bool { services.models?.hasUsableProvider ?? false }
}

/// The signed-in user and the workspace they work in (the personal one until they switch).
public struct UserSession: Sendable, Equatable {
    public var account: Account
    public var workspace: WorkspaceInfo
    public var preferences: Preferences

    public init(account: Account, workspace: WorkspaceInfo, preferences: Preferences) {
        self.account = account
        self.workspace = workspace
        self.preferences = preferences
    }

    public init(_ signedIn: SignedIn) {
        self.init(account: signedIn.account, workspace: signedIn.workspace,
                  preferences: PreferencesCodec.decode(signedIn.account.preferences))
    }

    public var userId: Int64 { account.id }
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

    public var services: AppServices { app.services }
}
