import ArgumentParser
import Foundation
import PDDL
import Planner
import PlansmithCore

struct CheckPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-plan",
        abstract: "Validate a plan against a PDDL domain and problem (full ADL semantics).",
        discussion: """
        Reads an IPC plan file ('(action arg …)' per line; ';' comments, 'N:' time prefixes and
        '[duration]' suffixes are ignored), simulates it, and reports the first failing step with every
        unsatisfied precondition, the unmet goals, the plan cost, and which actions could achieve each
        missing fact.

        Exit status: 0 valid, 1 invalid (or PDDL errors), 2 usage or I/O problem.
        """)

    @Argument(help: "The domain file.") var domain: String
    @Argument(help: "The problem file.") var problem: String
    @Argument(help: "The plan file ('-' for standard input).") var plan: String
    @Flag(help: "Print one JSON object.") var json = false
    @OptionGroup var input: InputOptions

    func run() throws {
        let (domainSource, problemSource) = try PlanningInput.read(domain: domain, problem: problem, command: "check-plan")
        let planText: String
        do { planText = String(decoding: try SourceFiles.bytes(plan, maximumSize: input.maximumSize), as: UTF8.self) } catch let error as InputError {
            Console.error("plansmith check-plan: \(error)\n")
            throw ExitCode(2)
        }
        let report: PlanValidationReport, steps: [ParsedPlanStep]
        switch LocalPlanning.checkPlanNow(domain: domainSource, problem: problemSource, plan: planText) {
        case .invalidPDDL(let validation):
            throw PlanningInput.reject(validation, sources: [domainSource, problemSource])
        case .unreadablePlan(let line, let message):
            Console.error("\(plan):\(line): error: \(message)\n")
            throw ExitCode(1)
        case .refused(let why):
            Console.error("plansmith check-plan: \(why)\n")
            throw ExitCode(1)
        case .checked(let checked, let parsed):
            (report, steps) = (checked, parsed)
        }
        if json {
            var object: [String: Any] = ["schema": 1, "valid": report.isValid, "cost": report.cost,
                                         "unmet_goals": report.unmetGoals,
                                         "advice": report.advice.map { ["literal": $0.literal, "achievers": $0.achievers] }]
            if let failure = report.failure {
                object["first_failure"] = ["step": failure.step, "action": failure.action, "kind": failure.kind.rawValue,
                                           "message": failure.message, "unsatisfied": failure.unsatisfied,
                                           "line": steps[failure.step - 1].line] as [String: Any]
            } else {
                object["first_failure"] = NSNull()
            }
            Console.json(object)
        } else {
            Console.out(text(report, steps: steps))
        }
        if !report.isValid { throw ExitCode(1) }
    }

    private func text(_ report: PlanValidationReport, steps: [ParsedPlanStep]) -> String {
        if report.isValid { return "valid plan: \(steps.count) steps, cost \(report.cost)\n" }
        var out = ""
        if let failure = report.failure {
            out += "\(plan):\(steps[failure.step - 1].line): error: step \(failure.step) \(failure.action): \(failure.message)\n"
            for literal in failure.unsatisfied { out += "  unsatisfied: \(literal)\n" }
        } else {
            out += "\(plan): error: the plan executes (\(steps.count) steps, cost \(report.cost)) but leaves goals unmet\n"
            for goal in report.unmetGoals { out += "  unmet goal: \(goal)\n" }
        }
        for advice in report.advice where !advice.achievers.isEmpty {
            out += "  hint: \(advice.literal) can be achieved by \(advice.achievers.prefix(5).joined(separator: ", "))\n"
        }
        out += "invalid plan\n"
        return out
    }
}
