/// How bad a diagnostic is. Errors make a file unusable; warnings point at likely mistakes.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self { case .error: 2; case .warning: 1; case .note: 0 }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about a source file, with a stable code so scripts and tests can rely on it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    /// The file the range refers to, as the user named it ("-" for standard input).
    public var file: String
    /// Extra explanation lines, each shown as `note: …` under the source excerpt.
    public var notes: [String]
    /// A replacement the user probably meant ("did you mean …?").
    public var suggestion: String?

    public init(_ code: DiagnosticCode, _ message: String, at range: SourceRange, file: String = "",
                severity: Severity? = nil, notes: [String] = [], suggestion: String? = nil) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.message = message
        self.range = range
        self.file = file
        self.notes = notes
        self.suggestion = suggestion
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        "\(file):\(range.start.line):\(range.start.column): \(severity.rawValue)[\(code.rawValue)]: \(message)"
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.code == b.code && a.severity == b.severity && a.message == b.message && a.file == b.file
            && a.range.isSamePosition(as: b.range) && a.notes == b.notes && a.suggestion == b.suggestion
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code); hasher.combine(message); hasher.combine(range.start.offset)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }

    /// Sorted by file order, then by position; stable for equal positions.
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            if a.element.range.start.offset != b.element.range.start.offset {
                return a.element.range.start.offset < b.element.range.start.offset
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
