import PDDL
import TerminalUI

extension EditorDiagnostic {
    /// The editor's form of a PDDL diagnostic in the text shown: 0-based line, grapheme columns,
    /// the underline kept on the first line of a multi-line range. Notes go out; the message and
    /// the suggestion stay. Nil for diagnostics without a position in this text.
    public init?(_ diagnostic: Diagnostic, lines: [String]) {
        let line = Int(diagnostic.range.start.line) - 1
        guard line >= 0, line < lines.count, diagnostic.severity != .note else { return nil }
        let columns = GraphemeColumns(lines[line])
        let start = columns.column(atByte: Int(diagnostic.range.start.column) - 1)
        let sameLine = diagnostic.range.end.line == diagnostic.range.start.line
        let end = sameLine ? columns.column(atByte: Int(diagnostic.range.end.column) - 1) : lines[line].count
        var message = "\(diagnostic.code.rawValue): \(diagnostic.message)"
        if let suggestion = diagnostic.suggestion { message += " — did you mean '\(suggestion)'?" }
        self.init(diagnostic.isError ? .error : .warning, at: Position(line: line, column: start),
                  length: max(1, end - start), message)
    }
}
