import TerminalUI

extension AppShell {
    /// Input goes, in order, to: the quit dialog, the palette, the help overlay or activity log,
    /// the shell's globals, the top screen, and finally the pane-focus letters and Esc = back.
    static func handleInput(_ state: inout AppState, _ event: InputEvent) -> Command<AppMsg> {
        // Screens may size things to the terminal (the editor's page); the frame redraws anyway.
        if case .resize(let size) = event {
            state.size = size
            return routeToScreen(&state, event)
        }
        if state.quitPrompt != nil { return answerQuitPrompt(&state, event) }
        if state.palette != nil { return handlePalette(&state, event) }
        if state.help != nil || state.showLog { return handleOverlay(&state, event) }
        guard case .key(let key) = event else { return routeToScreen(&state, event) }

        switch state.keymap.action(for: key, in: "global")?.id {
        case "global.palette": return openPalette(&state)
        case "global.help": return toggleHelp(&state)
        case "global.redraw": return .redraw
        case "global.quit": return requestQuit(&state)
        default: break
        }
        if key == .ctrl("o") { state.showLog = true; return .none }
        // Ctrl-C: the screen first (copy a selection, cancel its running work), else quit.
        if key == .ctrl("c") {
            if let msg = state.top?.message(for: event) { return update(&state, msg) }
            return ctrlCQuit(&state)
        }
        let typing = state.top?.isTyping ?? false
        // Ctrl-Z suspends, except while typing, where it is the editor's undo.
        if key == .ctrl("z"), !typing { return .suspend }
        if let msg = state.top?.message(for: event) { return update(&state, msg) }
        switch key {
        case .char(":") where !typing: return openPalette(&state)
        case .char("?") where !typing: return toggleHelp(&state)
        case .char("q") where !typing: return requestQuit(&state)
        case .escape: return goBack(&state)
        default: return .none
        }
    }

    /// Mouse and paste events go to the screen. A wheel the screen does not handle itself moves
    /// its selection like ↑/↓ (lists, tables, the editor), so scrolling works on every screen.
    static func routeToScreen(_ state: inout AppState, _ event: InputEvent) -> Command<AppMsg> {
        if let msg = state.top?.message(for: event) { return update(&state, msg) }
        guard case .mouse(let mouse) = event, mouse.kind == .wheelUp || mouse.kind == .wheelDown else { return .none }
        let arrow: InputEvent = .key(mouse.kind == .wheelUp ? .up : .down)
        var commands: [Command<AppMsg>] = []
        for _ in 0..<3 {
            guard let msg = state.top?.message(for: arrow) else { break }
            commands.append(update(&state, msg))
        }
        return .batch(commands)
    }

    private static func handleOverlay(_ state: inout AppState, _ event: InputEvent) -> Command<AppMsg> {
        guard case .key(let key) = event else { return .none }
        switch key {
        case .escape, .char("q"), .f(1), .char("?"), .ctrl("o"):
            state.help = nil
            state.showLog = false
        case .down, .char("j"): state.help?.scroll += 1
        case .up, .char("k"):
            if let scroll = state.help?.scroll { state.help?.scroll = max(0, scroll - 1) }
        case .ctrl("q"): return requestQuit(&state)
        default: break
        }
        return .none
    }

    static func toggleHelp(_ state: inout AppState) -> Command<AppMsg> {
        state.help = state.help == nil ? HelpOverlay(keymap: state.keymap, theme: state.look.theme) : nil
        return .none
    }

    // MARK: Quit

    static func requestQuit(_ state: inout AppState) -> Command<AppMsg> {
        let work = state.runningWork
        if work.isEmpty { return quitNow(&state) }
        state.quitPrompt = QuitPrompt(work: work)
        return .none
    }

    /// Idle: the first Ctrl-C asks, a second within 2 s quits (tui-conventions).
    private static func ctrlCQuit(_ state: inout AppState) -> Command<AppMsg> {
        if state.ctrlCArmed || state.runningWork.isEmpty && state.stack.count <= 1 { return quitNow(&state) }
        state.ctrlCArmed = true
        state.quitPrompt = QuitPrompt(work: state.runningWork)
        return .after(.seconds(2), .ctrlCWindowClosed)
    }

    private static func answerQuitPrompt(_ state: inout AppState, _ event: InputEvent) -> Command<AppMsg> {
        if case .key(.ctrl("c")) = event, state.ctrlCArmed { return quitNow(&state) }
        guard let prompt = state.quitPrompt, let choice = prompt.dialog.choice(for: event) else { return .none }
        state.quitPrompt = nil
        switch choice.key {
        case .char("y"): return quitNow(&state)
        case .char("w"):
            state.quitWhenIdle = true
            return toast(&state, .info, "Plansmith will quit when \(prompt.work.joined(separator: ", ")) ends")
        default: return .none
        }
    }

    /// Every screen is left (streams closed, sessions cancelled by their screens) before quitting.
    static func quitNow(_ state: inout AppState) -> Command<AppMsg> {
        for screen in state.stack.reversed() { screen.leave() }
        state.stack.removeAll()
        return .quit
    }
}
