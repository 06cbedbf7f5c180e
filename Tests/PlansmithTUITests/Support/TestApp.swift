import Foundation
import PlansmithCore
import PlansmithTUI
import Store

/// A real app context over a fresh SQLite file in a temporary directory, with one registered user
/// (cheap password hashing so tests stay fast). Shared by every screen's tests. Screens see only
/// `context.services`; tests may arrange and inspect rows through `store`.
struct TestApp {
    let directory: String
    let store: Store
    let context: AppContext
    let session: UserSession

    /// - Parameters:
    ///   - configText: written as config.toml when given (LLM providers for the fake server).
    ///   - environment: extra environment (API keys, base URLs).
    static func make(configText: String? = nil, environment: [String: String] = [:],
                     email: String = "ada@example.com", password: String = "correct horse") async throws -> TestApp {
        let directory = NSTemporaryDirectory() + "plansmith-tui-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var options = StoreOptions()
        options.passwordCost = .testing
        let store = try Store.open(DatabaseLocation(path: directory + "/plansmith.sqlite", createsDirectory: true),
                                   options: options)
        let configPath = directory + "/config.toml"
        if let configText { try configText.write(toFile: configPath, atomically: true, encoding: .utf8) }
        let services = AppServices.live(store: store,
                                        models: LanguageModels(configPath: configPath, environment: environment, usage: store.usage))
        let context = AppContext(services: services, configPath: configPath, environment: environment,
                                 exportDirectory: directory + "/exports")
        let signedIn = try await services.accounts.register(email: email, password: password)
        return TestApp(directory: directory, store: store, context: context,
                       session: UserSession(account: signedIn.account, workspace: signedIn.workspace, preferences: Preferences()))
    }

    /// What `update` gets: this app's services and its signed-in user.
    var env: ScreenEnvironment { ScreenEnvironment(app: context, session: session) }

    /// The same app with nobody signed in (Landing, Login, Register).
    var signedOutEnv: ScreenEnvironment { ScreenEnvironment(app: context, session: nil) }
}
