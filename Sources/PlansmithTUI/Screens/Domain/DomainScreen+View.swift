import TerminalUI

/// Drawing: no I/O, no parsing; everything shown was computed in `update`.
extension DomainScreen {
    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        _ = draw(state, in: area, into: &buffer, look)
    }

    /// Draws every pane once; the cursor is where the focused pane's widget put it while typing.
    public static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point? {
        guard !area.isEmpty else { return nil }
        let theme = look.theme
        buffer.fill(area, style: theme[.text])
        switch state.phase {
        case .loading:
            buffer.put(theme.unicode ? "Loading the domain…" : "Loading the domain...", x: area.x, y: area.y, style: theme[.muted], maxX: area.maxX)
            return nil
        case .failed(let text):
            let lines = TextWrap.wrap("\(theme.unicode ? "✗" : "[X]") could not open the domain: \(text)", width: area.width)
            for (row, line) in lines.prefix(area.height).enumerated() {
                buffer.put(line, x: area.x, y: area.y + row, style: theme[.error], maxX: area.maxX)
            }
            return nil
        case .ready: break
        }
        let layout = DomainLayout(area, focus: state.focus)
        if let bar = layout.paneBar { drawPaneBar(state, bar, &buffer, look) }
        var cursor: Point?
        for pane in Pane.allCases {
            guard let rect = layout[pane], !rect.isEmpty else { continue }
            let focused = state.focus == pane
            switch pane {
            case .sidebar: FilterList(title: "Domains", focused: focused, theme: theme).draw(state.sidebar, in: rect, into: &buffer)
            case .chat:
                let at = drawChat(state, rect, &buffer, theme, focused: focused)
                if focused { cursor = at }
            case .editor:
                let at = drawEditor(state, rect, &buffer, theme, focused: focused)
                if focused { cursor = at }
            case .validation: drawChecks(state, rect, &buffer, look, focused: focused)
            }
        }
        if let popup = state.history { drawHistory(popup, area, &buffer, theme) }
        if let prompt = state.deletePrompt { drawDeletePrompt(prompt, area, &buffer, theme) }
        return state.isTyping && state.history == nil && state.deletePrompt == nil ? cursor : nil
    }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        if state.deletePrompt != nil { return [("esc", "keep the domain"), ("y", "delete"), ("n", "keep")] }
        if state.history != nil { return [("esc", "close history"), ("enter", "restore revision"), ("up/down", "select")] }
        if let prompt = state.editorPrompt {
            return prompt.kind == .find ? [("esc", "close find"), ("enter", "next match"), ("↑", "previous")]
                : [("esc", "close"), ("enter", "go to line")]
        }
        var hints: [(key: String, label: String)] = []
        if state.chat.isWaiting { hints.append(("esc", "stop reply")) }
        else if state.planner.isRunning { hints.append(("esc", "cancel planner")) }
        else if state.focus == .sidebar, !state.sidebar.filter.isEmpty { hints.append(("esc", "clear filter")) }
        else if state.isTyping { hints.append(("esc", "leave typing")) }
        else { hints.append(("esc", "back")) }
        if state.isTyping, state.focus == .editor {
            hints += [("ctrl-s", "save"), ("f8", "next diagnostic"), ("ctrl-t", "domain/problem"), ("f5", "plan")]
        } else if state.isTyping, state.focus == .chat {
            hints += [("enter", "send"), ("ctrl-j", "newline"), ("ctrl-n", "new chat")]
        } else {
            let enter = ["open domain", "type in chat", "edit", "jump to diagnostic"][state.focus.rawValue]
            hints += [("tab", "next pane"), ("enter", enter), ("ctrl-s", "save"), ("f5", "plan"), ("h", "history")]
        }
        return hints
    }

    private static func drawPaneBar(_ state: State, _ bar: Rect, _ buffer: inout ScreenBuffer, _ look: ViewContext) {
        let titles = Pane.allCases.map { "\($0.rawValue + 1) \($0.title)" }
        Tabs(titles, selected: state.focus.rawValue, theme: look.theme).draw(in: bar, into: &buffer)
    }

    @discardableResult
    static func drawEditor(_ state: State, _ rect: Rect, _ buffer: inout ScreenBuffer, _ theme: Theme, focused: Bool) -> Point? {
        let modified = (state.hasUnsavedChanges ? " [modified]" : "") + (state.domainIsPublic ? " [public]" : "")
        let inner = Block(title: "Editor: \(state.domainName)\(modified)", focused: focused, theme: theme).draw(in: rect, into: &buffer)
        guard inner.height > 0 else { return nil }
        let titles = PDDLFile.allCases.map { $0.rawValue + (state.editor($0).isModified ? "*" : "") }
        Tabs(titles, selected: state.tab == .domain ? 0 : 1, theme: theme).draw(in: inner.row(0), into: &buffer)
        let text = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        guard !text.isEmpty else { return nil }
        let view = EditorView(highlighter: PDDLHighlighter(), theme: theme, focused: focused && state.isTyping)
        guard let prompt = state.editorPrompt, text.height > 1 else { return view.draw(state.editor(state.tab), in: text, into: &buffer) }
        _ = view.draw(state.editor(state.tab), in: Rect(x: text.x, y: text.y, width: text.width, height: text.height - 1), into: &buffer)
        return drawEditorPrompt(prompt, in: text.row(text.height - 1), into: &buffer, theme)
    }

    @discardableResult
    static func drawChat(_ state: State, _ rect: Rect, _ buffer: inout ScreenBuffer, _ theme: Theme, focused: Bool) -> Point? {
        let stage = state.chat.stage.map { ": \($0.title)" } ?? ""
        let inner = Block(title: "Chat\(stage)", focused: focused, theme: theme).draw(in: rect, into: &buffer)
        guard inner.height > 0 else { return nil }
        let transcript = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
        if state.chat.transcript.messages.isEmpty {
            let intro = "Describe your planning problem; the guided interview asks for types, predicates, actions, "
                + "start and goal. 'help' lists the syntax."
            for (row, line) in TextWrap.wrap(intro, width: transcript.width).prefix(transcript.height).enumerated() {
                buffer.put(line, x: transcript.x, y: transcript.y + row, style: theme[.muted], maxX: transcript.maxX)
            }
        } else if !transcript.isEmpty {
            ChatView(theme: theme).draw(state.chat.transcript, in: transcript, into: &buffer)
        }
        let placeholder = state.chat.isWaiting ? "waiting for the reply (esc stops)" : "type a message, enter sends"
        return TextInput(prompt: "> ", placeholder: placeholder, focused: focused && state.isTyping, theme: theme)
            .draw(state.chat.input, in: inner.row(inner.height - 1), into: &buffer)
    }
}
