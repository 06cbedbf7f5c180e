import ArgumentParser
import Critique
import Foundation
import LLM
import PDDL
import Planner
import PlansmithCore
import Store

/// `plansmith critique`: the critique loop, streamed round by round as the bus reports it. The
/// session and each round are saved in the database as they finish.
struct CritiqueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "critique",
        abstract: "Improve a plan in rounds of critique, printed as they happen.",
        discussion: """
        The classical planner supplies a first plan; the Completeness, Efficiency and Safety critics \
        report items, every critic votes on every item (weights 0.4/0.3/0.3, accepted at 0.5), and \
        accepted edits are applied only when the plan validator accepts the result. With --llm the \
        model proposes the first plan, an LLM critic joins each role (sharing half its weight), and \
        the model revises the plan from the accepted items; the validator vets every plan it writes. \
        The final plan is always valid. --json prints one JSON object per line (schema 1); the last has "type": "final".

        When the planner finds no first plan within --timeout (or none exists), the last line says \
        so ("reason": "no-plan" in --json) and the exit status is 4.

        Exit status: 0 done, 1 PDDL errors, 2 usage or I/O problem, 4 no plan found.
        """)

    @Argument(help: "The domain file ('-' for standard input).") var domain: String
    @Argument(help: "The problem file.") var problem: String
    @Option(name: .customLong("max-iterations"), help: "Most critique rounds.") var maxIterations: Int = 5
    @Option(help: ArgumentHelp("Use this language-model provider for the first plan, as a critic in each role and to revise the plan (all validated).",
                               valueName: "provider"))
    var llm: String?
    @Option(name: .customLong("llm-timeout"), help: ArgumentHelp("Seconds one LLM critic or revision call may take.", valueName: "seconds"))
    var llmTimeout: Double = 90
    @Option(help: "Seconds the classical planner may take for the first plan.") var timeout: Double = 60
    @OptionGroup var llmArguments: LLMArguments
    @Flag(help: "One JSON object per line instead of text.") var json = false
    @OptionGroup var store: StoreArguments

    func validate() throws {
        guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1") }
        guard llmTimeout > 0 else { throw ValidationError("--llm-timeout must be positive") }
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be above 0 and at most 86400 seconds") }
    }

    func run() async throws {
        let llmConfiguration = try llm.map { provider -> LLMConfiguration in
            if domain == "-" || problem == "-" { throw ValidationError("--llm needs the domain and problem as files, not '-'") }
            let configuration = try llmArguments.loadConfiguration(command: "critique")
            guard configuration.provider(named: provider) != nil else {
                throw ValidationError("unknown provider '\(provider)'; configured: \(configuration.providers.map(\.name).joined(separator: ", "))")
            }
            return configuration
        }
        let (domainAST, problemAST) = try PlanningInput.load(domain: domain, problem: problem, command: "critique")
        let task: CritiqueTask
        do { task = try CritiqueTask(domain: domainAST, problem: problemAST) } catch {
            Console.error("plansmith critique: \(error)\n")
            throw ExitCode(1)
        }
        var configuration = CritiqueConfiguration.default
        configuration.maxIterations = maxIterations
        let printer = CritiqueEventPrinter(json: json)
        let result: CritiqueResult? = try await store.withSession("critique") { context in
            let bus = EventBus(bufferLimit: 1024)
            let service = CritiqueService(bus: bus, sessions: context.store.planningSessions, userId: context.userId)
            let subscription = await bus.subscribe()
            var request = CritiqueRequest(task: task, configuration: configuration)
            request.planning.limits.timeLimit = .milliseconds(Int64(timeout * 1000))
            if let llmConfiguration {
                let router = LLMRouter(configuration: llmConfiguration,
                                       recorder: StoreUsageRecorder(store: context.store, userId: context.userId))
                request.useLLM(RoutedChatModel(router: router, provider: llm, session: "critique"),
                               domainText: String(decoding: try SourceFiles.bytes(domain), as: UTF8.self),
                               problemText: String(decoding: try SourceFiles.bytes(problem), as: UTF8.self),
                               timeout: .seconds(llmTimeout))
            }
            let id = try await service.start(request)
            for await event in subscription.events where event.sessionId == id {
                printer.print(event.payload, sessionId: id, task: task)
                if case .sessionFinished(let result) = event.payload { return result }
            }
            return nil
        }
        // No first plan (the planner's limit, or none exists): exit 4, as `plan` does at its limit.
        if result?.plan == nil { throw ExitCode(4) }
    }
}
