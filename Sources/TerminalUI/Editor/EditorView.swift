/// Draws an `EditorState`: gutter (diagnostic mark + line number), highlighted text, selection,
/// search matches, the bracket matching the cursor's, and each diagnostic's message on a row under
/// its line. Only the visible lines are touched, so drawing cost does not grow with file length.
public struct EditorView: Sendable {
    public var highlighter: any Highlighter
    public var theme: Theme
    public var focused: Bool

    public init(highlighter: any Highlighter = PlainHighlighter(), theme: Theme = .fallback, focused: Bool = true) {
        self.highlighter = highlighter; self.theme = theme; self.focused = focused
    }

    /// Draws and returns where the terminal cursor goes (nil when unfocused or off screen).
    @discardableResult
    public func draw(_ state: EditorState, in area: Rect, into buffer: inout ScreenBuffer) -> Point? {
        guard !area.isEmpty else { return nil }
        buffer.fill(area, style: theme[.text])
        let digits = max(3, String(state.buffer.lineCount).count)
        let gutter = digits + 2
        let textX = area.x + gutter
        let textWidth = area.width - gutter
        guard textWidth > 0 else { return nil }

        var byLine: [Int: [EditorDiagnostic]] = [:]
        for d in state.diagnostics { byLine[d.position.line, default: []].append(d) }
        let top = firstVisibleLine(state, height: area.height, byLine: byLine)
        let bracket = focused ? state.matchingBracket() : nil
        let left = horizontalOffset(state, width: textWidth)

        var row = 0
        var line = top
        var cursorPoint: Point?
        while row < area.height, line < state.buffer.lineCount {
            let y = area.y + row
            let diags = byLine[line] ?? []
            let foldEnd = state.folds[line]
            // A folded block shows the worst diagnostic hidden inside it on its header.
            let marked = foldEnd.map { end in (line...end).flatMap { byLine[$0] ?? [] } } ?? diags
            let mark = marked.contains { $0.severity == .error } ? "E" : (marked.isEmpty ? " " : "W")
            buffer.put(mark, x: area.x, y: y, style: mark == "E" ? theme[.error] : (mark == "W" ? theme[.warning] : theme[.gutter]))
            let number = String(line + 1)
            buffer.put(String(repeating: " ", count: digits - number.count) + number, x: area.x + 1, y: y,
                       style: line == state.cursor.line ? theme[.text].bolded() : theme[.lineNumber])
            if focused, line == state.cursor.line {
                buffer.fill(Rect(x: textX, y: y, width: textWidth, height: 1), style: theme[.cursorLine])
            }
            let glyphs = Array(state.buffer.lines[line])
            let styles = cellStyles(state, line: line, count: glyphs.count, diags: diags, bracket: bracket)
            var x = textX
            var g = left
            while g < glyphs.count {
                let w = DisplayWidth.of(glyphs[g])
                if x + w > area.maxX { break }
                let text: String = glyphs[g] == "\t" ? " " : String(glyphs[g])
                x = buffer.put(text, x: x, y: y, style: styles[g], maxX: area.maxX)
                g += 1
            }
            if let end = foldEnd {
                let marker = " \(theme.unicode ? "⋯" : "...") \(end - line) lines"
                buffer.put(marker, x: x, y: y, style: theme[.muted], maxX: area.maxX)
            }
            if line == state.cursor.line, focused {
                let col = glyphs[min(left, glyphs.count)..<min(state.cursor.column, glyphs.count)].reduce(0) { $0 + DisplayWidth.of($1) }
                if col < textWidth { cursorPoint = Point(x: textX + col, y: y) }
            }
            row += 1
            for d in diags where row < area.height {
                let text = "\(theme.unicode ? "└" : "`") \(d.severity.rawValue): \(d.message)"
                buffer.put(TextWrap.truncate(text, width: textWidth), x: textX, y: area.y + row,
                           style: d.severity == .error ? theme[.error] : theme[.warning], maxX: area.maxX)
                row += 1
            }
            line = (foldEnd ?? line) + 1
        }
        return cursorPoint
    }

    /// The top line, moved down if diagnostic rows would push the cursor line off the bottom.
    func firstVisibleLine(_ state: EditorState, height: Int, byLine: [Int: [EditorDiagnostic]]) -> Int {
        var top = min(state.scrollTop, state.cursor.line)
        if state.cursor.line >= top + height { top = state.cursor.line - height + 1 }
        func rows(_ from: Int) -> Int {
            (from...state.cursor.line).reduce(0) { $0 + (state.isHidden($1) ? 0 : 1 + (byLine[$1]?.count ?? 0)) }
        }
        while top < state.cursor.line, rows(top) > height { top += 1 }
        return max(0, top)
    }

    /// First grapheme shown on each line, so the cursor column fits in `width`.
    func horizontalOffset(_ state: EditorState, width: Int) -> Int {
        let glyphs = Array(state.buffer.lines[state.cursor.line])
        var left = 0
        func w(_ r: Range<Int>) -> Int { glyphs[r].reduce(0) { $0 + DisplayWidth.of($1) } }
        let c = min(state.cursor.column, glyphs.count)
        while left < c, w(left..<c) + 1 > width { left += 1 }
        return left
    }

    private func cellStyles(_ state: EditorState, line: Int, count: Int, diags: [EditorDiagnostic],
                            bracket: (Position, Position)?) -> [Style] {
        let base = focused && line == state.cursor.line ? theme[.text].patched(with: theme[.cursorLine]) : theme[.text]
        var styles = Array(repeating: base, count: count)
        // Ranges may be stale (a diagnostic computed before the line got shorter): clamp, and
        // paint nothing when nothing of the range is left on the line.
        func paint(_ r: Range<Int>, _ style: Style, replace: Bool = false) {
            let from = max(0, r.lowerBound), to = min(count, r.upperBound)
            guard from < to else { return }
            for i in from..<to { styles[i] = replace ? style : styles[i].patched(with: style) }
        }
        for span in highlighter.spans(for: state.buffer.lines[line], lineIndex: line) { paint(span.columns, theme[span.role]) }
        for m in state.matches(onLine: line) { paint(m, theme[.match]) }
        for d in diags {
            let role: Theme.Role = d.severity == .error ? .error : .warning
            paint(d.position.column..<(d.position.column + d.length), theme[role].underlined())
        }
        if let (a, b) = bracket {
            for p in [a, b] where p.line == line { paint(p.column..<(p.column + 1), theme[.matchingParen]) }
        }
        if let sel = state.selection, sel.start.line <= line, line <= sel.end.line {
            let from = sel.start.line == line ? sel.start.column : 0
            let to = sel.end.line == line ? sel.end.column : count
            paint(from..<to, Style(reverse: true))
        }
        return styles
    }
}
