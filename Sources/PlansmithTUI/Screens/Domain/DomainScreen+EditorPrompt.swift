import TerminalUI

/// Find (Ctrl-F) and go to line (Ctrl-G) in the editor: a one-line prompt at the bottom of the
/// editor pane. Enter finds the next match (↑ the previous one) or jumps to the line; Esc closes
/// the prompt first, before anything else Esc does on this screen.
extension DomainScreen {
    public struct EditorPrompt: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case find, goToLine }
        public var kind: Kind
        public var input = TextInputState()
        /// Shown under the input: "no match", "line 42 of 120"…
        public var note = ""

        var label: String { kind == .find ? "find: " : "go to line: " }
    }

    static func promptMessage(_ event: InputEvent) -> Msg? {
        switch event {
        case .key(.escape): return .closeEditorPrompt
        case .key(.enter), .key(.down): return .editorPromptSubmit(forward: true)
        case .key(.up): return .editorPromptSubmit(forward: false)
        case .key, .paste: return .editorPromptInput(event)
        default: return nil
        }
    }

    static func updateEditorPrompt(_ state: inout State, _ msg: Msg) -> ScreenStep<Msg> {
        switch msg {
        case .openEditorPrompt(let kind):
            state.focus = .editor
            state.isTyping = true
            var prompt = EditorPrompt(kind: kind)
            if kind == .find { prompt.input.setText(state.editor(state.tab).searchQuery) }
            state.editorPrompt = prompt
        case .closeEditorPrompt:
            state.editorPrompt = nil
        case .editorPromptInput(let event):
            // The prompt's own Enter is handled above; here only editing keys arrive.
            _ = state.editorPrompt?.input.handle(event)
            state.editorPrompt?.note = ""
        case .editorPromptSubmit(let forward):
            guard let prompt = state.editorPrompt else { return .none }
            let text = prompt.input.text.trimmingCharacters(in: .whitespaces)
            let note: String = state.withEditor(state.tab) { editor in
                switch prompt.kind {
                case .find:
                    guard !text.isEmpty else { return "type what to find" }
                    let found = text != editor.searchQuery ? editor.find(text)
                        : forward ? editor.findNext() : editor.findPrevious()
                    return found ? "line \(editor.cursor.line + 1) · enter next, ↑ previous" : "no match for '\(text)'"
                case .goToLine:
                    guard let number = Int(text), number > 0 else { return "type a line number" }
                    editor.goToLine(number)
                    return "line \(editor.cursor.line + 1) of \(editor.buffer.lines.count)"
                }
            }
            state.editorPrompt?.note = note
            if prompt.kind == .goToLine, note.hasPrefix("line") { state.editorPrompt = nil }
        default:
            break
        }
        return .none
    }

    /// The prompt's row at the bottom of the editor's text area; returns where its cursor is.
    static func drawEditorPrompt(_ prompt: EditorPrompt, in row: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) -> Point? {
        guard row.height > 0 else { return nil }
        buffer.fill(row, style: theme[.statusBar])
        let note = prompt.note.isEmpty ? "" : "  " + prompt.note
        let noteWidth = min(DisplayWidth.of(note), max(0, row.width / 2))
        let inputRect = Rect(x: row.x, y: row.y, width: row.width - noteWidth, height: 1)
        let cursor = TextInput(prompt: prompt.label, focused: true, theme: theme).draw(prompt.input, in: inputRect, into: &buffer)
        if noteWidth > 0 {
            buffer.put(TextWrap.truncate(note, width: noteWidth), x: inputRect.maxX, y: row.y, style: theme[.muted], maxX: row.maxX)
        }
        return cursor
    }
}
