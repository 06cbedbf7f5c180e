import TerminalUI

extension AppShell {
    static func openPalette(_ state: inout AppState) -> Command<AppMsg> {
        state.palette = CommandPalette(entries: paletteEntries(state))
        return .none
    }

    /// Screens first (the palette words of tui-conventions), then the top screen's own actions,
    /// then the shell's.
    static func paletteEntries(_ state: AppState) -> [CommandPalette.Entry] {
        var entries: [CommandPalette.Entry] = []
        if state.session != nil {
            entries += [("dashboard", Route.dashboard), ("analytics", .analytics), ("keys (API keys)", .apiKeys),
                        ("workspaces (switch, members)", .workspaces),
                        ("settings", .settings), ("landing (recent domains and sessions)", .landing)]
                .filter { $0.1 != state.route }
                .map { CommandPalette.Entry(title: ":\($0.0)", key: "", action: .navigate($0.1)) }
            if let domain = lastDomain(state), state.route != domain {
                entries.append(CommandPalette.Entry(title: ":domain (last opened)", key: "", action: .navigate(domain)))
            }
        } else {
            entries += [("login", Route.login), ("register", .register), ("landing", .landing)]
                .filter { $0.1 != state.route }
                .map { CommandPalette.Entry(title: ":\($0.0)", key: "", action: .navigate($0.1)) }
        }
        entries += state.top?.actions.map { CommandPalette.Entry(title: $0.title, key: $0.keyHint, action: .screen($0.msg)) } ?? []
        entries += ShellAction.allCases
            .filter { $0 != .signOut || state.session != nil }
            .map { CommandPalette.Entry(title: $0.title, key: $0.key, action: .shell($0)) }
        return entries
    }

    private static func lastDomain(_ state: AppState) -> Route? {
        state.stack.last(where: { if case .domain = $0.route { true } else { false } })?.route
    }

    static func handlePalette(_ state: inout AppState, _ event: InputEvent) -> Command<AppMsg> {
        guard case .key(let key) = event else {
            state.palette?.handle(event)
            return .none
        }
        switch key {
        case .escape:
            state.palette = nil
        case .enter:
            let chosen = state.palette?.selected
            state.palette = nil
            guard let chosen else { return .none }
            return run(&state, chosen.action)
        default:
            state.palette?.handle(event)
        }
        return .none
    }

    static func run(_ state: inout AppState, _ action: CommandPalette.Action) -> Command<AppMsg> {
        switch action {
        case .navigate(let route): return navigate(&state, to: route)
        case .screen(let msg): return update(&state, msg)
        case .shell(let shellAction):
            switch shellAction {
            case .help: return toggleHelp(&state)
            case .quit: return requestQuit(&state)
            case .redraw: return .redraw
            case .activityLog: state.showLog = true; return .none
            case .suspend: return .suspend
            case .signOut: return carryOut(&state, .signOut)
            case .back: return goBack(&state)
            }
        }
    }
}
