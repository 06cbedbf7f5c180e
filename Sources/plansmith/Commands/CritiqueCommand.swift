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

        Exit status: 0 done, 1 PDDL errors, 2 usage or I/O problem, 4 no plan found within the limits.
        """)

    @Argument(help: "The domain file ('-' for standard input).") var domain: String
    @Argument(help: "The problem file.") var problem: String
    @Option(name: .customLong("max-iterations"), help: "Most critique rounds.") var maxIterations: Int = 5
    @Option(help: ArgumentHelp("Use this language-model provider for the first plan, as a critic in each role and to revise the plan (all validated).",
                               valueName: "provider"))
    var llm: String?
    @Option(name: .customLong("llm-timeout"), help: ArgumentHelp("Seconds one LLM critic or revision call may take.", valueName: "seconds"))
    var llmTimeout: Double = 90
    @OptionGroup var llmArguments: LLMArguments
    @Flag(help: "One JSON object per line instead of text.") var json = false
    @OptionGroup var store: StoreArguments

    func validate() throws {
        guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1") }
        guard llmTimeout > 0 else { throw ValidationError("--llm-timeout must be positive") }
    }

    func run() async throws {
        let llmConfiguration = try llm.map { provider -> LLMConfiguration in
            let configuration = try llmArguments.loadConfiguration(command: "critique")
            guard configuration.provider(named: provider) != nil else {
                throw ValidationError("unknown provider '\(provider)'; configured: \(configuration.providers.map(\.name).joined(separator: ", "))")
            }
            return configuration
        }
        let (domainSource, problemSource) = try PlanningInput.read(domain: domain, problem: problem, command: "critique")
        // PDDL errors are reported like `validate` does, before a session is created.
        let report = ValidationReport.validate(domain: domainSource, problem: problemSource)
        if report.hasErrors { throw PlanningInput.reject(report, sources: [domainSource, problemSource]) }
        var configuration = CritiqueConfiguration.default
        configuration.maxIterations = maxIterations
        let printer = CritiqueEventPrinter(json: json)
        let start = CritiqueStart(source: .texts(domain: String(decoding: domainSource.bytes, as: UTF8.self), problem: String(decoding: problemSource.bytes, as: UTF8.self)), configuration: configuration,
                                  llm: llm.map { CritiqueStart.LanguageModelUse(provider: $0, timeout: .seconds(llmTimeout)) })
        let result: CritiqueResult? = try await store.withSession("critique") { context in
            let models = llmConfiguration.map { LanguageModels(configuration: $0, usage: context.store.usage) }
            let services = AppServices.live(store: context.store, bus: EventBus(bufferLimit: 1024), models: models)
            let subscription = await services.critique.bus.subscribe()
            let launch: CritiqueLaunch
            do { launch = try await services.critique.start(start, userId: context.userId) } catch {
                Console.error("plansmith critique: \(AppError.from(error).message)\n")
                throw ExitCode(1)
            }
            for await event in subscription.events where event.sessionId == launch.sessionId {
                printer.print(event.payload, sessionId: launch.sessionId, task: launch.task)
                if case .sessionFinished(let result) = event.payload { return result }
            }
            return nil
        }
        // No plan within the limits: the final event said so ("no-plan"); exit as `plan` does.
        if result?.plan == nil { throw ExitCode(4) }
    }
}
