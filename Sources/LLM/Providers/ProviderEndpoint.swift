/// Which wire format a provider speaks.
public enum ProviderKind: String, Sendable, Codable, Equatable {
    case anthropic
    /// OpenAI Chat Completions, also spoken by Ollama, llama.cpp and vLLM.
    case openAI = "openai"
    /// An OpenAI-compatible server on the user's machine (llama.cpp, Ollama, vLLM): no key, no
    /// price, the model name asked of the server (`GET /models`) unless configured, small
    /// per-call token budgets and one request at a time (`CallLimits.localDefaults`).
    case local

    /// The default base URL for the kind (Anthropic without `/v1`, the others with it).
    var defaultBaseURL: String {
        switch self {
        case .anthropic: "https://api.anthropic.com"
        case .openAI: "https://api.openai.com/v1"
        case .local: "http://127.0.0.1:8080/v1"
        }
    }
}

/// Where and how to reach one provider.
public struct ProviderEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var kind: ProviderKind
    /// Anthropic: without `/v1` (`https://api.anthropic.com`); OpenAI: with it
    /// (`https://api.openai.com/v1`) — the same conventions as `ANTHROPIC_BASE_URL` / `OPENAI_BASE_URL`.
    public var baseURL: String
    public var apiKey: APIKey?
    /// OpenAI only: `max_completion_tokens` (api.openai.com) or `max_tokens` (local servers).
    public var maxTokensField: String
    public var timeouts: HTTPTimeouts
    /// The most bytes one reply may take, streamed or not (32 MiB: far above any real reply,
    /// low enough that an endless body cannot eat the machine's memory).
    public var maxReplyBytes: Int
    public var limits: CallLimits

    public static let defaultMaxReplyBytes = 32 << 20

    public init(name: String, kind: ProviderKind, baseURL: String? = nil, apiKey: APIKey?,
                maxTokensField: String? = nil, timeouts: HTTPTimeouts = HTTPTimeouts(), limits: CallLimits? = nil,
                maxReplyBytes: Int = ProviderEndpoint.defaultMaxReplyBytes) {
        self.name = name
        self.kind = kind
        let base = baseURL ?? kind.defaultBaseURL
        self.baseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.apiKey = apiKey
        self.maxTokensField = maxTokensField
            ?? (self.baseURL.contains("api.openai.com") ? "max_completion_tokens" : "max_tokens")
        self.timeouts = timeouts
        self.maxReplyBytes = max(1, maxReplyBytes)
        self.limits = limits ?? (kind == .local ? .localDefaults : .none)
    }

    /// Calls cost nothing (the model runs on the user's machine).
    public var isFree: Bool { kind == .local }

    public var description: String {
        "\(name) (\(kind.rawValue), \(baseURL), key \(apiKey?.redacted ?? "(none)"))"
    }

    /// The adapter that speaks this endpoint's wire format.
    public func makeAdapter(client: HTTPClient = CurlHTTPClient()) -> ProviderAdapter {
        switch kind {
        case .anthropic: AnthropicAdapter(endpoint: self, client: client)
        case .openAI: OpenAIAdapter(endpoint: self, client: client)
        case .local: LocalServerAdapter(endpoint: self, client: client)
        }
    }
}

/// Sends one `ChatRequest` to one provider in its wire format.
public protocol ProviderAdapter: Sendable {
    var endpoint: ProviderEndpoint { get }
    /// Throws `ProviderError`. When streaming, each text fragment goes to `onText` as it arrives.
    func complete(_ request: ChatRequest, model: String,
                  onText: @escaping @Sendable (String) -> Void) async throws -> ChatReply
}
