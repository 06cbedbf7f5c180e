/// Token counts as the provider reported them.
public struct TokenUsage: Sendable, Equatable, Codable {
    /// Prompt tokens billed at the normal input price (cache reads and writes excluded).
    public var inputTokens: Int
    public var outputTokens: Int
    public var cacheReadTokens: Int
    public var cacheWriteTokens: Int
    /// False when the provider never reported usage (e.g. a stream cut before its usage chunk).
    public var isKnown: Bool

    public init(inputTokens: Int = 0, outputTokens: Int = 0, cacheReadTokens: Int = 0,
                cacheWriteTokens: Int = 0, isKnown: Bool = true) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.isKnown = isKnown
    }

    public static let unknown = TokenUsage(isKnown: false)

    /// The largest count taken from a reply: far above any context window, and small enough that
    /// sums over millions of usage rows stay inside `Int`.
    public static let maximumCount = 1_000_000_000

    /// One count as a provider reported it: a whole number in `0...maximumCount`, else nil
    /// (`1e300`, `-1`, `1.5`, a string). Callers treat nil as "usage unknown", never as 0 tokens.
    static func count(_ value: JSONValue) -> Int? {
        guard let n = value.intValue, (0...maximumCount).contains(n) else { return nil }
        return n
    }
}

/// Why the model stopped; unknown provider values are kept, not rejected.
public enum StopReason: Sendable, Equatable {
    case endTurn, maxTokens, stopSequence, toolUse, refusal, contentFilter
    case other(String)

    init(anthropic value: String) {
        switch value {
        case "end_turn": self = .endTurn
        case "max_tokens", "model_context_window_exceeded": self = .maxTokens
        case "stop_sequence": self = .stopSequence
        case "tool_use": self = .toolUse
        case "refusal": self = .refusal
        default: self = .other(value)
        }
    }

    init(openAI value: String) {
        switch value {
        case "stop": self = .endTurn
        case "length": self = .maxTokens
        case "tool_calls", "function_call": self = .toolUse
        case "content_filter": self = .contentFilter
        default: self = .other(value)
        }
    }
}

/// A finished reply from one provider.
public struct ChatReply: Sendable, Equatable {
    public var text: String
    /// The JSON object of a structured-output reply, when the provider returned one as such.
    public var structured: JSONValue?
    public var usage: TokenUsage
    public var stopReason: StopReason?
    /// The model id the provider says it used (may carry a date suffix).
    public var model: String
    /// `request-id` / `x-request-id`, to quote when reporting a problem to the provider.
    public var requestID: String?

    public init(text: String, structured: JSONValue? = nil, usage: TokenUsage, stopReason: StopReason?,
                model: String, requestID: String?) {
        self.text = text
        self.structured = structured
        self.usage = usage
        self.stopReason = stopReason
        self.model = model
        self.requestID = requestID
    }
}
