/// The few keys that matter now, as `key label` pairs; what does not fit is left out whole.
public struct KeyHintFooter: Sendable {
    public var hints: [(key: String, label: String)]
    public var theme: Theme

    public init(_ hints: [(key: String, label: String)], theme: Theme = .fallback) {
        self.hints = hints; self.theme = theme
    }

    /// Hints for the given actions, spelled from the keymap so remapped keys show correctly.
    public init(actions: [KeyAction], keymap: Keymap, theme: Theme = .fallback) {
        var hints: [(key: String, label: String)] = []
        for action in actions {
            guard let key = keymap.keys(for: action).first,
                  let summary = keymap.bindings.first(where: { $0.action == action })?.summary else { continue }
            hints.append((key.description, summary))
        }
        self.init(hints, theme: theme)
    }

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0 else { return }
        buffer.fill(area.row(0), style: theme[.text])
        var x = area.x
        for (i, hint) in hints.enumerated() {
            let needed = (i > 0 ? 2 : 0) + DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
            if x - area.x + needed > area.width { break }
            if i > 0 { x += 2 }
            x = buffer.put(hint.key, x: x, y: area.y, style: theme[.keyHint])
            x = buffer.put(" " + hint.label, x: x, y: area.y, style: theme[.muted])
        }
    }
}
