import ArgumentParser
import Foundation
import PDDL
import Planner
import PlansmithCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Find a plan for a PDDL problem (classical planning, ADL, action costs).",
        discussion: """
        Prints the plan in IPC format, one '(action arg …)' per line, then '; cost = N'.
        Searches: lazy-greedy (default), eager-greedy, astar, wastar, anytime (improves cost until --timeout).
        Heuristics: ff (default), add, max, goalcount, blind, lmcut (admissible; use with astar for optimal plans).

        Exit status: 0 plan found, 1 PDDL errors, 2 usage or I/O problem, 3 proven unsolvable, 4 limit reached.
        """)

    @Argument(help: "The domain file.") var domain: String
    @Argument(help: "The problem file.") var problem: String
    @Option(help: "Search algorithm.") var search: String = SearchAlgorithm.lazyGreedy.rawValue
    @Option(help: "Heuristic.") var heuristic: String = HeuristicKind.ff.rawValue
    @Option(help: "Weight of h for wastar.") var weight: Int = 5
    @Option(help: "Time limit in seconds (search and grounding).") var timeout: Double = 60
    @Option(name: .customLong("operator-limit"), help: "Most ground operators before grounding gives up.")
    var operatorLimit: Int = 1_000_000
    @Flag(name: .customLong("no-preferred"), help: "Do not use preferred operators.") var noPreferred = false
    @Flag(help: "Print one JSON object instead of the plan text.") var json = false

    func run() throws {
        guard let algorithm = SearchAlgorithm(rawValue: search) else {
            throw ValidationError("unknown search '\(search)'; choose one of \(SearchAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let heuristicKind = HeuristicKind(rawValue: heuristic) else {
            throw ValidationError("unknown heuristic '\(heuristic)'; choose one of \(HeuristicKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let started = Date()
        let (domainSource, problemSource) = try PlanningInput.read(domain: domain, problem: problem, command: "plan")
        let configuration = SearchConfiguration(algorithm: algorithm, heuristic: heuristicKind, preferredOperators: !noPreferred,
                                                weight: weight)
        // One time limit over parsing, grounding and search (the planning service's rule).
        let job = PlanJob(domain: domainSource, problem: problemSource, configuration: configuration,
                          timeout: .milliseconds(Int(timeout * 1000)), operatorLimit: operatorLimit)
        let result = LocalPlanning.planNow(job)
        switch result {
        case .invalidPDDL(let report):
            throw PlanningInput.reject(report, sources: [domainSource, problemSource])
        case .refused(let why):
            Console.error("plansmith plan: \(why)\n")
            throw ExitCode(1)
        case .solved(let plan, let statistics, let unitCost):
            emit(status: "solved", plan: plan, expanded: statistics.expanded, started: started, unitCost: unitCost,
                 statistics: statistics)
        case .unsolvable(let statistics):
            emit(status: "unsolvable", plan: nil, expanded: statistics.expanded, started: started, statistics: statistics)
        case .limit(let limit, let statistics):
            if limit == .operators { Console.error("plansmith plan: grounding gave up: more than \(operatorLimit) ground operators\n") }
            emit(status: "limit", plan: nil, expanded: statistics?.expanded ?? 0, started: started, limit: limit, statistics: statistics)
        case .cancelled:
            break
        }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }

    private func emit(status: String, plan: Plan?, expanded: Int, started: Date, unitCost: Bool = true, limit: Limit? = nil,
                      statistics: SearchStatistics? = nil) {
        let seconds = Date().timeIntervalSince(started)
        if json {
            var object: [String: Any] = ["schema": 1, "status": status, "time_s": (seconds * 1000).rounded() / 1000, "expanded": expanded]
            object["plan"] = plan.map { $0.steps.map(\.description) } ?? NSNull()
            object["cost"] = plan.map(\.cost) ?? NSNull()
            if let statistics {
                // Additive diagnostics beyond the schema-1 contract (benchmarks read them).
                object["evaluated"] = statistics.evaluated
                object["stored_states"] = statistics.storedStates
                object["bytes_per_state"] = statistics.bytesPerState
                object["search_memory_bytes"] = statistics.peakMemoryBytes
            }
            if let limit { object["limit"] = limit.rawValue }
            Console.json(object)
        } else if let plan {
            Console.out(plan.ipcText(unitCost: unitCost))
        } else if status == "unsolvable" {
            Console.error("plansmith plan: no plan exists (search space exhausted after \(expanded) expansions)\n")
        } else {
            Console.error("plansmith plan: no plan found within the \(limit?.rawValue ?? "operator") limit (\(expanded) expansions)\n")
        }
    }
}

/// Reads a domain and a problem for the planning commands: I/O problems exit 2, PDDL errors exit 1
/// with compiler-style diagnostics.
enum PlanningInput {
    /// Both files' text; a file refused before parsing (too large, binary) is a PDDL error (exit 1).
    static func read(domain: String, problem: String, command: String) throws -> (SourceText, SourceText) {
        if domain == "-" && problem == "-" { throw ValidationError("only one of DOMAIN and PROBLEM can be '-' (standard input)") }
        var rejected: [Diagnostic] = []
        func read(_ path: String) throws -> SourceText? {
            do {
                switch try SourceFiles.load(path) {
                case .text(let source): return source
                case .rejected(let diagnostic): rejected.append(diagnostic); return nil
                }
            } catch let error as InputError {
                Console.error("plansmith \(command): \(error)\n")
                throw ExitCode(2)
            }
        }
        let domainSource = try read(domain), problemSource = try read(problem)
        guard let domainSource, let problemSource, rejected.isEmpty else {
            Console.error(DiagnosticRenderer(useColor: Console.stderrSupportsColor).render(rejected, sources: [:]))
            throw ExitCode(1)
        }
        return (domainSource, problemSource)
    }

    /// Prints a failed validation's errors like a compiler; the caller exits with what this returns.
    static func reject(_ report: ValidationReport, sources: [SourceText]) -> ExitCode {
        let byName = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        Console.error(DiagnosticRenderer(useColor: Console.stderrSupportsColor).render(report.diagnostics.filter(\.isError),
                                                                                        sources: byName))
        return ExitCode(1)
    }

    /// Read and checked: the parsed domain and problem.
    static func load(domain: String, problem: String, command: String) throws -> (Domain, Problem) {
        let (domainSource, problemSource) = try read(domain: domain, problem: problem, command: command)
        let report = ValidationReport.validate(domain: domainSource, problem: problemSource)
        guard let domainAST = report.domain, let problemAST = report.problem, !report.hasErrors else {
            throw reject(report, sources: [domainSource, problemSource])
        }
        return (domainAST, problemAST)
    }
}
