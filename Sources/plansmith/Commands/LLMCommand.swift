import ArgumentParser
import Foundation
import LLM
import PlansmithCore

struct LLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm",
        abstract: "Show the configured language-model providers and check that they answer.",
        discussion: """
        Providers, models, tiers and prices come from config.toml ([llm] table; $PLANSMITH_CONFIG, \
        else $XDG_CONFIG_HOME/plansmith/config.toml) over built-in defaults; keys from \
        ANTHROPIC_API_KEY and OPENAI_API_KEY, base URLs from ANTHROPIC_BASE_URL and OPENAI_BASE_URL \
        (e.g. a local Ollama or llama.cpp server). Keys are only ever shown redacted.
        """,
        subcommands: [LLMPingCommand.self, LLMModelsCommand.self])
}

/// Options shared by the `llm` subcommands.
struct LLMArguments: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("The config file (default: see 'plansmith llm --help').", valueName: "path"))
    var configPath: String?

    func loadConfiguration(command: String) throws -> LLMConfiguration {
        do {
            return try LLMConfiguration.load(configPath: ConfigLocation.resolve(explicitPath: configPath))
        } catch {
            Console.error("plansmith llm \(command): error: \(error)\n")
            throw ExitCode(2)
        }
    }
}

struct LLMPingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Send a tiny request to each provider and report latency.",
        discussion: """
        Each call goes through the full router (retries, failover, budget) and is written to the \
        usage log. Exit status: 0 every pinged provider answered, 1 one did not, 2 usage or I/O problem.
        """)

    @Option(help: "Ping only this provider.") var provider: String?
    @Flag(help: "One JSON object per provider (schema 1).") var json = false
    @OptionGroup var llm: LLMArguments
    @OptionGroup var storeArguments: StoreArguments

    func run() async throws {
        let configuration = try llm.loadConfiguration(command: "ping")
        if let provider, configuration.provider(named: provider) == nil {
            let known = configuration.providers.map(\.name).joined(separator: ", ")
            throw ValidationError("unknown provider '\(provider)'; configured: \(known)")
        }
        let results = try await storeArguments.withSession("llm ping") { session in
            let router = LLMRouter(configuration: configuration,
                                   recorder: StoreUsageRecorder(store: session.store, userId: session.userId))
            return await router.ping(provider: provider)
        }
        for result in results {
            Console.out((json ? result.jsonText : result.summary) + "\n")
        }
        if results.isEmpty || results.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }
}

struct LLMModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List providers, their models, tiers and prices (keys redacted).")

    @Flag(help: "JSON output (schema 1).") var json = false
    @OptionGroup var llm: LLMArguments

    func run() async throws {
        let configuration = try llm.loadConfiguration(command: "models")
        let router = LLMRouter(configuration: configuration)
        let listings = router.listModels()
        if json {
            Console.json(["providers": listings.map { listing in
                [
                    "provider": listing.provider, "kind": listing.kind.rawValue, "base_url": listing.baseURL,
                    "key": listing.redactedKey as Any, "usable": listing.usable, "models": listing.models,
                    "tiers": listing.tiers,
                ] as [String: Any]
            }])
        } else {
            Console.out(listings.map(\.summary).joined(separator: "\n") + "\n")
        }
    }
}
