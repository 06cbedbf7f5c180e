/// Why a routed call failed. Descriptions never contain an API key.
public enum LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct AttemptFailure: Sendable, Equatable, CustomStringConvertible {
        public var target: ModelTarget
        public var error: String
        /// False when the provider was skipped without a request (its circuit was open).
        public var wasSent: Bool = true
        public var description: String { "\(target): \(error)" }
    }

    case noProviderAvailable(tier: String?)
    case unknownProvider(String)
    case unknownTier(String)
    case budgetExhausted(session: String, spentUSD: Double, limitUSD: Double)
    /// The request itself was rejected (400, 404, 413, 422): no provider would take it.
    case rejected(ModelTarget, ProviderError)
    /// Every candidate failed (or had its circuit open); attempts in order.
    case allProvidersFailed([AttemptFailure])
    /// The reply did not match the schema, also after one re-ask.
    case schemaViolation([String])
    case cancelled

    public var description: String {
        switch self {
        case .noProviderAvailable(let tier):
            "no usable LLM provider\(tier.map { " for tier \($0)" } ?? "") (set ANTHROPIC_API_KEY or OPENAI_API_KEY, or configure [llm] in config.toml)"
        case .unknownProvider(let name): "unknown provider \(name)"
        case .unknownTier(let name): "unknown tier \(name)"
        case let .budgetExhausted(session, spent, limit):
            "session \(session) budget spent: $\(Self.money(spent)) of $\(Self.money(limit))"
        case let .rejected(target, error): "\(target) rejected the request: \(error)"
        case .allProvidersFailed(let failures):
            "all providers failed: " + failures.map(\.description).joined(separator: "; ")
        case .schemaViolation(let problems): "reply does not match the schema: " + problems.joined(separator: "; ")
        case .cancelled: "cancelled"
        }
    }

    static func money(_ value: Double) -> String {
        let cents = (value * 10_000).rounded() / 10_000
        return String(describing: cents)
    }
}
