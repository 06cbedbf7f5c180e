/// The `[llm]` section of config.toml as written (snake_case keys, everything optional).
struct LLMConfigFile: Codable, Sendable {
    struct Root: Codable { var llm: LLMConfigFile? }

    struct Provider: Codable, Sendable {
        /// Optional only for a provider named "local" (which then is `kind = "local"`).
        var kind: ProviderKind?
        var baseURL: String?
        var baseURLEnv: String?
        var apiKeyEnv: String?
        /// False for local servers that take no key (Ollama, llama.cpp).
        var requiresKey: Bool?
        var models: [String]?
        var maxTokensField: String?
        /// Per call kind (`CallPurpose` raw values, e.g. `critic_votes = 128`).
        var maxTokens: [String: Int]?
        /// Seconds per call kind.
        var callTimeouts: [String: FlexibleNumber]?
        var maxConcurrentRequests: Int?

        enum CodingKeys: String, CodingKey {
            case kind, models
            case baseURL = "base_url", baseURLEnv = "base_url_env", apiKeyEnv = "api_key_env"
            case requiresKey = "requires_key", maxTokensField = "max_tokens_field"
            case maxTokens = "max_tokens", callTimeouts = "call_timeouts", maxConcurrentRequests = "max_concurrent_requests"
        }
    }

    /// A TOML number written either way (`30` or `30.0`), as a value of a table.
    struct FlexibleNumber: Codable, Sendable {
        var value: Double
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let value = try? c.decode(Double.self) { self.value = value; return }
            value = Double(try c.decode(Int.self))
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(value)
        }
    }

    struct Breaker: Codable, Sendable {
        var failureThreshold: Int?
        var cooldownSeconds: Double?
        enum CodingKeys: String, CodingKey { case failureThreshold = "failure_threshold", cooldownSeconds = "cooldown_seconds" }
        init(failureThreshold: Int?, cooldownSeconds: Double?) {
            self.failureThreshold = failureThreshold
            self.cooldownSeconds = cooldownSeconds
        }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            failureThreshold = try c.decodeIfPresent(Int.self, forKey: .failureThreshold)
            cooldownSeconds = try c.decodeNumberIfPresent(forKey: .cooldownSeconds)
        }
    }

    struct Timeouts: Codable, Sendable {
        var connectSeconds: Double?
        var idleSeconds: Double?
        var totalSeconds: Double?
        enum CodingKeys: String, CodingKey {
            case connectSeconds = "connect_seconds", idleSeconds = "idle_seconds", totalSeconds = "total_seconds"
        }
        init(connectSeconds: Double?, idleSeconds: Double?, totalSeconds: Double?) {
            self.connectSeconds = connectSeconds
            self.idleSeconds = idleSeconds
            self.totalSeconds = totalSeconds
        }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            connectSeconds = try c.decodeNumberIfPresent(forKey: .connectSeconds)
            idleSeconds = try c.decodeNumberIfPresent(forKey: .idleSeconds)
            totalSeconds = try c.decodeNumberIfPresent(forKey: .totalSeconds)
        }
    }

    var preference: [String]?
    var defaultTier: String?
    var maxRetries: Int?
    /// The most bytes one reply may take (streamed or not); default 32 MiB.
    var maxReplyBytes: Int?
    var costAware: Bool?
    var sessionBudgetUSD: Double?
    var circuitBreaker: Breaker?
    var timeouts: Timeouts?
    var providers: [String: Provider]?
    var tiers: [String: [String]]?
    var prices: [String: ModelPrice]?

    enum CodingKeys: String, CodingKey {
        case preference, providers, tiers, prices, timeouts
        case defaultTier = "default_tier", maxRetries = "max_retries", costAware = "cost_aware"
        case maxReplyBytes = "max_reply_bytes"
        case sessionBudgetUSD = "session_budget_usd", circuitBreaker = "circuit_breaker"
    }

    init() {}

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        preference = try c.decodeIfPresent([String].self, forKey: .preference)
        defaultTier = try c.decodeIfPresent(String.self, forKey: .defaultTier)
        maxRetries = try c.decodeIfPresent(Int.self, forKey: .maxRetries)
        maxReplyBytes = try c.decodeIfPresent(Int.self, forKey: .maxReplyBytes)
        costAware = try c.decodeIfPresent(Bool.self, forKey: .costAware)
        sessionBudgetUSD = try c.decodeNumberIfPresent(forKey: .sessionBudgetUSD)
        circuitBreaker = try c.decodeIfPresent(Breaker.self, forKey: .circuitBreaker)
        timeouts = try c.decodeIfPresent(Timeouts.self, forKey: .timeouts)
        providers = try c.decodeIfPresent([String: Provider].self, forKey: .providers)
        tiers = try c.decodeIfPresent([String: [String]].self, forKey: .tiers)
        prices = try c.decodeIfPresent([String: ModelPrice].self, forKey: .prices)
    }

    /// `other`'s settings win; prices and tiers merge per key; providers replace as a whole.
    func overlaid(with other: LLMConfigFile) -> LLMConfigFile {
        var merged = self
        merged.preference = other.preference ?? preference
        merged.defaultTier = other.defaultTier ?? defaultTier
        merged.maxRetries = other.maxRetries ?? maxRetries
        merged.maxReplyBytes = other.maxReplyBytes ?? maxReplyBytes
        merged.costAware = other.costAware ?? costAware
        merged.sessionBudgetUSD = other.sessionBudgetUSD ?? sessionBudgetUSD
        merged.circuitBreaker = Breaker(
            failureThreshold: other.circuitBreaker?.failureThreshold ?? circuitBreaker?.failureThreshold,
            cooldownSeconds: other.circuitBreaker?.cooldownSeconds ?? circuitBreaker?.cooldownSeconds)
        merged.timeouts = Timeouts(
            connectSeconds: other.timeouts?.connectSeconds ?? timeouts?.connectSeconds,
            idleSeconds: other.timeouts?.idleSeconds ?? timeouts?.idleSeconds,
            totalSeconds: other.timeouts?.totalSeconds ?? timeouts?.totalSeconds)
        merged.providers = other.providers ?? providers
        // Tiers name providers: with a new provider list the old tiers may point nowhere.
        merged.tiers = other.providers != nil ? (other.tiers ?? [:])
            : (tiers ?? [:]).merging(other.tiers ?? [:]) { _, new in new }
        merged.prices = (prices ?? [:]).merging(other.prices ?? [:]) { _, new in new }
        return merged
    }
}
