import ArgumentParser
import Critique
import Foundation
import PDDL
import Planner

/// `plansmith bench-critique DOMAIN PROBLEM`: one offline critique session in-process (no store),
/// reported as one JSON line, for `scripts/bench_critique.py`. Hidden: a measuring tool.
struct BenchCritiqueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-critique",
        abstract: "Measure one critique session (used by scripts/bench_critique.py).",
        shouldDisplay: false)

    @Argument var domain: String
    @Argument var problem: String
    @Option(name: .customLong("max-iterations")) var maxIterations: Int = 5
    @Option(help: "Time limit in seconds for the first plan.") var timeout: Double = 30
    @Option(name: .customLong("plan-file"), help: "Write the final plan here (IPC format).") var planFile: String?

    func run() async throws {
        let (domainAST, problemAST) = try PlanningInput.load(domain: domain, problem: problem, command: "bench-critique")
        let clock = ContinuousClock()
        let started = clock.now
        let task = try CritiqueTask(domain: domainAST, problem: problemAST)
        var planning = CritiqueOrchestrator.fastPlanning
        planning.limits.timeLimit = .milliseconds(Int(timeout * 1000))
        let orchestrator = CritiqueOrchestrator(task: task, configuration: CritiqueConfiguration(maxIterations: maxIterations),
                                                planning: planning)
        let result = await orchestrator.run()
        let elapsed = clock.now - started
        let rounds = result.rounds.filter { $0.iteration > 0 }
        var object: [String: Any] = [
            "problem": problem, "reason": result.reason.rawValue, "iterations": result.iterations,
            "seconds": Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            "round_seconds": rounds.map(\.seconds),
            "items": rounds.reduce(0) { $0 + $1.items.count },
            "accepted": rounds.reduce(0) { $0 + $1.scores.filter(\.accepted).count },
            "operators": task.grounded.operatorCount,
        ]
        if let plan = result.plan {
            object["valid"] = task.validator.validate(plan.steps).isValid
            object["cost"] = plan.cost
            object["initial_cost"] = result.initialCost ?? plan.cost
            object["lower_bound"] = task.costLowerBound ?? NSNull()
            if let planFile {
                try Plan(steps: plan.steps, cost: plan.cost).ipcText(unitCost: !task.grounded.usesActionCosts)
                    .write(toFile: planFile, atomically: true, encoding: .utf8)
            }
        } else {
            object["valid"] = false
            object["failure"] = result.failure ?? NSNull()
        }
        Console.json(object)
    }
}
