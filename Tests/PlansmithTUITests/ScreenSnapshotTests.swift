import Foundation
import PlansmithCore
@testable import PlansmithTUI
import TerminalUI
import Testing

/// Every screen drawn at 80×24 over the in-memory fakes (fixed ids and dates), compared with
/// `Snapshots/<screen>-80x24.txt`. A change in what a user sees shows up as a diff to review.
@Suite("Screen snapshots at 80×24")
@MainActor
struct ScreenSnapshotTests {
    /// One fixed directory, so the config path Settings shows is the same on every run.
    static let directory = "/tmp/plansmith-snapshots"

    func app() async throws -> FakeApp { try await FakeApp.make(directory: Self.directory) }

    /// The screen once its tasks are done (or `until` holds).
    func driver<S: Screen>(_ screen: S.Type, _ start: (state: S.State, command: Command<S.Msg>), env: ScreenEnvironment,
                           until condition: ((S.State) -> Bool)? = nil) async -> ScreenDriver<S> {
        let d = ScreenDriver(screen, state: start.state, command: start.command, env: env)
        #expect(await d.settle(until: condition))
        return d
    }

    /// Blocksworld and gripper copied into the user's workspace; returns blocksworld's id.
    func copyTemplates(_ app: FakeApp) async throws -> Int64 {
        let catalog = await app.domains.catalog(userId: app.session.userId)
        var blocks: Int64 = 0
        for name in ["blocksworld", "gripper"] {
            let template = try #require(catalog.templates.first { $0.name == name })
            let copy = try await app.domains.copy(template.id, into: app.session.workspace.id, as: nil, userId: app.session.userId)
            if name == "blocksworld" { blocks = copy.id }
        }
        return blocks
    }

    @Test("Landing, signed out: the pitch and the way in")
    func landingSignedOut() async throws {
        let app = try await app()
        let d = await driver(LandingScreen.self, LandingScreen.start(env: app.signedOutEnv), env: app.signedOutEnv)
        assertSnapshot(d.render(width: 80, height: 24), named: "landing-signed-out-80x24")
    }

    @Test("Landing, signed in: recent domains and sessions")
    func landingSignedIn() async throws {
        let app = try await app()
        let blocks = try await copyTemplates(app)
        try await SnapshotData.sessions(app, domainId: blocks)
        let d = await driver(LandingScreen.self, LandingScreen.start(env: app.env), env: app.env)
        assertSnapshot(d.render(width: 80, height: 24), named: "landing-signed-in-80x24")
    }

    @Test("Login and Register forms")
    func authForms() async throws {
        let app = try await app()
        let login = await driver(AuthScreen.self, AuthScreen.start(mode: .login, env: app.signedOutEnv), env: app.signedOutEnv)
        login.type("ada@example.com")
        login.press(.tab)
        login.type("secret")
        assertSnapshot(login.render(width: 80, height: 24), named: "login-80x24")
        let register = await driver(AuthScreen.self, AuthScreen.start(mode: .register, env: app.signedOutEnv), env: app.signedOutEnv)
        register.type("grace@example.com")
        assertSnapshot(register.render(width: 80, height: 24), named: "register-80x24")
    }

    @Test("Dashboard with domains, templates and sessions")
    func dashboard() async throws {
        let app = try await app()
        let blocks = try await copyTemplates(app)
        try await SnapshotData.sessions(app, domainId: blocks)
        let d = await driver(DashboardScreen.self, DashboardScreen.start(env: app.env), env: app.env)
        assertSnapshot(d.render(width: 80, height: 24), named: "dashboard-80x24")
    }

    @Test("Domain: the blocksworld template's text and the checks panel")
    func domain() async throws {
        let app = try await app()
        let blocks = try await copyTemplates(app)
        let d = await driver(DomainScreen.self, DomainScreen.start(domainId: blocks, env: app.env), env: app.env,
                             until: { $0.phase != .loading && !$0.isValidating })
        #expect(d.state.phase == .ready)
        assertSnapshot(d.render(width: 80, height: 24), named: "domain-80x24")
    }

    @Test("Plan: a stored session with two rounds")
    func plan() async throws {
        let app = try await app()
        let blocks = try await copyTemplates(app)
        let id = try await SnapshotData.sessions(app, domainId: blocks)
        let d = await driver(PlanScreen.self, PlanScreen.start(target: .session(id: id), env: app.env), env: app.env)
        #expect(d.state.loaded && d.state.status == .completed)
        #expect(d.state.board.rounds.count == 2)
        assertSnapshot(d.render(width: 80, height: 24), named: "plan-80x24")
    }

    @Test("Analytics with a week of usage and the critic table")
    func analytics() async throws {
        let app = try await app()
        await SnapshotData.analytics(app)
        let d = await driver(AnalyticsScreen.self, AnalyticsScreen.start(env: app.env), env: app.env)
        #expect(d.state.report?.summary.requests == 42)
        assertSnapshot(d.render(width: 80, height: 24), named: "analytics-80x24")
    }

    @Test("API Keys: the list, and a new key's secret shown once")
    func apiKeys() async throws {
        let app = try await app()
        let userId = app.session.userId
        _ = try await app.keys.add(name: "laptop", userId: userId)
        let ci = try await app.keys.add(name: "ci-server", rateLimit: 120, expiresAt: FakeClock.epoch.addingTimeInterval(30 * 86_400),
                                        userId: userId)
        _ = try await app.keys.add(name: "old-demo", rateLimit: 5, expiresAt: FakeClock.epoch.addingTimeInterval(-86_400), userId: userId)
        try await app.keys.revoke(ci.key.id, userId: userId)
        // Some API traffic on two keys within the last 24 hours, one request of it failed.
        let hour = FakeClock.epoch.addingTimeInterval(-3_600)
        await app.analytics.record((0..<1_204).map { i in
            UsageEntry(userId: userId, apiKeyId: i < 1_200 ? 1 : ci.key.id, endpoint: "/v1/validate", method: "POST",
                       statusCode: i == 7 ? 500 : 200, latencyMs: 3, createdAt: hour)
        })
        let d = await driver(APIKeysScreen.self, APIKeysScreen.start(env: app.env), env: app.env)
        assertSnapshot(d.render(width: 80, height: 24), named: "apikeys-80x24")
        d.press(.char("n"))
        d.type("build-bot")
        d.press(.enter)
        #expect(await d.settle(until: { $0.secret != nil }))
        assertSnapshot(d.render(width: 80, height: 24), named: "apikeys-secret-80x24")
    }

    @Test("Settings with the default preferences")
    func settings() async throws {
        let app = try await app()
        let d = await driver(SettingsScreen.self, SettingsScreen.start(env: app.env), env: app.env)
        assertSnapshot(d.render(width: 80, height: 24), named: "settings-80x24")
    }

    @Test("Workspaces: the switcher and a team's members, seen by its owner")
    func workspaces() async throws {
        let app = try await app()
        let team = try await app.workspaces.create(named: "Team", userId: app.session.userId)
        _ = try await app.accounts.register(email: "bob@example.com", password: "another horse")
        _ = try await app.workspaces.invite(email: "bob@example.com", role: .editor, to: team.id, userId: app.session.userId)
        _ = try await app.workspaces.invite(email: "carol@example.com", role: .viewer, to: team.id, userId: app.session.userId)
        let d = await driver(WorkspacesScreen.self, WorkspacesScreen.start(env: app.env), env: app.env,
                             until: { !$0.loading && $0.roster != nil })
        d.press(.down)
        #expect(await d.settle(until: { $0.roster?.workspace.id == team.id }))
        assertSnapshot(d.render(width: 80, height: 24), named: "workspaces-80x24")
    }
}
