/// One undoable change: what range was replaced, by what, and where the cursor was.
public struct EditRecord: Equatable, Sendable {
    var start: Position
    var oldText: String
    var newText: String
    var cursorBefore: Position
    var cursorAfter: Position
    /// Typing runs merge into one undo step; pastes and other edits never merge.
    var mergeable: Bool
}

extension EditorState {
    /// Replaces `range` with `text` as one undo step; the core of every edit.
    mutating func replace(_ range: TextRange, with text: String, mergeable: Bool = false) {
        let old = buffer.text(in: range)
        let before = cursor
        let linesBefore = buffer.lineCount
        let end = buffer.replace(range, with: text)
        adjustFolds(editedFrom: range.start.line, through: range.end.line,
                    nowThrough: range.end.line + buffer.lineCount - linesBefore)
        cursor = end; anchor = nil; preferredColumn = nil
        isModified = true
        redoStack.removeAll()
        if mergeable, var last = undoStack.last, last.mergeable, old.isEmpty, last.cursorAfter == range.start,
           !text.contains(" "), !last.newText.hasSuffix(" ") {
            last.newText += text
            last.cursorAfter = end
            undoStack[undoStack.count - 1] = last
            return
        }
        undoStack.append(EditRecord(start: range.start, oldText: old, newText: text, cursorBefore: before,
                                    cursorAfter: end, mergeable: mergeable))
    }

    /// Typing one character replaces the selection, if any.
    mutating func type(_ c: Character) {
        replace(selection ?? TextRange(cursor, cursor), with: String(c), mergeable: selection == nil)
    }

    /// A paste is inserted exactly (no auto-indent) and is one undo step.
    mutating func insertPaste(_ text: String) {
        guard !text.isEmpty else { return }
        replace(selection ?? TextRange(cursor, cursor), with: text.replacingCRLF())
    }

    /// Enter: new line with the current indentation, one unit more after an unclosed `(`.
    mutating func insertNewline() {
        let line = buffer.lines[cursor.line]
        let before = line.prefix(cursor.column)
        var indent = String(leadingWhitespace(of: cursor.line))
        let opens = before.filter { $0 == "(" }.count, closes = before.filter { $0 == ")" }.count
        if opens > closes { indent += indentUnit }
        replace(selection ?? TextRange(cursor, cursor), with: "\n" + indent)
    }

    mutating func deleteBackward() {
        if let sel = selection { replace(sel, with: ""); return }
        guard cursor > Position(line: 0, column: 0) else { return }
        replace(TextRange(step(cursor, by: -1), cursor), with: "")
    }

    mutating func deleteForward() {
        if let sel = selection { replace(sel, with: ""); return }
        guard cursor < buffer.end else { return }
        replace(TextRange(cursor, step(cursor, by: 1)), with: "")
    }

    public mutating func undo() {
        guard let r = undoStack.popLast() else { return }
        let insertedEnd = endPosition(from: r.start, text: r.newText)
        let linesBefore = buffer.lineCount
        buffer.replace(TextRange(r.start, insertedEnd), with: r.oldText)
        adjustFolds(editedFrom: r.start.line, through: insertedEnd.line, nowThrough: insertedEnd.line + buffer.lineCount - linesBefore)
        cursor = buffer.clamp(r.cursorBefore); anchor = nil
        redoStack.append(r)
        isModified = true
    }

    public mutating func redo() {
        guard let r = redoStack.popLast() else { return }
        let oldEnd = endPosition(from: r.start, text: r.oldText)
        let linesBefore = buffer.lineCount
        buffer.replace(TextRange(r.start, oldEnd), with: r.newText)
        adjustFolds(editedFrom: r.start.line, through: oldEnd.line, nowThrough: oldEnd.line + buffer.lineCount - linesBefore)
        cursor = buffer.clamp(r.cursorAfter); anchor = nil
        var again = r
        again.mergeable = false
        undoStack.append(again)
        isModified = true
    }

    func endPosition(from start: Position, text: String) -> Position {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.count == 1 { return Position(line: start.line, column: start.column + text.count) }
        return Position(line: start.line + parts.count - 1, column: parts.last!.count)
    }

    public mutating func copy() {
        if let t = selectedText { register = t }
    }

    public mutating func cut() {
        guard let sel = selection else { return }
        register = buffer.text(in: sel)
        replace(sel, with: "")
    }

    /// Indents the selected lines (or inserts an indent unit at the cursor).
    mutating func indent() {
        guard let sel = selection, sel.start.line != sel.end.line else {
            replace(selection ?? TextRange(cursor, cursor), with: indentUnit)
            return
        }
        let unit = indentUnit
        reindent(lines: sel.start.line...sel.end.line) { unit + $0 }
    }

    mutating func outdent() {
        let lines = selection.map { $0.start.line...$0.end.line } ?? cursor.line...cursor.line
        let unit = indentUnit
        reindent(lines: lines) { line in
            let drop = min(line.prefix { $0 == " " }.count, unit.count)
            return String(line.dropFirst(drop))
        }
    }

    /// Rewrites whole lines as one undo step and keeps them selected.
    private mutating func reindent(lines: ClosedRange<Int>, _ transform: (String) -> String) {
        let range = TextRange(Position(line: lines.lowerBound, column: 0),
                              Position(line: lines.upperBound, column: buffer.length(of: lines.upperBound)))
        let new = buffer.lines[lines].map(transform).joined(separator: "\n")
        guard new != buffer.text(in: range) else { return }
        replace(range, with: new)
        anchor = Position(line: lines.lowerBound, column: 0)
    }
}

extension String {
    func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for ch in unicodeScalars {
            if ch == "\r" { out.append("\n"); previousCR = true; continue }
            if ch == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            out.unicodeScalars.append(ch)
        }
        return out
    }
}
