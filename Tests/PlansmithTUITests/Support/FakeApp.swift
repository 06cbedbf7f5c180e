import Foundation
import PlansmithCore
import PlansmithTUI

/// Fixed dates for the fakes, so snapshots never change: the epoch, then one minute per write.
struct FakeClock: Sendable {
    /// 2026-11-20 09:30:00 UTC.
    static let epoch = Date(timeIntervalSince1970: 1_795_167_000)
    private var writes = 0

    /// Dates on screen are local time: one zone for every run, so snapshots match on any machine.
    /// Set once (a lazy static runs exactly once), not by every test: `setenv` is not safe while
    /// other threads read the environment.
    static let useUTC: Void = {
        setenv("TZ", "UTC", 1)
        tzset()
    }()

    mutating func tick() -> Date {
        writes += 1
        return Self.epoch.addingTimeInterval(Double(writes) * 60)
    }
}

/// An app context over in-memory fakes of the application services (and the real, pure
/// `LocalPlanning`), with one registered user: for screen tests that need data, not persistence.
/// Like `TestApp`, but tests arrange and inspect data through the fakes instead of SQLite.
struct FakeApp {
    let directory: String
    let context: AppContext
    var session: UserSession
    let accounts: FakeAccounts
    let domains: FakeDomains
    let workspaces: FakeWorkspaces
    let sessions: FakeCritiqueSessions
    let chats: FakeChats
    let keys: FakeKeys
    let analytics: FakeAnalytics

    /// - Parameters:
    ///   - configText: written as config.toml when given (providers, budget).
    ///   - environment: extra environment (provider keys).
    ///   - directory: where config.toml and exports go; nil: a new temporary directory.
    static func make(configText: String? = nil, environment: [String: String] = [:],
                     email: String = "ada@example.com", password: String = "correct horse",
                     directory: String? = nil) async throws -> FakeApp {
        _ = FakeClock.useUTC
        // A real directory for config.toml, themes and exports (no database): a fresh one unless the
        // caller needs a fixed path (snapshots show it).
        let directory = directory ?? NSTemporaryDirectory() + "plansmith-fake-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let configPath = directory + "/config.toml"
        if let configText { try configText.write(toFile: configPath, atomically: true, encoding: .utf8) }
        let memberships = FakeMemberships()
        let accounts = FakeAccounts(), domains = FakeDomains(memberships: memberships), sessions = FakeCritiqueSessions(), chats = FakeChats()
        let workspaces = FakeWorkspaces(accounts: accounts, memberships: memberships)
        let keys = FakeKeys(), analytics = FakeAnalytics()
        let services = AppServices(accounts: accounts, domains: domains, workspaces: workspaces, planning: LocalPlanning(), critique: sessions, chats: chats,
                                   keys: keys, analytics: analytics,
                                   models: LanguageModels(configPath: configPath, environment: environment, usage: nil))
        let context = AppContext(services: services, configPath: configPath, environment: environment,
                                 exportDirectory: directory + "/exports")
        let signedIn = try await accounts.register(email: email, password: password)
        return FakeApp(directory: directory, context: context, session: UserSession(signedIn), accounts: accounts, domains: domains,
                       workspaces: workspaces, sessions: sessions, chats: chats, keys: keys, analytics: analytics)
    }

    /// What `update` gets: these services and the signed-in user.
    var env: ScreenEnvironment { ScreenEnvironment(app: context, session: session) }

    /// The same app with nobody signed in (Landing, Login, Register).
    var signedOutEnv: ScreenEnvironment { ScreenEnvironment(app: context, session: nil) }

    /// The same app with the user's preferences replaced (as the shell does after Settings saves).
    func with(preferences: Preferences) -> FakeApp {
        var copy = self
        copy.session.preferences = preferences
        return copy
    }
}
