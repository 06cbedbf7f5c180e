/// Draws a `TextInputState` on one row: prompt, then the text scrolled so the cursor shows.
/// Newlines (Ctrl-J) show as `↵`.
public struct TextInput: Sendable {
    public var prompt: String
    public var placeholder: String
    public var focused: Bool
    public var theme: Theme

    public init(prompt: String = "> ", placeholder: String = "", focused: Bool = true, theme: Theme = .fallback) {
        self.prompt = prompt; self.placeholder = placeholder; self.focused = focused; self.theme = theme
    }

    /// Draws and returns where the terminal cursor belongs (nil when not focused).
    @discardableResult
    public func draw(_ state: TextInputState, in area: Rect, into buffer: inout ScreenBuffer) -> Point? {
        guard area.height > 0, area.width > 0 else { return nil }
        buffer.fill(area.row(0), style: theme[.text])
        let x0 = buffer.put(prompt, x: area.x, y: area.y, style: focused ? theme[.accent] : theme[.muted], maxX: area.maxX)
        let room = area.maxX - x0
        guard room > 0 else { return nil }
        if state.graphemes.isEmpty, !placeholder.isEmpty {
            buffer.put(placeholder, x: x0, y: area.y, style: theme[.muted], maxX: area.maxX)
            return focused ? Point(x: x0, y: area.y) : nil
        }
        let shown = state.graphemes.map { $0 == "\n" ? "↵" : $0 }
        // Scroll so that the cursor (plus one column for it) fits.
        var start = 0
        func width(_ r: Range<Int>) -> Int { shown[r].reduce(0) { $0 + DisplayWidth.of($1) } }
        while start < state.cursor, width(start..<state.cursor) + 1 > room { start += 1 }
        var x = x0
        for ch in shown[start...] {
            let w = DisplayWidth.of(ch)
            if x + w > area.maxX { break }
            x = buffer.put(String(ch), x: x, y: area.y, style: theme[.text], maxX: area.maxX)
        }
        return focused ? Point(x: x0 + width(start..<state.cursor), y: area.y) : nil
    }
}
