/// Everything about an open editor except how it is drawn: text, cursor, selection, scroll,
/// undo history, clipboard register, search and diagnostics. Value type, so screens own it and
/// tests compare it.
///
/// Movement is modeless (micro style): arrows move, Shift+arrows extend the selection.
public struct EditorState: Equatable, Sendable {
    public internal(set) var buffer: TextBuffer
    public internal(set) var cursor = Position(line: 0, column: 0)
    /// The other end of the selection, when there is one.
    public internal(set) var anchor: Position?
    /// Column kept while moving up/down through shorter lines.
    var preferredColumn: Int?
    /// First visible line; kept so the cursor stays on screen.
    public internal(set) var scrollTop = 0
    /// Rows the view shows (set by the screen from its layout; used for paging and scrolling).
    public var viewportHeight = 20
    public internal(set) var undoStack: [EditRecord] = []
    public internal(set) var redoStack: [EditRecord] = []
    /// Cut/copy register (the app may mirror it to OSC 52).
    public internal(set) var register = ""
    public internal(set) var searchQuery = ""
    public var diagnostics: [EditorDiagnostic] = []
    public var indentUnit = "  "
    /// True after an edit, until the screen saves and clears it.
    public var isModified = false
    /// Folded blocks: header line → last hidden line.
    public internal(set) var folds: [Int: Int] = [:]

    public init(text: String = "") { buffer = TextBuffer(text) }

    public var text: String { buffer.text }

    public var selection: TextRange? {
        guard let anchor, anchor != cursor else { return nil }
        return TextRange(anchor, cursor)
    }

    public var selectedText: String? { selection.map { buffer.text(in: $0) } }

    /// Handles one input event; returns false when the key means nothing to the editor.
    public mutating func handle(_ event: InputEvent, keymap: Keymap = .standard) -> Bool {
        switch event {
        case .paste(let text):
            insertPaste(text)
        case .key(let key):
            if let action = keymap.action(for: key, in: "editor"), action.context == "editor", perform(action) {
                break
            }
            guard handleMovementOrTyping(key) else { return false }
        default:
            return false
        }
        scrollToCursor()
        return true
    }

    mutating func perform(_ action: KeyAction) -> Bool {
        switch action.id {
        case "editor.undo": undo()
        case "editor.redo": redo()
        // Without a selection Ctrl-C/Ctrl-X fall through to the screen (cancel work / quit prompt).
        case "editor.cut": guard selection != nil else { return false }; cut()
        case "editor.copy": guard selection != nil else { return false }; copy()
        case "editor.paste": insertPaste(register)
        case "editor.indent": indent()
        case "editor.outdent": outdent()
        case "editor.nextDiagnostic": jumpToNextDiagnostic()
        case "editor.toggleFold": toggleFold()
        default: return false    // find / go to line need input the screen collects
        }
        return true
    }

    private mutating func handleMovementOrTyping(_ key: Key) -> Bool {
        let extend = key.modifiers.contains(.shift)
        let word = key.modifiers.contains(.ctrl)
        switch key.code {
        case .left: move(to: word ? wordBoundary(before: cursor) : visibleStep(cursor, by: -1), extend: extend, ifSelection: .start)
        case .right: move(to: word ? wordBoundary(after: cursor) : visibleStep(cursor, by: 1), extend: extend, ifSelection: .end)
        case .up: moveVertically(by: -1, extend: extend)
        case .down: moveVertically(by: 1, extend: extend)
        case .pageUp: moveVertically(by: -max(1, viewportHeight - 1), extend: extend)
        case .pageDown: moveVertically(by: max(1, viewportHeight - 1), extend: extend)
        case .home:
            if word { move(to: Position(line: 0, column: 0), extend: extend); break }
            // Smart home: first non-blank, then column 0.
            let indent = leadingWhitespace(of: cursor.line).count
            move(to: Position(line: cursor.line, column: cursor.column == indent ? 0 : indent), extend: extend)
        case .end:
            move(to: word ? buffer.end : Position(line: cursor.line, column: buffer.length(of: cursor.line)), extend: extend)
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .enter: insertNewline()
        case .char(let c) where key.typedCharacter != nil || key.modifiers == .shift:
            type(c)
        default: return false
        }
        return true
    }

    enum SelectionEdge { case start, end, none }

    mutating func move(to p: Position, extend: Bool, ifSelection edge: SelectionEdge = .none) {
        if extend {
            if anchor == nil { anchor = cursor }
        } else if let sel = selection, edge != .none {
            // An arrow without Shift collapses the selection to its edge (as in most editors).
            cursor = edge == .start ? sel.start : sel.end
            anchor = nil; preferredColumn = nil
            return
        } else {
            anchor = nil
        }
        cursor = buffer.clamp(p)
        preferredColumn = nil
        if !folds.isEmpty { reveal(cursor.line) }
    }

    mutating func moveVertically(by lines: Int, extend: Bool) {
        let column = preferredColumn ?? cursor.column
        // Count only visible lines, so a folded block is one step.
        var line = cursor.line
        for _ in 0..<abs(lines) {
            guard let next = visibleLine(after: line, step: lines > 0 ? 1 : -1) else { break }
            line = next
        }
        let target = buffer.clamp(Position(line: line, column: column))
        move(to: target, extend: extend)
        preferredColumn = column
    }

    func step(_ p: Position, by delta: Int) -> Position {
        if delta < 0 {
            if p.column > 0 { return Position(line: p.line, column: p.column - 1) }
            return p.line > 0 ? Position(line: p.line - 1, column: buffer.length(of: p.line - 1)) : p
        }
        if p.column < buffer.length(of: p.line) { return Position(line: p.line, column: p.column + 1) }
        return p.line + 1 < buffer.lineCount ? Position(line: p.line + 1, column: 0) : p
    }

    /// Like `step`, but jumps over folded lines (cursor movement only; scans use `step`).
    func visibleStep(_ p: Position, by delta: Int) -> Position {
        let q = step(p, by: delta)
        guard q.line != p.line, isHidden(q.line) else { return q }
        guard let line = visibleLine(after: p.line, step: delta) else { return p }
        return Position(line: line, column: delta < 0 ? buffer.length(of: line) : 0)
    }

    func wordBoundary(before p: Position) -> Position {
        var q = step(p, by: -1)
        while q > Position(line: 0, column: 0), let c = buffer.character(at: step(q, by: -1)), isWord(c) || q == p { q = step(q, by: -1) }
        return q
    }

    func wordBoundary(after p: Position) -> Position {
        var q = p
        while let c = buffer.character(at: q), !isWord(c) { q = step(q, by: 1); if q.column == 0 { return q } }
        while let c = buffer.character(at: q), isWord(c) { q = step(q, by: 1) }
        return q == p ? step(p, by: 1) : q
    }

    func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" || c == "?" }

    func leadingWhitespace(of line: Int) -> Substring {
        buffer.lines[line].prefix { $0 == " " || $0 == "\t" }
    }

    /// Keeps the cursor line inside the viewport.
    public mutating func scrollToCursor() {
        let h = max(1, viewportHeight)
        if cursor.line < scrollTop { scrollTop = cursor.line }
        if cursor.line >= scrollTop + h { scrollTop = cursor.line - h + 1 }
        scrollTop = max(0, min(scrollTop, max(0, buffer.lineCount - 1)))
    }
}
