import PlansmithCore
import Critique
import Foundation
import PDDL
import TerminalUI

extension DomainScreen {
    /// Which of the two texts a diagnostic, tab or edit is about.
    public enum PDDLFile: String, Sendable, CaseIterable {
        case domain, problem
        var sourceName: String { "\(rawValue).pddl" }
    }

    /// One diagnostic as the screen shows it: in the validation panel (code, file, line) and as an
    /// editor underline (the `editor` form, positioned in that file's text).
    public struct FileDiagnostic: Sendable, Equatable {
        public var file: PDDLFile
        public var isError: Bool
        public var code: String
        /// 1-based line and column, as compilers print them.
        public var line: Int
        public var column: Int
        public var message: String
        var editor: EditorDiagnostic?

        /// "E domain:12:5 P004 unknown predicate 'on-table'".
        public var summary: String { "\(isError ? "E" : "W") \(file.rawValue):\(line):\(column) \(code) \(message)" }
    }

    /// The result of checking both texts.
    public struct ValidationResult: Sendable, Equatable {
        public var diagnostics: [FileDiagnostic] = []
        public init(diagnostics: [FileDiagnostic] = []) { self.diagnostics = diagnostics }
        public var errorCount: Int { diagnostics.filter(\.isError).count }
        public var warningCount: Int { diagnostics.count - errorCount }
        public var isValid: Bool { errorCount == 0 }
        func editorDiagnostics(for file: PDDLFile) -> [EditorDiagnostic] {
            diagnostics.compactMap { $0.file == file ? $0.editor : nil }
        }
    }

    /// Parsing, checking and formatting through the PDDL module. Pure functions of the texts, run
    /// in tasks (on a dedicated thread for big texts), never in `view`.
    enum PDDLCheck {
        /// Texts above this many characters are checked through the planning service, on a thread of their own.
        static let bigText = 20_000

        static func validate(domain: String, problem: String) -> ValidationResult {
            let domainSource = SourceText(name: PDDLFile.domain.sourceName, text: domain)
            let hasProblem = !problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            let problemSource = hasProblem ? SourceText(name: PDDLFile.problem.sourceName, text: problem) : nil
            return result(of: ValidationReport.validate(domain: domainSource, problem: problemSource), domain: domain, problem: problem)
        }

        /// A validation report as the screen shows it: diagnostics per file, placed in the editor.
        static func result(of report: ValidationReport, domain: String, problem: String) -> ValidationResult {
            let lines: [PDDLFile: [String]] = [.domain: lines(of: domain), .problem: lines(of: problem)]
            let shown = report.diagnostics.filter { $0.severity != .note }.sortedByPosition()
            return ValidationResult(diagnostics: shown.map { d in
                let file: PDDLFile = d.file == PDDLFile.problem.sourceName ? .problem : .domain
                return FileDiagnostic(file: file, isError: d.isError, code: d.code.rawValue, line: Int(d.range.start.line),
                                      column: Int(d.range.start.column), message: d.message,
                                      editor: EditorDiagnostic(d, lines: lines[file] ?? []))
            })
        }

        /// The formatted text, or why it cannot be formatted (syntax errors would change its meaning).
        static func format(_ text: String) -> Result<String, FormatRefusal> {
            LocalPlanning.formatNow(text).mapError { FormatRefusal(text: $0.message) }
        }

        /// Lines as the editor splits them (the text buffer keeps "\n"-separated lines).
        static func lines(of text: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    struct FormatRefusal: Error, Sendable, Equatable { var text: String }
}

extension DomainScreen.PDDLCheck {
    /// `validate`, through the planning service (on a thread of its own) for big texts, so a long
    /// parse never holds up the cooperative pool and the UI's tasks keep flowing.
    static func validateOffMain(_ planning: any PlanningService, domain: String, problem: String) async -> DomainScreen.ValidationResult? {
        if domain.utf8.count + problem.utf8.count < bigText { return validate(domain: domain, problem: problem) }
        let hasProblem = !problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let report = await planning.validate(domain: SourceText(name: DomainScreen.PDDLFile.domain.sourceName, text: domain),
                                             problem: hasProblem ? SourceText(name: DomainScreen.PDDLFile.problem.sourceName, text: problem) : nil)
        if Task.isCancelled { return nil }
        return result(of: report, domain: domain, problem: problem)
    }

    static func formatOffMain(_ planning: any PlanningService, _ text: String) async -> Result<String, DomainScreen.FormatRefusal> {
        if text.utf8.count < bigText { return format(text) }
        return await planning.format(text).mapError { DomainScreen.FormatRefusal(text: $0.message) }
    }
}
