import TerminalUI

/// Input → Msg. Pane focus may use letters; typing focus gets every printable key. Esc is
/// claimed only when something is open or running (history popup → stream → planner →
/// filter → typing focus); otherwise the shell goes back.
extension DomainScreen {
    public static func message(for event: InputEvent, in state: State) -> Msg? {
        guard state.phase == .ready else { return nil }
        if let prompt = state.deletePrompt { return deletePromptMessage(event, prompt) }
        if state.history != nil { return historyMessage(event) }
        if case .resize(let size) = event { return .resized(size) }
        if state.editorPrompt != nil { return promptMessage(event) }
        guard case .key(let key) = event else {
            if case .paste = event, state.isTyping { return typingMessage(event, state) }
            return nil
        }
        if let msg = screenWideMessage(key, state) { return msg }
        // Ctrl-C with nothing to copy or cancel is the shell's (quit), even while typing.
        if key == .ctrl("c") { return nil }
        if state.isTyping { return typingMessage(event, state) }
        return paneMessage(key, state)
    }

    /// Keys that work in every pane, typing or not (Ctrl/F keys only).
    private static func screenWideMessage(_ key: Key, _ state: State) -> Msg? {
        switch key {
        case .escape:
            if state.chat.isStreaming || state.chat.isWaiting { return .stopStream }
            if state.planner.isRunning { return .cancelPlanner }
            if state.focus == .sidebar, !state.sidebar.filter.isEmpty { return .sidebarInput(.key(.escape)) }
            return state.isTyping ? .leaveTyping : nil
        case .ctrl("s"): return .save
        case .ctrl("f") where state.focus == .editor: return .openEditorPrompt(.find)
        case .ctrl("g") where state.focus == .editor: return .openEditorPrompt(.goToLine)
        case .ctrl("t"): return .switchTab(nil)
        case .f(5): return .runPlanner
        case .f(6): return .cyclePane(1)
        case Key(.function(6), .shift): return .cyclePane(-1)
        case Key(.function(8), .shift): return .jumpDiagnostic(-1)
        case .f(8) where !(state.isTyping && state.focus == .editor): return .jumpDiagnostic(1)
        case .ctrl("n") where state.focus == .chat: return .newChat
        case .ctrl("c"):
            // Copy belongs to the editor when there is a selection; else Ctrl-C cancels running work.
            if state.isTyping, state.focus == .editor, state.editor(state.tab).selection != nil { return .editorInput(.key(key)) }
            if state.planner.isRunning { return .cancelPlanner }
            if state.chat.isWaiting { return .stopStream }
            return nil
        default: return nil
        }
    }

    private static func typingMessage(_ event: InputEvent, _ state: State) -> Msg? {
        switch state.focus {
        case .editor: return .editorInput(event)
        case .chat:
            if case .key(let key) = event {
                switch key {
                case Key(.up, .shift), .pageUp: return .scrollChat(key == .pageUp ? 10 : 1)
                case Key(.down, .shift), .pageDown: return .scrollChat(key == .pageDown ? -10 : -1)
                default: break
                }
            }
            return .chatInput(event)
        case .sidebar:
            if event == .key(.enter) { return .openSelectedDomain }
            return .sidebarInput(event)
        case .validation: return nil
        }
    }

    private static func paneMessage(_ key: Key, _ state: State) -> Msg? {
        switch key {
        case .tab: return .cyclePane(1)
        case .backTab: return .cyclePane(-1)
        case .char("1"): return .focusPane(.sidebar)
        case .char("2"): return .focusPane(.chat)
        case .char("3"): return .focusPane(.editor)
        case .char("4"): return .focusPane(.validation)
        default: break
        }
        // In the sidebar letters filter; elsewhere h, p and t are shortcuts.
        if state.focus != .sidebar {
            switch key {
            case .char("h"): return .showHistory
            case .char("p"): return .runPlanner
            case .char("t"): return .switchTab(nil)
            case .char("P"): return .togglePublic
            case .char("D"): return .askDelete
            default: break
            }
        }
        switch state.focus {
        case .sidebar:
            if key == .enter { return .openSelectedDomain }
            if [.up, .down, .pageUp, .pageDown, .home, .end, .char("j"), .char("k"), .char("g"), .char("G")].contains(key) {
                return .sidebarInput(.key(key))
            }
            // Any other printable key (except the shell's q ? :) starts filtering as you type.
            if let c = key.typedCharacter, !"q?:".contains(c) { return .sidebarInput(.key(key)) }
            return nil
        case .chat:
            switch key {
            case .enter: return .enterTyping
            case .up, .char("k"): return .scrollChat(1)
            case .down, .char("j"): return .scrollChat(-1)
            case .pageUp: return .scrollChat(10)
            case .pageDown: return .scrollChat(-10)
            default: return nil
            }
        case .editor:
            return key == .enter ? .enterTyping : nil
        case .validation:
            switch key {
            case .up, .char("k"): return .validationMove(-1)
            case .down, .char("j"): return .validationMove(1)
            case .enter: return .jumpToSelectedDiagnostic
            default: return nil
            }
        }
    }

    private static func historyMessage(_ event: InputEvent) -> Msg? {
        guard case .key(let key) = event else { return nil }
        switch key {
        case .escape, .char("q"): return .closeHistory
        case .up, .char("k"): return .historyMove(-1)
        case .down, .char("j"): return .historyMove(1)
        case .enter, .char("r"): return .restoreSelected
        default: return nil
        }
    }
}
