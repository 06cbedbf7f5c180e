/// Search, go-to-line, diagnostics navigation and bracket matching.
extension EditorState {
    /// Sets the query and moves to the first match at or after the cursor; false when none.
    @discardableResult
    public mutating func find(_ query: String) -> Bool {
        searchQuery = query
        return findNext(includingCursor: true)
    }

    /// Selects the next match after the cursor, wrapping at the end.
    @discardableResult
    public mutating func findNext(includingCursor: Bool = false) -> Bool {
        guard !searchQuery.isEmpty else { return false }
        let start = includingCursor ? (selection?.start ?? cursor) : cursor
        let n = buffer.lineCount
        for k in 0...n {
            let line = (start.line + k) % n
            let from = k == 0 ? start.column : 0
            if let col = column(of: searchQuery, in: line, from: from, forward: true),
               k < n || col < start.column {
                select(line: line, column: col)
                return true
            }
        }
        return false
    }

    /// Selects the previous match before the selection, wrapping at the top.
    @discardableResult
    public mutating func findPrevious() -> Bool {
        guard !searchQuery.isEmpty else { return false }
        let start = selection?.start ?? cursor
        let n = buffer.lineCount
        for k in 0...n {
            let line = ((start.line - k) % n + n) % n
            let before = k == 0 ? start.column - 1 : Int.max
            if before < 0 { continue }
            if let col = column(of: searchQuery, in: line, from: before, forward: false) {
                select(line: line, column: col)
                return true
            }
        }
        return false
    }

    /// Every match on a line (grapheme columns), for highlighting visible lines.
    public func matches(onLine line: Int) -> [Range<Int>] {
        guard !searchQuery.isEmpty else { return [] }
        var out: [Range<Int>] = []
        var from = 0
        while let c = column(of: searchQuery, in: line, from: from, forward: true) {
            out.append(c..<(c + searchQuery.count)); from = c + 1
        }
        return out
    }

    private mutating func select(line: Int, column: Int) {
        reveal(line)
        anchor = Position(line: line, column: column)
        cursor = Position(line: line, column: column + searchQuery.count)
        preferredColumn = nil
        scrollToCursor()
    }

    /// Case-insensitive search within one line, forward from or backward from a grapheme column.
    private func column(of query: String, in line: Int, from: Int, forward: Bool) -> Int? {
        let hay = Array(buffer.lines[line].lowercased())
        let needle = Array(query.lowercased())
        guard needle.count <= hay.count, !needle.isEmpty else { return nil }
        let last = hay.count - needle.count
        let candidates: StrideThrough<Int> = forward ? stride(from: max(0, from), through: last, by: 1)
                                                     : stride(from: min(from, last), through: 0, by: -1)
        for i in candidates where hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }

    /// Moves to a 1-based line number (clamped), as `:42` does.
    public mutating func goToLine(_ number: Int) {
        move(to: Position(line: number - 1, column: 0), extend: false)
        cursor = buffer.clamp(cursor)
        scrollToCursor()
    }

    /// Moves to the next diagnostic after the cursor (wrapping).
    public mutating func jumpToNextDiagnostic() {
        let sorted = diagnostics.map(\.position).sorted()
        guard let next = sorted.first(where: { $0 > cursor }) ?? sorted.first else { return }
        move(to: next, extend: false)
    }

    /// The bracket matching the one at or just before the cursor. The scan is bounded (in
    /// characters) so a stray bracket in a huge file never stalls a keystroke.
    public func matchingBracket(limit: Int = 50_000) -> (Position, Position)? {
        let pairs: [Character: (Character, Bool)] = ["(": (")", true), ")": ("(", false), "[": ("]", true), "]": ("[", false)]
        var at = cursor
        var here = buffer.character(at: at)
        if here.flatMap({ pairs[$0] }) == nil, cursor.column > 0 {
            at = Position(line: cursor.line, column: cursor.column - 1)
            here = buffer.character(at: at)
        }
        guard let open = here, let (partner, forward) = pairs[open] else { return nil }
        var depth = 0, budget = limit
        var line = at.line
        var chars = Array(buffer.lines[line])
        var col = at.column
        while budget > 0 {
            if col >= 0, col < chars.count {
                budget -= 1
                let c = chars[col]
                if c == open { depth += 1 } else if c == partner { depth -= 1; if depth == 0 { return (at, Position(line: line, column: col)) } }
                col += forward ? 1 : -1
                continue
            }
            // Next line in the scan direction.
            line += forward ? 1 : -1
            guard line >= 0, line < buffer.lineCount else { return nil }
            chars = Array(buffer.lines[line])
            col = forward ? 0 : chars.count - 1
            budget -= 1
        }
        return nil
    }
}
