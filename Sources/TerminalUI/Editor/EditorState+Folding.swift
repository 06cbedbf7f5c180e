/// Folding: a line whose first `(` closes on a later line (a PDDL action, say) can be collapsed
/// to that one line. Folds shift with edits above them and open when an edit, search hit or jump
/// lands inside them, so folded text can never be changed unseen.
extension EditorState {
    /// Lines hidden by the fold whose header is `line`, if it is folded.
    public func foldedRange(headerLine line: Int) -> ClosedRange<Int>? {
        folds[line].map { (line + 1)...$0 }
    }

    /// True when `line` is inside a fold (not its header).
    public func isHidden(_ line: Int) -> Bool { hiddenRange(containing: line) != nil }

    func hiddenRange(containing line: Int) -> (header: Int, end: Int)? {
        for (header, end) in folds where line > header && line <= end { return (header, end) }
        return nil
    }

    /// Folds the block starting on the cursor line, or unfolds it if already folded.
    public mutating func toggleFold() {
        let line = cursor.line
        if folds[line] != nil { folds[line] = nil; return }
        guard let open = buffer.lines[line].firstIndex(of: "(") else { return }
        let column = buffer.lines[line].distance(from: buffer.lines[line].startIndex, to: open)
        var probe = self
        probe.cursor = Position(line: line, column: column)
        guard let (_, close) = probe.matchingBracket(), close.line > line else { return }
        // A fold inside the new one is absorbed by it.
        folds = folds.filter { !($0.key > line && $0.key <= close.line) }
        folds[line] = close.line
        cursor = Position(line: line, column: min(cursor.column, buffer.length(of: line)))
        anchor = nil
    }

    /// Opens any fold hiding `line` (after a search hit or jump lands there).
    mutating func reveal(_ line: Int) {
        while let (header, _) = hiddenRange(containing: line) { folds[header] = nil }
    }

    /// Keeps folds consistent after lines `first...lastBefore` became `first...lastAfter`.
    mutating func adjustFolds(editedFrom first: Int, through lastBefore: Int, nowThrough lastAfter: Int) {
        guard !folds.isEmpty else { return }
        let delta = lastAfter - lastBefore
        var next: [Int: Int] = [:]
        for (header, end) in folds {
            if end < first { next[header] = end }                                  // entirely above
            else if header > lastBefore { next[header + delta] = end + delta }    // entirely below
            // Touched by the edit: opened.
        }
        folds = next
    }

    /// The next visible line from `line` moving by `step` (±1), or nil past the ends.
    func visibleLine(after line: Int, step: Int) -> Int? {
        var l = line + step
        while l >= 0, l < buffer.lineCount {
            if let (header, end) = hiddenRange(containing: l) { l = step > 0 ? end + 1 : header; continue }
            return l
        }
        return nil
    }
}
