import Foundation
import TOMLKit

/// A configuration problem, with the offending key or entry named.
public enum LLMConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidTOML(String)
    case unreadableFile(String)
    case unknownProvider(tier: String, entry: String)
    case unknownModel(tier: String, entry: String)
    /// A number outside what the setting can mean (`total_seconds = 1e300`, `nan`, `-1`).
    case outOfRange(key: String, allowed: String)
    case missingKind(provider: String)
    case unknownCallKind(provider: String, key: String)
    case invalidLimit(provider: String, detail: String)

    public var description: String {
        switch self {
        case .invalidTOML(let detail): "config.toml [llm]: \(detail)"
        case .unreadableFile(let path): "cannot read config file \(path)"
        case let .unknownProvider(tier, entry): "config.toml [llm.tiers] \(tier): no provider named in \"\(entry)\""
        case let .unknownModel(tier, entry): "config.toml [llm.tiers] \(tier): no provider lists model \"\(entry)\""
        case let .outOfRange(key, allowed): "config.toml [llm] \(key): must be \(allowed)"
        case let .missingKind(provider):
            "config.toml [llm.providers.\(provider)]: kind is required (\"anthropic\", \"openai\" or \"local\")"
        case let .unknownCallKind(provider, key):
            "config.toml [llm.providers.\(provider)]: unknown call kind \"\(key)\" (known: \(CallPurpose.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .invalidLimit(provider, detail): "config.toml [llm.providers.\(provider)]: \(detail)"
        }
    }
}

/// Providers, models, tiers, prices and limits: config.toml's `[llm]` over built-in defaults,
/// with keys (and base URL overrides) from the environment.
public struct LLMConfiguration: Sendable {
    public struct Provider: Sendable {
        public var endpoint: ProviderEndpoint
        public var models: [String]
        /// The environment variable the key comes from (shown by `llm models`, never the key).
        public var apiKeyVariable: String?
        public var requiresKey: Bool
        /// A key is present, or none is needed (local server).
        public var isUsable: Bool { !requiresKey || !(endpoint.apiKey?.isEmpty ?? true) }
        public var name: String { endpoint.name }
    }

    /// In preference order.
    public var providers: [Provider]
    public var tiers: [String: [ModelTarget]]
    public var defaultTier: String?
    public var prices: PriceTable
    public var retry: RetryPolicy
    public var breakerThreshold: Int
    public var breakerCooldown: Duration
    /// nil means unlimited.
    public var sessionBudgetUSD: Double?
    /// Order each tier's candidates cheapest first (by input + output price).
    public var costAware: Bool

    /// Reads `configPath` (a missing file means defaults) and the environment.
    public static func load(configPath: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LLMConfiguration {
        guard let configPath, FileManager.default.fileExists(atPath: configPath) else {
            return try load(configText: nil, environment: environment)
        }
        guard let data = FileManager.default.contents(atPath: configPath) else {
            throw LLMConfigurationError.unreadableFile(configPath)
        }
        return try load(configText: String(decoding: data, as: UTF8.self), environment: environment)
    }

    /// `configText` is a whole config.toml; only its `[llm]` table is read.
    public static func load(configText: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LLMConfiguration {
        var file = try decode(DefaultLLMConfiguration.toml)
        if let configText { file = file.overlaid(with: try decode(configText)) }
        return try resolve(file, environment: environment)
    }

    private static func decode(_ text: String) throws -> LLMConfigFile {
        do {
            return try TOMLDecoder().decode(LLMConfigFile.Root.self, from: text).llm ?? LLMConfigFile()
        } catch {
            throw LLMConfigurationError.invalidTOML(String(describing: error))
        }
    }

    private static func resolve(_ file: LLMConfigFile, environment: [String: String]) throws -> LLMConfiguration {
        try checkRanges(file)
        let timeouts = HTTPTimeouts(connect: .seconds(file.timeouts?.connectSeconds ?? 10),
                                    total: file.timeouts?.totalSeconds.map { .seconds($0) },
                                    idle: file.timeouts?.idleSeconds.map { .seconds($0) })
        let preference = file.preference ?? []
        let names = (file.providers ?? [:]).keys.sorted {
            (preference.firstIndex(of: $0) ?? Int.max, $0) < (preference.firstIndex(of: $1) ?? Int.max, $1)
        }
        let providers = try names.map { name -> Provider in
            let spec = file.providers![name]!
            guard let kind = spec.kind ?? (name == "local" ? .local : nil) else {
                throw LLMConfigurationError.missingKind(provider: name)
            }
            let envBase = spec.baseURLEnv.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            let key = spec.apiKeyEnv.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : APIKey($0) }
            let endpoint = ProviderEndpoint(name: name, kind: kind, baseURL: envBase ?? spec.baseURL, apiKey: key,
                                            maxTokensField: spec.maxTokensField, timeouts: timeouts,
                                            limits: try limits(of: spec, kind: kind, name: name),
                                            maxReplyBytes: file.maxReplyBytes ?? ProviderEndpoint.defaultMaxReplyBytes)
            let requiresKey = spec.requiresKey ?? (kind != .local && !isLoopback(endpoint.baseURL))
            // A local server without configured models serves whatever it has loaded.
            let models = spec.models ?? (kind == .local ? [LocalServerAdapter.discoveredModel] : [])
            return Provider(endpoint: endpoint, models: models, apiKeyVariable: spec.apiKeyEnv,
                            requiresKey: requiresKey)
        }
        var tiers: [String: [ModelTarget]] = [:]
        for (tier, entries) in file.tiers ?? [:] {
            tiers[tier] = try entries.map { try target(for: $0, tier: tier, providers: providers) }
        }
        return LLMConfiguration(
            providers: providers, tiers: tiers, defaultTier: file.defaultTier, prices: PriceTable(file.prices ?? [:]),
            retry: RetryPolicy(maxRetries: max(0, file.maxRetries ?? 2)),
            breakerThreshold: file.circuitBreaker?.failureThreshold ?? 3,
            breakerCooldown: .seconds(file.circuitBreaker?.cooldownSeconds ?? 30),
            sessionBudgetUSD: file.sessionBudgetUSD, costAware: file.costAware ?? false)
    }

    /// Numbers become `Duration`s and loop bounds: out-of-range ones would trap or hang later.
    private static func checkRanges(_ file: LLMConfigFile) throws {
        let day = 86_400.0
        func seconds(_ value: Double?, _ key: String, allowZero: Bool) throws {
            guard let value else { return }
            guard value.isFinite, allowZero ? value >= 0 : value > 0, value <= day else {
                throw LLMConfigurationError.outOfRange(key: key, allowed: allowZero ? "0 to 86400 seconds"
                                                                                    : "above 0, at most 86400 seconds")
            }
        }
        try seconds(file.timeouts?.connectSeconds, "timeouts.connect_seconds", allowZero: false)
        try seconds(file.timeouts?.idleSeconds, "timeouts.idle_seconds", allowZero: false)
        try seconds(file.timeouts?.totalSeconds, "timeouts.total_seconds", allowZero: false)
        try seconds(file.circuitBreaker?.cooldownSeconds, "circuit_breaker.cooldown_seconds", allowZero: true)
        if let budget = file.sessionBudgetUSD, !(budget.isFinite && budget >= 0) {
            throw LLMConfigurationError.outOfRange(key: "session_budget_usd", allowed: "a finite amount, 0 or more")
        }
        for (model, price) in file.prices ?? [:] {
            let numbers = [price.input, price.output] + [price.cacheRead, price.cacheWrite].compactMap { $0 }
            guard numbers.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw LLMConfigurationError.outOfRange(key: "prices.\"\(model)\"", allowed: "finite prices, 0 or more")
            }
        }
        if let bytes = file.maxReplyBytes, !(1024...(1 << 30)).contains(bytes) {
            throw LLMConfigurationError.outOfRange(key: "max_reply_bytes", allowed: "1024 to 1073741824 bytes")
        }
        if let retries = file.maxRetries, !(0...10).contains(retries) {
            throw LLMConfigurationError.outOfRange(key: "max_retries", allowed: "0 to 10")
        }
        if let threshold = file.circuitBreaker?.failureThreshold, !(1...1000).contains(threshold) {
            throw LLMConfigurationError.outOfRange(key: "circuit_breaker.failure_threshold", allowed: "1 to 1000")
        }
    }

    /// The kind's defaults (`CallLimits.localDefaults` for local servers) under the provider's own entries.
    private static func limits(of spec: LLMConfigFile.Provider, kind: ProviderKind, name: String) throws -> CallLimits {
        func purpose(_ key: String) throws -> CallPurpose {
            guard let purpose = CallPurpose(rawValue: key) else { throw LLMConfigurationError.unknownCallKind(provider: name, key: key) }
            return purpose
        }
        var own = CallLimits()
        for (key, tokens) in spec.maxTokens ?? [:] {
            guard tokens > 0 else { throw LLMConfigurationError.invalidLimit(provider: name, detail: "max_tokens.\(key) must be positive") }
            own.maxTokens[try purpose(key)] = tokens
        }
        for (key, seconds) in spec.callTimeouts ?? [:] {
            guard seconds.value > 0 else { throw LLMConfigurationError.invalidLimit(provider: name, detail: "call_timeouts.\(key) must be positive") }
            own.timeouts[try purpose(key)] = .milliseconds(Int64(seconds.value * 1000))
        }
        if let limit = spec.maxConcurrentRequests {
            guard limit > 0 else { throw LLMConfigurationError.invalidLimit(provider: name, detail: "max_concurrent_requests must be positive") }
            own.maxConcurrentRequests = limit
        }
        return (kind == .local ? CallLimits.localDefaults : .none).overlaid(with: own)
    }

    /// "provider/model", or a bare model id listed by some provider (first in preference order).
    private static func target(for entry: String, tier: String, providers: [Provider]) throws -> ModelTarget {
        if let slash = entry.firstIndex(of: "/") {
            let name = String(entry[..<slash])
            guard providers.contains(where: { $0.name == name }) else {
                throw LLMConfigurationError.unknownProvider(tier: tier, entry: entry)
            }
            return ModelTarget(provider: name, model: String(entry[entry.index(after: slash)...]))
        }
        guard let provider = providers.first(where: { $0.models.contains(entry) }) else {
            throw LLMConfigurationError.unknownModel(tier: tier, entry: entry)
        }
        return ModelTarget(provider: provider.name, model: entry)
    }

    static func isLoopback(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
    }

    public func provider(named name: String) -> Provider? { providers.first { $0.name == name } }

    /// The models to try for a call, best first: the tier's list (or each provider's first model
    /// when there is no tier), only usable providers, `provider` alone when given.
    public func candidates(tier: String?, provider: String?) throws -> [ModelTarget] {
        if let provider, self.provider(named: provider) == nil { throw LLMError.unknownProvider(provider) }
        if let tier, tiers[tier] == nil { throw LLMError.unknownTier(tier) }
        var list: [ModelTarget] = (tier ?? defaultTier).flatMap { tiers[$0] } ?? []
        if let provider {
            list = list.filter { $0.provider == provider }
            if list.isEmpty, let first = self.provider(named: provider)?.models.first {
                list = [ModelTarget(provider: provider, model: first)]
            }
        } else if list.isEmpty {
            list = providers.compactMap { p in p.models.first.map { ModelTarget(provider: p.name, model: $0) } }
        }
        list = list.filter { self.provider(named: $0.provider)?.isUsable == true }
        if costAware {
            let price = { (t: ModelTarget) in prices.price(for: t.model).map { $0.input + $0.output } ?? .infinity }
            list = list.enumerated().sorted { (price($0.element), $0.offset) < (price($1.element), $1.offset) }.map(\.element)
        }
        return list
    }
}
