/// A modal question with key-labelled choices, e.g. quit while work is running:
/// `[y] cancel and quit  [w] wait  [n] stay`.
public struct Dialog: Sendable {
    public struct Choice: Hashable, Sendable {
        public var key: Key
        public var label: String
        public init(_ key: Key, _ label: String) { self.key = key; self.label = label }
    }

    public var title: String
    public var message: String
    public var choices: [Choice]
    public var theme: Theme

    public init(title: String, message: String, choices: [Choice], theme: Theme = .fallback) {
        self.title = title; self.message = message; self.choices = choices; self.theme = theme
    }

    /// A yes/no confirmation; `Esc` also answers no.
    public static func confirmation(_ title: String, _ message: String, theme: Theme = .fallback) -> Dialog {
        Dialog(title: title, message: message, choices: [Choice(.char("y"), "yes"), Choice(.char("n"), "no")], theme: theme)
    }

    /// Which choice a key picks (Esc picks the last, the safe "stay" option by convention).
    public func choice(for event: InputEvent) -> Choice? {
        guard case .key(let key) = event else { return nil }
        if key == .escape { return choices.last }
        return choices.first { $0.key == key }
    }

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        let buttons = choices.map { "[\($0.key)] \($0.label)" }.joined(separator: "  ")
        let width = min(area.width, max(24, min(60, max(DisplayWidth.of(buttons), DisplayWidth.of(message)) + 4)))
        let body = TextWrap.wrap(message, width: max(1, width - 4))
        let height = min(area.height, body.count + 4)
        let box = area.centered(width: width, height: height)
        let inner = Block(title: title, focused: true, theme: theme).draw(in: box, into: &buffer)
        guard !inner.isEmpty else { return }
        for (i, line) in body.prefix(max(0, inner.height - 1)).enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + i, style: theme[.text], maxX: inner.maxX)
        }
        var x = inner.x + 1
        let y = inner.maxY - 1
        if DisplayWidth.of(buttons) > inner.width - 1 {
            // Too narrow for the labels: keep every key reachable rather than cutting a label.
            buffer.put("[" + choices.map { "\($0.key)" }.joined(separator: "/") + "]", x: x, y: y, style: theme[.keyHint], maxX: inner.maxX)
            return
        }
        for (i, c) in choices.enumerated() {
            if i > 0 { x += 2 }
            x = buffer.put("[\(c.key)]", x: x, y: y, style: theme[.keyHint], maxX: inner.maxX)
            x = buffer.put(" \(c.label)", x: x, y: y, style: theme[.text], maxX: inner.maxX)
        }
    }
}
