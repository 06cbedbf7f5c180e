/// A table column: title, width rule and alignment.
public struct TableColumn: Hashable, Sendable {
    public enum Alignment: Sendable { case left, right }
    public var title: String
    public var width: Constraint
    public var alignment: Alignment
    public init(_ title: String, width: Constraint = .fill, alignment: Alignment = .left) {
        self.title = title; self.width = width; self.alignment = alignment
    }
}

/// Rows, sort order and selection of a table (htop-style `<` `>` to change the sort column, `I` to invert).
public struct TableState: Equatable, Sendable {
    public var rows: [[String]]
    public var sortColumn: Int?
    public var ascending = true
    /// Index into the sorted order.
    public var selected = 0
    public var offset = 0

    public init(rows: [[String]], sortColumn: Int? = nil) { self.rows = rows; self.sortColumn = sortColumn }

    /// Row indices in display order. Cells that both read as numbers compare numerically; ties keep
    /// the original order, so rows do not jump when values are equal.
    public var order: [Int] {
        guard let c = sortColumn else { return Array(rows.indices) }
        let sorted = rows.indices.sorted { a, b in
            let x = c < rows[a].count ? rows[a][c] : "", y = c < rows[b].count ? rows[b][c] : ""
            let cmp = TableState.compare(x, y)
            return cmp == 0 ? a < b : (ascending ? cmp < 0 : cmp > 0)
        }
        return sorted
    }

    static func compare(_ x: String, _ y: String) -> Int {
        if let a = Double(x.trimmingCharacters()), let b = Double(y.trimmingCharacters()) { return a < b ? -1 : (a > b ? 1 : 0) }
        let a = x.lowercased(), b = y.lowercased()
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    /// The selected row's index into `rows`.
    public var selectedRow: Int? { let o = order; return o.indices.contains(selected) ? o[selected] : nil }

    public mutating func handle(_ event: InputEvent, columnCount: Int, keymap: Keymap = .standard) -> Bool {
        guard case .key(let key) = event else { return false }
        switch key {
        case .char("<"): sortColumn = ((sortColumn ?? 0) - 1 + columnCount) % max(1, columnCount)
        case .char(">"): sortColumn = ((sortColumn ?? -1) + 1) % max(1, columnCount)
        case .char("I"): ascending.toggle()
        default:
            switch keymap.action(for: key, in: "list")?.id {
            case "list.up": selected = max(0, selected - 1)
            case "list.down": selected = min(max(0, rows.count - 1), selected + 1)
            case "list.top": selected = 0
            case "list.bottom": selected = max(0, rows.count - 1)
            case "list.pageUp": selected = max(0, selected - 10)
            case "list.pageDown": selected = min(max(0, rows.count - 1), selected + 10)
            default: return false
            }
        }
        return true
    }
}

/// Draws a `TableState`: a bold header with the sort arrow, then rows; the selected row is
/// reverse video with a `>` marker.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var theme: Theme
    public init(columns: [TableColumn], theme: Theme = .fallback) { self.columns = columns; self.theme = theme }

    public func draw(_ state: TableState, in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0, area.width > 2 else { return }
        buffer.fill(area, style: theme[.text])
        // Two columns of marker gutter, then the columns separated by one space.
        let body = Rect(x: area.x + 2, y: area.y, width: area.width - 2, height: area.height)
        var rules: [Constraint] = []
        for (i, c) in columns.enumerated() { if i > 0 { rules.append(.fixed(1)) }; rules.append(c.width) }
        let cells = Layout.split(body, .horizontal, rules).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let header = theme[.title].underlined()
        buffer.fill(area.row(0), style: header)
        for (i, col) in columns.enumerated() {
            var title = col.title
            if state.sortColumn == i {
                title += state.ascending ? (theme.unicode ? "▲" : "^") : (theme.unicode ? "▼" : "v")
            }
            put(title, in: cells[i], y: area.y, alignment: col.alignment, style: header, into: &buffer)
        }
        let order = state.order
        let rows = area.height - 1
        var offset = state.offset
        if state.selected < offset { offset = state.selected }
        if state.selected >= offset + rows { offset = state.selected - rows + 1 }
        for r in 0..<max(0, rows) {
            let i = offset + r
            guard i < order.count else { break }
            let y = area.y + 1 + r
            let isSelected = i == state.selected
            let style = isSelected ? theme[.selection] : theme[.text]
            if isSelected {
                buffer.fill(area.row(1 + r), style: style)
                buffer.put(">", x: area.x, y: y, style: style)
            }
            let row = state.rows[order[i]]
            for (c, col) in columns.enumerated() where c < row.count {
                put(row[c], in: cells[c], y: y, alignment: col.alignment, style: style, into: &buffer)
            }
        }
    }

    private func put(_ text: String, in cell: Rect, y: Int, alignment: TableColumn.Alignment, style: Style, into buffer: inout ScreenBuffer) {
        guard cell.width > 0 else { return }
        let shown = TextWrap.truncate(text, width: cell.width)
        let x = alignment == .right ? cell.maxX - DisplayWidth.of(shown) : cell.x
        buffer.put(shown, x: x, y: y, style: style, maxX: cell.maxX)
    }
}
