import Foundation
@testable import PlansmithTUI
import Store
import TerminalUI
import Testing

/// The shell's routing, driven through `AppShell.update` like the runner does (commands are not
/// run here: these tests are about where input goes and what the stack looks like).
@Suite("App shell")
@MainActor
struct AppShellTests {
    func startedShell(_ app: TestApp, signedIn: Bool) -> AppState {
        var (state, _) = AppShell.start(AppState(context: app.context, look: ViewContext()))
        if signedIn { _ = AppShell.carryOut(&state, .signedIn(app.session)) }
        return state
    }

    func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = AppShell.update(&state, .input(.key(key))) }
    }

    @Test("starts on Landing; screens that need an account send a signed-out user to Login")
    func signedOutRouting() async throws {
        let app = try await TestApp.make()
        var state = startedShell(app, signedIn: false)
        #expect(state.route == .landing)
        _ = AppShell.carryOut(&state, .navigate(.analytics))
        #expect(state.route == .login)
    }

    @Test("Esc goes back one screen; the screen below keeps its state (a half-typed name survives)")
    func escGoesBack() async throws {
        let app = try await TestApp.make()
        var state = startedShell(app, signedIn: true)
        #expect(state.route == .dashboard)
        press(&state, .char("n"), .char("a"), .char("b"))
        _ = AppShell.carryOut(&state, .navigate(.login))   // any other screen on top
        #expect(state.stack.count == 2)
        press(&state, .escape)
        #expect(state.route == .dashboard)
        let dashboard = try #require(state.top as? Mounted<DashboardScreen>)
        #expect(dashboard.state.newName?.text == "ab")
        press(&state, .escape)   // closes the prompt (the screen's own Esc first) …
        #expect(state.route == .dashboard)
        #expect((state.top as? Mounted<DashboardScreen>)?.state.newName == nil)
    }

    /// Runs a command's tasks (not its timers) and returns the messages they produce.
    func messages(of command: Command<AppMsg>) async -> [AppMsg] {
        var works: [@Sendable () async -> AppMsg?] = []
        command.visit(task: { works.append($0) })
        var produced: [AppMsg] = []
        for work in works { if let msg = await work() { produced.append(msg) } }
        return produced
    }

    @Test("back on the Dashboard its lists reload: a session started meanwhile shows without pressing r")
    func dashboardReloadsWhenBackOnTop() async throws {
        let app = try await TestApp.make()
        var state = startedShell(app, signedIn: true)
        for msg in await messages(of: AppShell.start(state).1) { _ = AppShell.update(&state, msg) }
        _ = AppShell.carryOut(&state, .navigate(.analytics))
        // Meanwhile a critique session is stored (as the Plan screen would).
        let domainId = try #require(try await app.context.services.domains.catalog(userId: app.session.userId).templates.first?.id)
        let copy = try await app.context.services.domains.copy(domainId, into: app.session.workspace.id, as: "mine",
                                                               userId: app.session.userId)
        _ = try await app.store.planningSessions.create(userId: app.session.userId, domainId: copy.id, maxIterations: 3, config: "{}")
        let back = AppShell.update(&state, .input(.key(.escape)))
        #expect(state.route == .dashboard)
        let reload = await messages(of: back)
        #expect(reload.count == 1, "the Dashboard asks for a reload when it is on top again")
        for msg in reload {
            for loaded in await messages(of: AppShell.update(&state, msg)) { _ = AppShell.update(&state, loaded) }
        }
        let dashboard = try #require(state.top as? Mounted<DashboardScreen>)
        #expect(dashboard.state.data.sessions.count == 1)
        #expect(dashboard.state.data.sessions.first?.columns.contains("mine") == true)
    }

    @Test("the palette opens with ctrl-p or ':' at pane focus, filters as you type and runs the top screen's actions")
    func palette() async throws {
        let app = try await TestApp.make()
        var state = startedShell(app, signedIn: true)
        press(&state, .char(":"))
        #expect(state.palette != nil)
        for c in "new dom" { press(&state, .char(c)) }
        #expect(state.palette?.selected?.title == "new domain")
        press(&state, .enter)
        #expect(state.palette == nil)
        #expect((state.top as? Mounted<DashboardScreen>)?.state.newName != nil, "the action ran on the dashboard")
        // While typing in the prompt, ':' is text, not the palette; ctrl-p still works.
        press(&state, .char(":"))
        #expect(state.palette == nil)
        press(&state, .ctrl("p"))
        #expect(state.palette != nil)
        press(&state, .escape)
        #expect(state.palette == nil)
    }

    @Test("a late message for a screen that was closed is dropped, not delivered to the screen now showing")
    func staleMessagesDropped() async throws {
        let app = try await TestApp.make()
        var state = startedShell(app, signedIn: false)
        _ = AppShell.carryOut(&state, .navigate(.login))
        let loginMount = try #require(state.top?.mountId)
        press(&state, .escape)
        #expect(state.route == .landing)
        let before = state.stack.map(\.mountId)
        let command = AppShell.update(&state, .screen(mount: loginMount, message: AuthScreen.Msg.switchMode))
        #expect(command.isNone)
        #expect(state.stack.map(\.mountId) == before)
    }

    @Test("quit is immediate when idle; toasts are also written to the activity log")
    func quitAndLog() async throws {
        let app = try await TestApp.make()
        var state = startedShell(app, signedIn: true)
        #expect(state.log.entries.contains { $0.text.contains("signed in as ada@example.com") })
        _ = AppShell.carryOut(&state, .toast(.warning, "disk almost full"))
        #expect(state.log.entries.last?.text == "disk almost full")
        var quit = false
        AppShell.update(&state, .input(.key(.ctrl("q")))).visit(quit: { quit = true }, task: { _ in })
        #expect(quit)
        #expect(state.stack.isEmpty, "every screen was left before quitting")
    }

    @Test("a remapped palette key from the user's preferences opens the palette; the old key no longer does")
    func remappedGlobalKey() async throws {
        var app = try await TestApp.make()
        var state = startedShell(app, signedIn: false)
        app = TestApp(directory: app.directory, store: app.store, context: app.context,
                      session: UserSession(account: app.session.account, workspace: app.session.workspace,
                                           preferences: Preferences(keyOverrides: ["global.palette": "ctrl-k"])))
        _ = AppShell.carryOut(&state, .signedIn(app.session))
        press(&state, .ctrl("p"))
        #expect(state.palette == nil)
        press(&state, .ctrl("k"))
        #expect(state.palette != nil)
    }

    @Test("the mouse wheel moves a list's selection on a screen that has no mouse handling of its own")
    func wheelScrollsLists() async throws {
        let app = try await TestApp.make()
        var state = startedShell(app, signedIn: false)
        let landing = try #require(state.top as? Mounted<LandingScreen>)
        #expect(landing.state.selected == 0)
        _ = AppShell.update(&state, .input(.mouse(MouseEvent(.wheelDown, x: 10, y: 10))))
        let moved = try #require(state.top as? Mounted<LandingScreen>)
        #expect(moved.state.selected > 0)
    }

    @Test("sign out closes every screen and returns to Landing signed out")
    func signOut() async throws {
        let app = try await TestApp.make()
        var state = startedShell(app, signedIn: true)
        _ = AppShell.carryOut(&state, .navigate(.login))
        _ = AppShell.carryOut(&state, .signOut)
        #expect(state.session == nil)
        #expect(state.route == .landing)
        #expect(state.stack.count == 1)
    }

    @Test("the shell draws a too-small note below 40×12 and nothing else")
    func tooSmall() async throws {
        let app = try await TestApp.make()
        let state = startedShell(app, signedIn: true)
        var buffer = ScreenBuffer(width: 30, height: 8)
        AppShell.view(state, in: buffer.area, into: &buffer)
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.contains("30x8"))
        #expect(text.contains("40x12"))
        #expect(!text.contains("Dashboard"))
    }
}
