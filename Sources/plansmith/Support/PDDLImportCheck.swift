import Foundation
import PDDL

/// The PDDL check run before `plansmith domains import` stores anything. Kept apart from the
/// store commands because both the PDDL and Store modules define a type named `Domain`.
struct PDDLImportCheck {
    /// The file contents exactly as read: what is stored, so export gives the same bytes back.
    var domainText: String
    var problemText: String?
    /// The name in `(define (domain NAME)`, when the file parsed far enough to have one.
    var domainName: String?
    var errors: Int
    var warnings: Int
    /// Compiler-style rendering of every diagnostic (empty when there are none).
    var rendered: String
    var diagnosticsJSON: [[String: Any]]

    var hasErrors: Bool { errors > 0 }

    /// Reads and validates the files. Unreadable files are `InputError`s (exit 2).
    static func run(domainPath: String, problemPath: String?) throws -> PDDLImportCheck {
        let domain = try source(domainPath)
        let problem = try problemPath.map(source)
        let report = ValidationReport.validate(domain: domain, problem: problem)
        var sources = [domain.name: domain]
        if let problem { sources[problem.name] = problem }
        let diagnostics = report.diagnostics
        let rendered = DiagnosticRenderer(useColor: Console.stderrSupportsColor).render(diagnostics, sources: sources)
        return PDDLImportCheck(
            domainText: try text(of: domain), problemText: try problem.map(text(of:)),
            domainName: report.domain?.name.text, errors: diagnostics.errorCount,
            warnings: diagnostics.warningCount, rendered: rendered, diagnosticsJSON: diagnostics.map(\.jsonObject))
    }

    private static func source(_ path: String) throws -> SourceText {
        guard path != "-" else { throw InputError(path: path, reason: "import needs a file, not standard input") }
        switch try SourceFiles.load(path) {
        case .text(let source): return source
        case .rejected(let diagnostic): throw InputError(path: path, reason: diagnostic.message)
        }
    }

    private static func text(of source: SourceText) throws -> String {
        guard let text = String(validating: source.bytes, as: UTF8.self) else {
            throw InputError(path: source.name, reason: "is not UTF-8 text")
        }
        return text
    }
}
