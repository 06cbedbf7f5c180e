import ArgumentParser
import Foundation
import PDDL
import Planner

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
        let (domainAST, problemAST) = try PlanningInput.load(domain: domain, problem: problem, command: "plan")
        var configuration = SearchConfiguration(algorithm: algorithm, heuristic: heuristicKind, preferredOperators: !noPreferred,
                                                weight: weight)
        configuration.limits.timeLimit = .milliseconds(Int(timeout * 1000))
        let task: GroundedTask
        do {
            task = try Grounder.ground(domain: domainAST, problem: problemAST, options: GroundingOptions(operatorLimit: operatorLimit))
        } catch let error as PlanningError {
            Console.error("plansmith plan: \(error)\n")
            if case .tooManyOperators = error { emit(status: "limit", plan: nil, expanded: 0, started: started); throw ExitCode(4) }
            throw ExitCode(1)
        }
        // The time limit covers parsing and grounding too: the search gets what is left.
        let remaining = max(0.001, timeout - Date().timeIntervalSince(started))
        configuration.limits.timeLimit = .milliseconds(Int(remaining * 1000))
        let outcome = PlanSearch.solve(task, configuration: configuration)
        switch outcome {
        case .solved(let plan, let statistics):
            emit(status: "solved", plan: plan, expanded: statistics.expanded, started: started, unitCost: !task.usesActionCosts,
                 statistics: statistics)
        case .provenUnsolvable(let statistics):
            emit(status: "unsolvable", plan: nil, expanded: statistics.expanded, started: started, statistics: statistics)
            throw ExitCode(3)
        case .exhausted(let limit, let statistics):
            emit(status: "limit", plan: nil, expanded: statistics.expanded, started: started, limit: limit, statistics: statistics)
            throw ExitCode(4)
        case .cancelled:
            throw ExitCode(4)
        }
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
    static func load(domain: String, problem: String, command: String) throws -> (Domain, Problem) {
        if domain == "-" && problem == "-" { throw ValidationError("only one of DOMAIN and PROBLEM can be '-' (standard input)") }
        var sources: [String: SourceText] = [:]
        var diagnostics: [Diagnostic] = []
        func read(_ path: String) throws -> SourceText? {
            do {
                switch try SourceFiles.load(path) {
                case .text(let source): sources[source.name] = source; return source
                case .rejected(let diagnostic): diagnostics.append(diagnostic); return nil
                }
            } catch let error as InputError {
                Console.error("plansmith \(command): \(error)\n")
                throw ExitCode(2)
            }
        }
        let domainSource = try read(domain), problemSource = try read(problem)
        var domainAST: Domain?, problemAST: Problem?
        if let domainSource, let problemSource {
            let report = ValidationReport.validate(domain: domainSource, problem: problemSource)
            diagnostics += report.diagnostics.filter(\.isError)
            domainAST = report.domain
            problemAST = report.problem
        }
        guard let domainAST, let problemAST, !diagnostics.hasErrors else {
            Console.error(DiagnosticRenderer(useColor: Console.stderrSupportsColor).render(diagnostics, sources: sources))
            throw ExitCode(1)
        }
        return (domainAST, problemAST)
    }
}
