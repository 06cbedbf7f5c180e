import TerminalUI

extension AuthScreen {
    static let labels = ["Email", "Password", "Repeat password"]

    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        _ = draw(state, in: area, into: &buffer, look)
    }

    public static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point? {
        drawForm(state, in: area, into: &buffer, look.theme)
    }

    public static func isTyping(_ state: State) -> Bool { true }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        [("enter", state.focus == state.fields.count - 1 ? (state.mode == .login ? "log in" : "register") : "next field"),
         ("tab", "field"), ("ctrl-r", state.mode == .login ? "register instead" : "log in instead")]
    }

    public static func actions(_ state: State) -> [ScreenAction<Msg>] {
        [ScreenAction(state.mode == .login ? "log in" : "register", key: "enter", .submit),
         ScreenAction(state.mode == .login ? "register instead" : "log in instead", key: "ctrl-r", .switchMode)]
    }

    /// Draws the form; returns where the cursor of the focused field is.
    private static func drawForm(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) -> Point? {
        let width = min(area.width, 60)
        let height = min(area.height, state.fields.count * 2 + 6)
        let box = area.centered(width: width, height: height)
        let title = state.mode == .login ? "Log in" : "Create your account"
        let inner = Block(title: title, focused: true, theme: theme).draw(in: box, into: &buffer)
        guard inner.height > 0 else { return nil }
        var cursor: Point?
        var y = inner.y
        for (i, field) in state.fields.enumerated() where y + 1 < inner.maxY {
            buffer.put(labels[i], x: inner.x + 1, y: y, style: theme[i == state.focus ? .accent : .muted], maxX: inner.maxX)
            let shown = i == 0 ? field : TextInputState(text: String(repeating: "•", count: field.graphemes.count))
            let at = TextInput(prompt: i == state.focus ? "> " : "  ", focused: i == state.focus, theme: theme)
                .draw(shown, in: Rect(x: inner.x + 1, y: y + 1, width: inner.width - 2, height: 1), into: &buffer)
            if i == state.focus { cursor = at }
            y += 2
        }
        if y < inner.maxY {
            let status = state.busy ? "checking…" : state.error.map { (theme.unicode ? "✗ " : "[X] ") + $0 } ?? ""
            for line in TextWrap.wrap(status, width: max(1, inner.width - 2)) where y < inner.maxY {
                buffer.put(line, x: inner.x + 1, y: y, style: theme[state.error == nil ? .muted : .error], maxX: inner.maxX)
                y += 1
            }
        }
        return state.busy ? nil : cursor
    }
}
