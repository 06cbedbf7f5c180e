/// The `?` / F1 overlay: every key binding from the keymap, grouped by context (the focused
/// context first), scrollable.
public struct HelpOverlay: Sendable {
    public var keymap: Keymap
    /// Context shown first (the focused pane's).
    public var focusedContext: String?
    /// First line shown; clamped when drawing.
    public var scroll: Int
    /// Typed after `/`: only bindings whose key, action or summary contain it are listed.
    public var search: String
    public var theme: Theme

    public init(keymap: Keymap, focusedContext: String? = nil, scroll: Int = 0, search: String = "", theme: Theme = .fallback) {
        self.keymap = keymap; self.focusedContext = focusedContext; self.scroll = scroll; self.search = search; self.theme = theme
    }

    /// The overlay's lines: a heading per context, then `key  summary` rows (several keys of one
    /// action share a row).
    public func lines() -> [StyledLine] {
        var groups = keymap.listing()
        if let f = focusedContext, let i = groups.firstIndex(where: { $0.context == f }) {
            groups.insert(groups.remove(at: i), at: 0)
        }
        var out: [StyledLine] = []
        let needle = search.lowercased()
        for var group in groups {
            if !needle.isEmpty {
                group.bindings = group.bindings.filter {
                    $0.summary.lowercased().contains(needle) || $0.key.description.contains(needle) || $0.action.id.lowercased().contains(needle)
                }
                if group.bindings.isEmpty { continue }
            }
            if !out.isEmpty { out.append([]) }
            out.append([Span(group.context, theme[.title])])
            var seen: [KeyAction] = []
            for b in group.bindings where !seen.contains(b.action) {
                seen.append(b.action)
                let keys = group.bindings.filter { $0.action == b.action }.map(\.key.description).joined(separator: " ")
                let pad = String(repeating: " ", count: max(1, 16 - DisplayWidth.of(keys)))
                out.append([Span("  " + keys, theme[.keyHint]), Span(pad + b.summary, theme[.text])])
            }
        }
        return out
    }

    public func draw(in area: Rect, into buffer: inout ScreenBuffer) {
        let box = Overlay.box(in: area, width: 48, height: area.height)
        let title = search.isEmpty ? "Help (esc closes, / searches)" : "Help /\(search)"
        let inner = Block(title: title, focused: true, theme: theme).draw(in: box, into: &buffer)
        guard !inner.isEmpty else { return }
        let all = lines()
        let first = max(0, min(scroll, all.count - inner.height))
        for (row, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + row, maxX: inner.maxX)
        }
        if first + inner.height < all.count, inner.width > 6 {
            buffer.put(" more ", x: box.maxX - 8, y: box.maxY - 1, style: theme[.muted])
        }
    }
}
