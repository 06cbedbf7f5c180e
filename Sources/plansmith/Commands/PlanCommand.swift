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
        Searches: lazy-greedy (default), lama (LAMA-first: lazy greedy over FF and landmarks), eager-greedy, astar,
        wastar, anytime (LAMA-2011: lama, then restarting weighted A* 5, 3, 2, 1; improves cost until --timeout).
        --alias lama-first / seq-sat-lama-2011 name the last two as Fast Downward does.
        With anytime, --json prints one line per improved plan ("final": false) and the best plan last
        ("final": true); the text mode reports each improvement on stderr and prints the best plan.
        Heuristics: ff (default), add, max, goalcount, blind, lmcut (admissible; use with astar for optimal plans).

        Exit status: 0 plan found, 1 PDDL errors, 2 usage or I/O problem, 3 proven unsolvable, 4 limit reached.
        """)

    @Argument(help: "The domain file.") var domain: String
    @Argument(help: "The problem file.") var problem: String
    @Option(help: "Search algorithm.") var search: String = SearchAlgorithm.lazyGreedy.rawValue
    @Option(help: "lama-first or seq-sat-lama-2011 (Fast Downward's names; overrides --search).") var alias: String?
    @Option(help: "Heuristic.") var heuristic: String = HeuristicKind.ff.rawValue
    @Option(help: "Weight of h for wastar.") var weight: Int = 5
    @Option(help: "Time limit in seconds, from the start of the command (parsing, grounding and search).") var timeout: Double = 60
    @Option(name: .customLong("memory-limit"),
            help: "Most megabytes the planner's own structures may use (default: min(75% of RAM, RAM - 2 GB)).")
    var memoryLimit: Int?
    @Option(name: .customLong("operator-limit"), help: "Most ground operators before grounding gives up.")
    var operatorLimit: Int = 1_000_000
    @Flag(name: .customLong("no-preferred"), help: "Do not use preferred operators.") var noPreferred = false
    @Flag(help: "Print one JSON object instead of the plan text.") var json = false

    func run() throws {
        if let alias, Self.aliases[alias] == nil {
            throw ValidationError("unknown alias '\(alias)'; choose one of \(Self.aliases.keys.sorted().joined(separator: ", "))")
        }
        guard let algorithm = alias.flatMap({ Self.aliases[$0] }) ?? SearchAlgorithm(rawValue: search) else {
            throw ValidationError("unknown search '\(search)'; choose one of \(SearchAlgorithm.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let heuristicKind = HeuristicKind(rawValue: heuristic) else {
            throw ValidationError("unknown heuristic '\(heuristic)'; choose one of \(HeuristicKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let started = Date()
        let (domainSource, problemSource) = try PlanningInput.read(domain: domain, problem: problem, command: "plan")
        var configuration = SearchConfiguration(algorithm: algorithm, heuristic: heuristicKind, preferredOperators: !noPreferred,
                                                weight: weight)
        configuration.limits.memoryLimitBytes = (memoryLimit ?? Self.defaultMemoryLimitMB) << 20
        // One time limit over parsing, grounding and search (the planning service's rule).
        let job = PlanJob(domain: domainSource, problem: problemSource, configuration: configuration,
                          timeout: .milliseconds(Int(timeout * 1000)), operatorLimit: operatorLimit)
        let result = LocalPlanning.planNow(job, improved: algorithm == .anytime ? { plan, statistics in
            reportImprovement(plan, statistics: statistics, started: started)
        } : nil)
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

    /// min(75% of RAM, RAM − 2 GB), at least 256 MB: the planner stops itself before the kernel's OOM killer does.
    static var defaultMemoryLimitMB: Int {
        let ram = Int(ProcessInfo.processInfo.physicalMemory >> 20)
        return max(256, min(ram * 3 / 4, ram - 2048))
    }

    /// Anytime search: each cheaper plan as it comes — a JSON line with `"final": false`, or a line
    /// on stderr in text mode (the best plan goes to stdout at the end).
    private func reportImprovement(_ plan: Plan, statistics: SearchStatistics, started: Date) {
        let seconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
        if json {
            Console.json(["schema": 1, "status": "improved", "final": false, "time_s": seconds, "cost": plan.cost,
                          "expanded": statistics.expanded, "plan": plan.steps.map(\.description)])
        } else {
            Console.error("plansmith plan: plan with cost \(plan.cost) (\(plan.steps.count) steps) after \(seconds) s\n")
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
            if algorithm == .anytime { object["final"] = true }
            if statistics?.stoppedWhileGrounding == true { object["phase"] = "grounding" }
            Console.json(object)
        } else if let plan {
            Console.out(plan.ipcText(unitCost: unitCost))
        } else if status == "unsolvable" {
            Console.error("plansmith plan: no plan exists (search space exhausted after \(expanded) expansions)\n")
        } else if let limit, statistics?.stoppedWhileGrounding == true {
            Console.error("plansmith plan: no plan found within the \(limitText(limit)): stopped while grounding\n")
        } else {
            Console.error("plansmith plan: no plan found within the \(limit.map(limitText) ?? "operator limit") (\(expanded) expansions)\n")
        }
    }
}

extension PlanCommand {
    private var algorithm: SearchAlgorithm { alias.flatMap { Self.aliases[$0] } ?? SearchAlgorithm(rawValue: search) ?? .lazyGreedy }

    static let aliases: [String: SearchAlgorithm] = ["lama-first": .lama, "seq-sat-lama-2011": .anytime, "lama": .anytime]

    private func limitText(_ limit: Limit) -> String {
        switch limit {
        case .time: "time limit of \(timeout) s"
        case .memory: "memory limit of \(memoryLimit ?? Self.defaultMemoryLimitMB) MB"
        case .states: "state limit"
        case .operators: "operator limit"
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
