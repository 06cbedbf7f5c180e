import PlansmithCore
import TerminalUI

extension AppShell {
    /// Carries out what a screen asked for.
    static func carryOut(_ state: inout AppState, _ request: AppRequest) -> Command<AppMsg> {
        switch request {
        case .navigate(let route): return navigate(&state, to: route)
        case .back: return goBack(&state)
        case .toast(let kind, let text): return toast(&state, kind, text)
        case .log(let level, let text):
            state.log.append(LogEntry(level, text))
            return .none
        case .signedIn(let session): return signIn(&state, session, quietly: false)
        case .signOut:
            for screen in state.stack.reversed() { screen.leave() }
            state.stack.removeAll()
            let email = state.session?.account.email ?? ""
            state.session = nil
            state.log.append(LogEntry(.info, "signed out \(email)"))
            return navigate(&state, to: .landing, replacingAll: true)
        case .workspaceChanged(let workspace):
            state.session?.workspace = workspace
            state.log.append(LogEntry(.info, "working in workspace \(workspace.name) (\(workspace.role.rawValue))"))
            return .none
        case .preferencesChanged(let preferences):
            state.session?.preferences = preferences
            apply(preferences, to: &state)
            return .none
        case .quit: return requestQuit(&state)
        case .copy(let text, let what):
            // The terminal may refuse OSC 52 silently, so the toast names the fallback too.
            let note = toast(&state, .ok, "copied \(what) to the clipboard (if nothing arrives, select it with Shift-drag)")
            return .batch([.copyToClipboard(text), note])
        }
    }

    static func signIn(_ state: inout AppState, _ session: UserSession, quietly: Bool) -> Command<AppMsg> {
        state.session = session
        apply(session.preferences, to: &state)
        state.log.append(LogEntry(.info, "signed in as \(session.account.email)"))
        let opened = navigate(&state, to: .dashboard, replacingAll: true)
        return quietly ? opened : .batch([opened, toast(&state, .ok, "Signed in as \(session.account.email)")])
    }

    /// Theme and motion from the user's preferences (an unknown theme keeps the current one and says so).
    static func apply(_ preferences: Preferences, to state: inout AppState) {
        state.look.reduceMotion = preferences.reduceMotion
        var keymap = Keymap.standard
        do {
            try keymap.remap(preferences.keyOverrides)
            state.keymap = keymap
        } catch {
            state.log.append(LogEntry(.warning, "\(error); using the standard keys"))
            state.keymap = .standard
        }
        // NO_COLOR wins over any saved theme (no-color.org).
        let noColor = !(state.context.environment["NO_COLOR"] ?? "").isEmpty
        let name = noColor ? "monochrome" : preferences.themeName
        if let theme = ThemeResolver.theme(named: name, configPath: state.context.configPath, environment: state.context.environment,
                                           unicode: state.look.theme.unicode) {
            state.look.theme = theme
        } else {
            state.log.append(LogEntry(.warning, "theme '\(name)' not found; keeping \(state.look.theme.name)"))
        }
    }

    /// Opens `route` on top of the stack. An already open screen for the same route is brought
    /// back with its state instead of opening a second copy; screens that need a session send
    /// a signed-out user to Login.
    static func navigate(_ state: inout AppState, to route: Route, replacingAll: Bool = false) -> Command<AppMsg> {
        if route.needsSession, state.session == nil { return navigate(&state, to: .login) }
        if replacingAll {
            for screen in state.stack.reversed() { screen.leave() }
            state.stack.removeAll()
        } else if let index = state.stack.lastIndex(where: { $0.route == route }) {
            let screen = state.stack.remove(at: index)
            state.stack.append(screen)
            return refreshTop(state)
        }
        let mountId = state.nextMountId
        state.nextMountId += 1
        let (screen, command) = ScreenFactory.open(route, mountId: mountId, env: state.env)
        state.stack.append(screen)
        guard let size = state.size else { return command }
        return .batch([command, routeToScreen(&state, .resize(size))])
    }

    /// Esc with nothing left to close: the previous screen, or Dashboard/Landing at the bottom.
    static func goBack(_ state: inout AppState) -> Command<AppMsg> {
        guard state.stack.count > 1 else {
            let home: Route = state.session == nil ? .landing : .dashboard
            return state.route == home ? .none : navigate(&state, to: home, replacingAll: true)
        }
        state.stack.removeLast().leave()
        return refreshTop(state)
    }

    /// The top screen's refresh message, delivered at once, when it has one.
    static func refreshTop(_ state: AppState) -> Command<AppMsg> {
        guard let msg = state.top?.reappeared else { return .none }
        return .task { msg }
    }

    /// Shows a toast for at least `Toast.minimumDuration` and keeps it in the activity log.
    static func toast(_ state: inout AppState, _ kind: Toast.Kind, _ text: String) -> Command<AppMsg> {
        let id = state.nextToastId
        state.nextToastId += 1
        state.toasts.append((id, Toast(kind, text, theme: state.look.theme)))
        if state.toasts.count > 3 { state.toasts.removeFirst() }
        let level: LogEntry.Level = switch kind {
        case .error: .error
        case .warning: .warning
        default: .info
        }
        state.log.append(LogEntry(level, text))
        return .after(.seconds(Toast.minimumDuration + (kind == .error ? 3 : 0)), .toastExpired(id: id))
    }
}
