import PlansmithCore
import TerminalUI

extension PlanScreen {
    /// Keys (docs/tui-conventions.md, Scoreboard): ↑↓/j k select, Enter details, Space pause, / filter,
    /// < > I sort, Tab panes, r resume; Esc/Ctrl-C cancel a running session. Esc closes what is open
    /// first (details, filter) and otherwise goes back (nil: the shell's).
    public static func message(for event: InputEvent, in state: State) -> Msg? {
        if case .mouse(let mouse) = event {
            switch mouse.kind {
            case .wheelUp: return state.focus == .scoreboard ? .tableKey(.up) : .scroll(-3)
            case .wheelDown: return state.focus == .scoreboard ? .tableKey(.down) : .scroll(3)
            default: return nil
            }
        }
        guard case .key(let key) = event else { return nil }
        if key == .ctrl("c") { return state.isRunning && !state.cancelling ? .cancel : nil }
        if state.detail != nil {
            return key == .escape || key == .enter ? .closeDetail : nil
        }
        if state.filtering {
            switch key {
            case .escape: return .clearFilter
            case .enter, .backspace, .ctrl("u"): return .filterKey(key)
            default: return key.typedCharacter != nil ? .filterKey(key) : nil
            }
        }
        switch key {
        case .escape:
            if state.isRunning && !state.cancelling { return .cancel }
            return state.filter.isEmpty ? nil : .clearFilter
        case .tab: return .nextPane(forward: true)
        case .backTab: return .nextPane(forward: false)
        case .char(" "): return .togglePause
        case .char("r") where state.canResume: return .resume
        default: break
        }
        if state.focus == .scoreboard {
            switch key {
            case .enter: return state.rowIds.isEmpty ? nil : .openDetail
            case .char("/"): return .startFilter
            case .up, .down, .pageUp, .pageDown, .home, .end, .char("j"), .char("k"), .char("g"), .char("G"),
                 .char("<"), .char(">"), .char("I"):
                return .tableKey(key)
            default: return nil
            }
        }
        switch key {
        case .up, .char("k"): return .scroll(-1)
        case .down, .char("j"): return .scroll(1)
        case .pageUp: return .scroll(-10)
        case .pageDown: return .scroll(10)
        case .home, .char("g"): return .scroll(-1_000_000)
        case .end, .char("G"): return .scroll(1_000_000)
        default: return nil
        }
    }

    public static func isTyping(_ state: State) -> Bool { state.filtering }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        var hints: [(key: String, label: String)] = []
        if state.detail != nil { return [("esc", "close details")] }
        if state.filtering { return [("esc", "clear filter"), ("enter", "keep filter")] }
        if state.isRunning && !state.cancelling { hints.append(("esc", "cancel critique")) }
        else if !state.filter.isEmpty { hints.append(("esc", "clear filter")) }
        else { hints.append(("esc", "back")) }
        if state.canResume { hints.append(("r", "resume")) }
        hints += [("↑↓", "select"), ("enter", "details"), ("space", state.paused ? "resume updates" : "pause updates"),
                  ("/", "filter"), ("tab", "next pane")]
        return hints
    }

    public static func actions(_ state: State) -> [ScreenAction<Msg>] {
        var actions: [ScreenAction<Msg>] = []
        if state.isRunning && !state.cancelling { actions.append(ScreenAction("cancel critique", key: "esc", .cancel)) }
        if state.canResume { actions.append(ScreenAction("resume session", key: "r", .resume)) }
        if state.sessionId != nil {
            actions.append(ScreenAction("export markdown", .export(.markdown)))
            actions.append(ScreenAction("export json", .export(.json)))
        }
        if !state.isRunning && state.domainId != nil {
            actions.append(ScreenAction("rerun critique", .rerun(llm: false)))
            if state.llmAvailable { actions.append(ScreenAction("rerun critique with LLM (proposer, critics, reviser)", .rerun(llm: true))) }
        }
        actions.append(ScreenAction(state.paused ? "resume live updates" : "pause live updates", key: "space", .togglePause))
        return actions
    }
}
