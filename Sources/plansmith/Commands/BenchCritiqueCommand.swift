import ArgumentParser
import Critique
import Foundation
import Store
import LLM
import PDDL
import Planner
import PlansmithCore

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
    @Option(help: "LLM mode with this provider (proposer, LLM critics, reviser), e.g. against fake-llm-server.") var llm: String?
    @Option(name: .customLong("llm-timeout")) var llmTimeout: Double = 30
    @OptionGroup var llmArguments: LLMArguments

    func run() async throws {
        let (domainAST, problemAST) = try PlanningInput.load(domain: domain, problem: problem, command: "bench-critique")
        let clock = ContinuousClock()
        let started = clock.now
        let task = try CritiqueTask(domain: domainAST, problem: problemAST)
        var planning = CritiqueOrchestrator.fastPlanning
        planning.limits.timeLimit = .milliseconds(Int(timeout * 1000))
        var request = CritiqueRequest(task: task, configuration: CritiqueConfiguration(maxIterations: maxIterations))
        if let llm {
            let router = LLMRouter(configuration: try llmArguments.loadConfiguration(command: "bench-critique"))
            request.useLLM(RoutedChatModel(router: router, provider: llm, session: "bench"),
                           domainText: String(decoding: try SourceFiles.bytes(domain), as: UTF8.self),
                           problemText: String(decoding: try SourceFiles.bytes(problem), as: UTF8.self), timeout: .seconds(llmTimeout))
        }
        let orchestrator = CritiqueOrchestrator(task: task, critics: request.critics, configuration: request.configuration,
                                                proposer: request.proposer, planning: planning, reviser: request.reviser)
        let result = await orchestrator.run(domainText: request.domainText, problemText: request.problemText)
        let elapsed = clock.now - started
        let rounds = result.rounds.filter { $0.iteration > 0 }
        var object: [String: Any] = [
            "problem": problem, "reason": result.reason.rawValue, "iterations": result.iterations,
            "seconds": Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            "round_seconds": rounds.map(\.seconds),
            "items": rounds.reduce(0) { $0 + $1.items.count },
            "accepted": rounds.reduce(0) { $0 + $1.scores.filter(\.accepted).count },
            "operators": task.grounded.operatorCount,
            "initial_source": result.initialSource?.summary ?? NSNull(),
        ]
        if llm != nil {
            // Per critic: agree votes on edits whose plan the validator rejects (or that do not apply), and all votes cast.
            var agreedInvalid: [String: Int] = [:], votes: [String: Int] = [:], failures: [String: Int] = [:]
            for round in rounds {
                for (critic, n) in round.agreedWithInvalid { agreedInvalid[critic.rawValue, default: 0] += n }
                for score in round.scores { for critic in score.votes.keys { votes[critic.rawValue, default: 0] += 1 } }
                for failure in round.criticFailures { failures[failure.critic.rawValue, default: 0] += 1 }
            }
            object["agreed_with_invalid"] = agreedInvalid
            object["votes"] = votes
            object["critic_failures"] = failures
            object["accepted_not_applied"] = rounds.reduce(0) { total, round in
                total + round.items.filter { item in item.edit != nil && !round.applied.contains(item.id)
                    && round.score(of: item.id)?.accepted == true }.count
            }
            object["invalid_edit_items"] = rounds.reduce(0) { $0 + $1.invalidEdits.count }
            object["revisions"] = rounds.compactMap(\.revision).count
            object["revisions_invalid"] = rounds.compactMap(\.revision).filter { !$0.valid }.count
            object["revisions_applied"] = rounds.compactMap(\.revision).filter(\.applied).count
            object["all_rounds_valid"] = result.rounds.allSatisfy { $0.validation.valid }
        }
        if let plan = result.plan {
            object["valid"] = task.validator.validate(plan.steps).isValid
            object["cost"] = plan.cost
            object["initial_cost"] = result.initialCost ?? plan.cost
            object["lower_bound"] = task.costLowerBound ?? NSNull()
            if let planFile {
                try AtomicFileWriter.write(Plan(steps: plan.steps, cost: plan.cost)
                    .ipcText(unitCost: !task.grounded.usesActionCosts), to: planFile)
            }
        } else {
            object["valid"] = false
            object["failure"] = result.failure ?? NSNull()
        }
        Console.json(object)
    }
}
