import ArgumentParser
import Foundation
import PDDL

/// `plansmith bench-parse`: in-process parse and check timings for `scripts/bench parse`.
/// Hidden from help: it is a measuring tool, not a user feature.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse",
        abstract: "Measure parse and check throughput (used by scripts/bench parse).",
        shouldDisplay: false)

    @Argument var domain: String
    @Argument var problem: String
    @Option(name: .customLong("repeat"), help: "How many timed repetitions; the best is reported.") var repetitions: Int = 3

    func run() throws {
        guard case .text(let domainSource) = try SourceFiles.load(domain),
              case .text(let problemSource) = try SourceFiles.load(problem) else {
            throw ValidationError("input rejected")
        }
        let bytes = domainSource.bytes.count + problemSource.bytes.count
        var bestParse = Double.infinity, bestTotal = Double.infinity
        var errors = 0
        // Results stay alive until the end, so freeing a large AST is not timed as parsing.
        var kept: [(ParseResult, ParseResult, [Diagnostic])] = []
        for _ in 0..<max(1, repetitions) {
            let start = DispatchTime.now().uptimeNanoseconds
            let parsedDomain = PDDLParser.parse(domainSource)
            let parsedProblem = PDDLParser.parse(problemSource)
            let parsed = DispatchTime.now().uptimeNanoseconds
            var diagnostics = parsedDomain.diagnostics + parsedProblem.diagnostics
            if let d = parsedDomain.document?.domain, let p = parsedProblem.document?.problem {
                diagnostics += SemanticChecker.check(domain: d)
                diagnostics += SemanticChecker.check(problem: p, domain: d)
            }
            let checked = DispatchTime.now().uptimeNanoseconds
            kept.append((parsedDomain, parsedProblem, diagnostics))
            errors = diagnostics.errorCount
            bestParse = min(bestParse, Double(parsed - start) / 1e9)
            bestTotal = min(bestTotal, Double(checked - start) / 1e9)
        }
        let megabytes = Double(bytes) / 1e6
        withExtendedLifetime(kept) {}
        Console.json([
            "bytes": bytes, "errors": errors,
            "parse_s": bestParse, "parse_check_s": bestTotal,
            "parse_mb_s": megabytes / bestParse, "parse_check_mb_s": megabytes / bestTotal,
        ])
    }
}
