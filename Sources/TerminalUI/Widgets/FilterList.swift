import Foundation

/// Selection, scroll and filter of a list (a sidebar): typing narrows it, as in fzf or k9s.
public struct FilterListState: Equatable, Sendable {
    public var items: [String]
    /// Case-insensitive substring filter; empty shows everything.
    public var filter = ""
    /// Index into `visibleIndices`.
    public var selected = 0
    /// First visible row; kept so the selection stays on screen.
    public var offset = 0

    public init(items: [String]) { self.items = items }

    /// Indices into `items` that match the filter, in order.
    public var visibleIndices: [Int] {
        guard !filter.isEmpty else { return Array(items.indices) }
        return items.indices.filter { items[$0].localizedCaseInsensitiveContains(filter) }
    }

    /// The selected item's index into `items`, if anything is visible.
    public var selectedItem: Int? {
        let visible = visibleIndices
        return visible.indices.contains(selected) ? visible[selected] : nil
    }

    /// Handles list navigation and typing-to-filter. Returns true if the event was used.
    public mutating func handle(_ event: InputEvent, keymap: Keymap = .standard, pageSize: Int = 10) -> Bool {
        guard case .key(let key) = event else {
            if case .paste(let text) = event { setFilter(filter + text.filter { $0 != "\n" }); return true }
            return false
        }
        let count = visibleIndices.count
        switch keymap.action(for: key, in: "list")?.id {
        // While filtering, letters (j/k/g/G) type into the filter instead of moving.
        case "list.up" where filter.isEmpty || key.typedCharacter == nil: selected = max(0, selected - 1)
        case "list.down" where filter.isEmpty || key.typedCharacter == nil: selected = min(max(0, count - 1), selected + 1)
        case "list.pageUp": selected = max(0, selected - pageSize)
        case "list.pageDown": selected = min(max(0, count - 1), selected + pageSize)
        case "list.top" where filter.isEmpty || key.typedCharacter == nil: selected = 0
        case "list.bottom" where filter.isEmpty || key.typedCharacter == nil: selected = max(0, count - 1)
        case "list.clearFilter":
            guard !filter.isEmpty else { return false }
            setFilter("")
        default:
            if key == .backspace, !filter.isEmpty { setFilter(String(filter.dropLast())); return true }
            guard let c = key.typedCharacter, c != "/" || !filter.isEmpty else { return key.typedCharacter == "/" }
            setFilter(filter + String(c))
        }
        return true
    }

    private mutating func setFilter(_ text: String) {
        let keep = selectedItem
        filter = text
        // Keep the same item selected if it still matches, else the first match.
        selected = keep.flatMap { visibleIndices.firstIndex(of: $0) } ?? 0
    }

    /// Scrolls just enough that the selected row is within `height` rows.
    public mutating func scrollToSelection(height: Int) {
        guard height > 0 else { return }
        if selected < offset { offset = selected }
        if selected >= offset + height { offset = selected - height + 1 }
        offset = max(0, min(offset, max(0, visibleIndices.count - height)))
    }
}

/// Draws a `FilterListState`: the selected row is reverse video with a `>` marker, and an active
/// filter shows on the last row as `/text`.
public struct FilterList: Sendable {
    public var title: String
    public var focused: Bool
    public var theme: Theme

    public init(title: String, focused: Bool = false, theme: Theme = .fallback) {
        self.title = title; self.focused = focused; self.theme = theme
    }

    public func draw(_ state: FilterListState, in area: Rect, into buffer: inout ScreenBuffer) {
        let inner = Block(title: title, focused: focused, theme: theme).draw(in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        var state = state
        let showFilter = !state.filter.isEmpty && inner.height > 1
        let rows = inner.height - (showFilter ? 1 : 0)
        state.scrollToSelection(height: rows)
        let visible = state.visibleIndices
        for row in 0..<rows {
            let i = state.offset + row
            guard i < visible.count else { break }
            let isSelected = i == state.selected
            let style = isSelected ? theme[.selection] : theme[.text]
            let y = inner.y + row
            if isSelected { buffer.fill(inner.row(row), style: style) }
            let text = (isSelected ? "> " : "  ") + TextWrap.truncate(state.items[visible[i]], width: inner.width - 2)
            buffer.put(text, x: inner.x, y: y, style: style, maxX: inner.maxX)
        }
        if visible.isEmpty, rows > 0 {
            buffer.put("  no match", x: inner.x, y: inner.y, style: theme[.muted], maxX: inner.maxX)
        }
        if showFilter {
            let line = "/\(state.filter) (\(visible.count)/\(state.items.count))"
            buffer.put(TextWrap.truncate(line, width: inner.width), x: inner.x, y: inner.maxY - 1, style: theme[.accent], maxX: inner.maxX)
        }
    }
}
