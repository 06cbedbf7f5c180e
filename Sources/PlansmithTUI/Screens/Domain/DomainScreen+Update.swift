import PlansmithCore
import TerminalUI

extension DomainScreen {
    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .loaded(let load): return applyLoad(&state, load)
        case .loadFailed(let text):
            state.phase = .failed(text)
            return .request(.toast(.error, "could not open the domain: \(text)"))
        case .focusPane(let pane): focus(&state, pane)
        case .cyclePane(let step):
            let panes = Pane.allCases
            let next = (state.focus.rawValue + step + panes.count) % panes.count
            focus(&state, panes[next])
        case .enterTyping: state.isTyping = state.focus == .editor || state.focus == .chat
        case .leaveTyping: state.isTyping = false
        case .sidebarInput(let event): sidebarInput(&state, event)
        case .openSelectedDomain: return openSelectedDomain(&state)
        case .resized(let size):
            // The screen's area is the terminal less the shell's status line and footer; the
            // editor's text is its pane less the border and the tab row.
            let area = Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
            let pane = DomainLayout(area, focus: .editor)[.editor]
            let rows = max(1, (pane?.height ?? 22) - 3)
            state.domainEditor.viewportHeight = rows
            state.problemEditor.viewportHeight = rows
            return .none
        case .openEditorPrompt, .editorPromptInput, .editorPromptSubmit, .closeEditorPrompt:
            return updateEditorPrompt(&state, msg)
        case .editorInput, .switchTab, .validateDue, .validated, .validateNow, .jumpDiagnostic, .validationMove,
             .jumpToSelectedDiagnostic, .save, .saved, .format, .formatted:
            return updateEditor(&state, msg, env)
        case .showHistory, .historyLoaded, .historyMove, .restoreSelected, .restored, .closeHistory:
            return updateHistory(&state, msg, env)
        case .chatInput, .chatEvent, .scrollChat, .stopStream, .newChat, .exportChat, .exported, .storedTexts:
            return updateChat(&state, msg, env)
        case .notice(let kind, let text): return .request(.toast(kind, text))
        case .runPlanner, .plannerTick, .plannerFinished, .cancelPlanner, .critique, .critiqueChecked:
            return updatePlanner(&state, msg, env)
        case .togglePublic, .publicChanged, .askDelete, .deleteCounted, .answerDelete, .deleted:
            return updateSharing(&state, msg, env)
        }
        return .none
    }

    static func focus(_ state: inout State, _ pane: Pane) {
        if state.focus != pane { state.isTyping = false }
        state.focus = pane
    }

    private static func applyLoad(_ state: inout State, _ load: DomainLoad) -> ScreenStep<Msg> {
        state.phase = .ready
        state.domainName = load.name
        state.domainDescription = load.description
        state.domainIsPublic = load.isPublic
        state.domainEditor = EditorState(text: load.domainText)
        state.problemEditor = EditorState(text: load.problemText)
        state.sidebar = FilterListState(items: load.sidebarNames)
        state.sidebarIds = load.sidebarIds
        if let index = load.sidebarIds.firstIndex(of: state.domainId) { state.sidebar.selected = index }
        if let chat = load.chat {
            state.chat.transcript = ChatViewState(messages: chat.messages)
            state.chat.conversation = chat.conversation
            state.chat.sessionId = chat.sessionId
            state.chat.stage = chat.stage
        }
        return .command(validationCommand(&state))
    }

    /// At pane focus j/k/g/G move and any other printable key starts the filter ('/' just opens
    /// it); while filtering every printable key goes into the filter until Esc clears it.
    private static func sidebarInput(_ state: inout State, _ event: InputEvent) {
        if case .key(let key) = event, let c = key.typedCharacter, state.isTyping || !"jkgG".contains(c) {
            state.isTyping = true
            if c == "/" && state.sidebar.filter.isEmpty { return }
            _ = state.sidebar.handle(.paste(String(c)))
            return
        }
        _ = state.sidebar.handle(event)
        if event == .key(.escape) { state.isTyping = false }
    }

    private static func openSelectedDomain(_ state: inout State) -> ScreenStep<Msg> {
        guard let index = state.sidebar.selectedItem, index < state.sidebarIds.count else { return .none }
        let id = state.sidebarIds[index]
        state.isTyping = false
        if id == state.domainId {
            state.focus = .editor
            return .none
        }
        return .request(.navigate(.domain(id: id)))
    }
}
