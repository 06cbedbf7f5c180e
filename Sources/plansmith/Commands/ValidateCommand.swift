import ArgumentParser
import PDDL

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Options shared by commands that read PDDL files.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("max-size"), help: "Refuse input files larger than this many MB.")
    var maxSizeMB: Int = SourceText.defaultMaximumSize >> 20

    /// Bytes; at most 1 TiB so a huge `--max-size` cannot overflow into a negative limit.
    var maximumSize: Int { min(max(1, maxSizeMB), 1 << 20) << 20 }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Parse and check a PDDL domain, and a problem against it.",
        discussion: """
        Reports every syntax and semantic problem it finds, like a compiler:

          domain.pddl:12:18: error[S003]: predicate 'hodling' is not declared

        with the source line, a caret under the spot, and a suggestion where one is likely. \
        Codes are stable: I… input, P… syntax, R… requirements, S… semantics, W… warnings.

        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O problem. \
        Use '-' to read a file from standard input.
        """)

    @Argument(help: "The domain file (or '-' for standard input).")
    var domain: String

    @Argument(help: "A problem file to check against the domain.")
    var problem: String?

    @Option(help: "Output format: text (compiler style) or json (one object).")
    var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors (exit 1 if there are any).")
    var warningsAsErrors = false

    @Flag(name: .customLong("no-warnings"), help: "Do not show warnings.")
    var hideWarnings = false

    @OptionGroup var input: InputOptions

    func run() throws {
        if domain == "-" && problem == "-" {
            throw ValidationError("only one of DOMAIN and PROBLEM can be '-' (standard input)")
        }
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        let domainSource = try load(domain, into: &diagnostics)
        let problemSource = try problem.map { try load($0, into: &diagnostics) } ?? nil
        var report: ValidationReport?
        if let domainSource {
            sources[domainSource.name] = domainSource
            if let problemSource { sources[problemSource.name] = problemSource }
            if problem == nil || problemSource != nil {
                report = ValidationReport.validate(domain: domainSource, problem: problemSource, maximumSize: input.maximumSize)
                diagnostics += report!.diagnostics
            }
        }
        if hideWarnings { diagnostics.removeAll { $0.severity == .warning } }
        let failed = diagnostics.hasErrors || (warningsAsErrors && diagnostics.warningCount > 0)
        switch format {
        case .json:
            var object: [String: Any] = [
                "valid": !failed,
                "errors": diagnostics.errorCount,
                "warnings": diagnostics.warningCount,
                "diagnostics": diagnostics.map(\.jsonObject),
            ]
            if let domain = report?.domain { object["domain"] = domain.summaryJSON }
            if let problem = report?.problem { object["problem"] = problem.summaryJSON }
            Console.json(object)
        case .text:
            let renderer = DiagnosticRenderer(useColor: Console.stderrSupportsColor)
            Console.out(renderer.render(diagnostics, sources: sources))
            Console.out(summaryLine(report: report, diagnostics: diagnostics, failed: failed) + "\n")
        }
        if failed { throw ExitCode(1) }
    }

    private func load(_ path: String, into diagnostics: inout [Diagnostic]) throws -> SourceText? {
        do {
            switch try SourceFiles.load(path, maximumSize: input.maximumSize) {
            case .text(let source): return source
            case .rejected(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        } catch let error as InputError {
            Console.error("plansmith validate: \(error)\n")
            throw ExitCode(2)
        }
    }

    private func summaryLine(report: ValidationReport?, diagnostics: [Diagnostic], failed: Bool) -> String {
        let counts = DiagnosticRenderer.summary(diagnostics)
        if failed { return "validation failed: \(counts ?? "warnings treated as errors")" }
        var parts: [String] = []
        if let domain = report?.domain {
            parts.append("domain '\(domain.name.text)': \(domain.actions.count) actions, \(domain.predicates.count) predicates, \(domain.types.count) types")
        }
        if let problem = report?.problem {
            parts.append("problem '\(problem.name.text)': \(problem.objects.count) objects, \(problem.initialState.count) initial facts")
        }
        return "ok — " + parts.joined(separator: "; ") + (counts.map { " (\($0))" } ?? "")
    }
}

extension Domain {
    var summaryJSON: [String: Any] {
        ["name": name.text, "actions": actions.count, "predicates": predicates.count, "types": types.count,
         "requirements": requirements.map(\.name.text)]
    }
}

extension Problem {
    var summaryJSON: [String: Any] {
        ["name": name.text, "domain": domainName.text, "objects": objects.count, "init": initialState.count]
    }
}
