/// Something that gathers diagnostics about one file: the checkers share how they report.
protocol DiagnosticCollector {
    var file: String { get }
    var diagnostics: [Diagnostic] { get set }
}

extension DiagnosticCollector {
    mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [String] = [],
                         suggestion: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: range, file: file, notes: notes, suggestion: suggestion))
    }
}
