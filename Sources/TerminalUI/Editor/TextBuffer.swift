/// A place in the text: line and column, both 0-based; the column counts graphemes.
public struct Position: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line + 1):\(column + 1)" }
}

/// A span of text from `start` up to (not including) `end`.
public struct TextRange: Hashable, Sendable {
    public var start: Position
    public var end: Position
    /// Orders the two ends, so a selection made backwards is still a valid range.
    public init(_ a: Position, _ b: Position) { start = min(a, b); end = max(a, b) }
    public var isEmpty: Bool { start == end }
}

/// The editor's text as an array of lines. An edit touches only the lines it spans (plus a shift
/// of the line array, a memmove of pointers), so typing in a 5,000-line file costs O(line length).
public struct TextBuffer: Equatable, Sendable {
    public private(set) var lines: [String]

    public init(_ text: String = "") {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.isEmpty { lines = [""] }
    }

    public var lineCount: Int { lines.count }
    public var text: String { lines.joined(separator: "\n") }
    public var end: Position { Position(line: lines.count - 1, column: lines[lines.count - 1].count) }

    /// Grapheme count of a line.
    public func length(of line: Int) -> Int { lines[line].count }

    /// `p` moved into the text (line and column clamped).
    public func clamp(_ p: Position) -> Position {
        let line = min(max(0, p.line), lines.count - 1)
        return Position(line: line, column: min(max(0, p.column), lines[line].count))
    }

    public func character(at p: Position) -> Character? {
        guard p.line >= 0, p.line < lines.count, p.column >= 0 else { return nil }
        let l = lines[p.line]
        guard p.column < l.count else { return nil }
        return l[l.index(l.startIndex, offsetBy: p.column)]
    }

    public func text(in range: TextRange) -> String {
        let r = TextRange(clamp(range.start), clamp(range.end))
        if r.start.line == r.end.line { return String(slice(r.start.line, r.start.column, r.end.column)) }
        var parts = [String(slice(r.start.line, r.start.column, nil))]
        if r.end.line - r.start.line > 1 { parts += lines[(r.start.line + 1)..<r.end.line] }
        parts.append(String(slice(r.end.line, 0, r.end.column)))
        return parts.joined(separator: "\n")
    }

    /// Replaces `range` with `text`; returns the position just after the inserted text.
    @discardableResult
    public mutating func replace(_ range: TextRange, with text: String) -> Position {
        let r = TextRange(clamp(range.start), clamp(range.end))
        let head = slice(r.start.line, 0, r.start.column) + text
        let tail = slice(r.end.line, r.end.column, nil)
        var newLines = (head + tail).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if newLines.isEmpty { newLines = [""] }
        lines.replaceSubrange(r.start.line...r.end.line, with: newLines)
        let headLines = head.split(separator: "\n", omittingEmptySubsequences: false)
        return clamp(Position(line: r.start.line + headLines.count - 1, column: headLines.last.map { $0.count } ?? 0))
    }

    private func slice(_ line: Int, _ from: Int, _ to: Int?) -> Substring {
        let l = lines[line]
        let a = l.index(l.startIndex, offsetBy: from, limitedBy: l.endIndex) ?? l.endIndex
        guard let to else { return l[a...] }
        let b = l.index(l.startIndex, offsetBy: to, limitedBy: l.endIndex) ?? l.endIndex
        return l[a..<max(a, b)]
    }
}
