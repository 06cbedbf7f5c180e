/// A coloured stretch of one line, in grapheme columns.
public struct HighlightSpan: Hashable, Sendable {
    public var columns: Range<Int>
    public var role: Theme.Role
    public init(_ columns: Range<Int>, _ role: Theme.Role) { self.columns = columns; self.role = role }
}

/// Syntax colouring for the editor, one line at a time (only visible lines are asked). The PDDL
/// highlighter lives in the app's screen layer; the toolkit knows no language.
public protocol Highlighter: Sendable {
    func spans(for line: String, lineIndex: Int) -> [HighlightSpan]
}

/// No colouring.
public struct PlainHighlighter: Highlighter {
    public init() {}
    public func spans(for line: String, lineIndex: Int) -> [HighlightSpan] { [] }
}

/// A diagnostic the editor shows: a gutter mark on its line and its message under that line.
public struct EditorDiagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable { case error = "E", warning = "W" }
    public var severity: Severity
    public var position: Position
    /// Columns underlined (at least one).
    public var length: Int
    public var message: String
    public init(_ severity: Severity, at position: Position, length: Int = 1, _ message: String) {
        self.severity = severity; self.position = position; self.length = max(1, length); self.message = message
    }
}
