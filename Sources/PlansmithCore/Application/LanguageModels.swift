import Foundation
import LLM
import Store
import Synchronization

/// The configured language-model providers and one router per user. Providers are read on first
/// use (the start screens never need them, and reading them early costs start-up time and memory).
/// One router per user, shared by every caller, so the circuit breaker's and the budget's memory of
/// earlier calls carries across screens and requests; its calls go to the usage log as that user's.
public final class LanguageModels: Sendable {
    private let load: @Sendable () throws -> LLMConfiguration
    private let usage: (any UsageLog)?
    private let loaded = Mutex<(configuration: LLMConfiguration?, problem: String?)?>(nil)
    private let routers = Mutex<[Int64: LLMRouter]>([:])

    /// Providers from config.toml and the environment.
    public convenience init(configPath: String, environment: [String: String], usage: (any UsageLog)?) {
        self.init(usage: usage) { try LLMConfiguration.load(configPath: configPath, environment: environment) }
    }

    /// Providers from a configuration already read (the command line reads it to report errors first).
    public convenience init(configuration: LLMConfiguration, usage: (any UsageLog)?) {
        self.init(usage: usage) { configuration }
    }

    init(usage: (any UsageLog)?, load: @escaping @Sendable () throws -> LLMConfiguration) {
        self.load = load
        self.usage = usage
    }

    private var loadedProviders: (configuration: LLMConfiguration?, problem: String?) {
        loaded.withLock { cached in
            if let cached { return cached }
            let result: (LLMConfiguration?, String?)
            do { result = (try load(), nil) } catch { result = (nil, "\(error)") }
            cached = result
            return result
        }
    }

    /// nil when the providers could not be read (`problem` says why).
    public var configuration: LLMConfiguration? { loadedProviders.configuration }
    public var problem: String? { loadedProviders.problem }

    /// True when at least one provider has a key (or needs none): LLM features are offered.
    public var hasUsableProvider: Bool { configuration?.providers.contains(where: \.isUsable) ?? false }

    public func router(for userId: Int64) -> LLMRouter? {
        guard let configuration else { return nil }
        return routers.withLock { map in
            if let router = map[userId] { return router }
            let router = usage.map { LLMRouter(configuration: configuration, recorder: StoreUsageRecorder(usage: $0, userId: userId)) }
                ?? LLMRouter(configuration: configuration)
            map[userId] = router
            return router
        }
    }

    /// A chat model for one kind of call (`session` names it in the usage log), or an error that
    /// says what to configure.
    public func chat(for userId: Int64, provider: String? = nil, session: String) throws -> RoutedChatModel {
        guard hasUsableProvider, let router = router(for: userId) else {
            throw AppError(.invalidInput, problem.map { "the language-model configuration cannot be read: \($0)" }
                                     ?? "no language-model provider is configured (see Settings or config.toml)")
        }
        if let provider, configuration?.provider(named: provider) == nil {
            let known = configuration?.providers.map(\.name).joined(separator: ", ") ?? ""
            throw AppError(.invalidInput, "unknown provider '\(provider)'; configured: \(known)")
        }
        return RoutedChatModel(router: router, provider: provider, session: session)
    }
}

/// A configured provider as Settings shows it: the key only redacted.
public struct ProviderInfo: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var baseURL: String
    /// The key with all but a few characters hidden; nil when there is none.
    public var redactedKey: String?
    /// The environment variable the key comes from.
    public var keyVariable: String?
    public var requiresKey: Bool
    public var isUsable: Bool
    public var models: [String]
}

extension LanguageModels {
    /// The providers, in configuration order (empty when none are configured or the file is unreadable).
    public var providers: [ProviderInfo] {
        (configuration?.providers ?? []).map { p in
            ProviderInfo(name: p.name, kind: p.endpoint.kind.rawValue, baseURL: "\(p.endpoint.baseURL)",
                         redactedKey: p.endpoint.apiKey.flatMap { $0.isEmpty ? nil : $0.redacted }, keyVariable: p.apiKeyVariable,
                         requiresKey: p.requiresKey, isUsable: p.isUsable, models: p.models)
        }
    }

    /// The spending limit per critique session, if one is set.
    public var sessionBudgetUSD: Double? { configuration?.sessionBudgetUSD }
}
