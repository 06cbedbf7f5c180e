/// Options for one `ChatModel` call.
public struct ChatOptions: Sendable, Equatable {
    public var maxTokens: Int
    public var temperature: Double?
    public var stopSequences: [String]
    public var purpose: CallPurpose

    public init(maxTokens: Int = 1024, temperature: Double? = nil, stopSequences: [String] = [],
                purpose: CallPurpose = .general) {
        self.purpose = purpose
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.stopSequences = stopSequences
    }
}

/// The small surface that Critique and Elicitation need from a language model. (When those
/// modules land they may own a copy of this protocol, per the layering rule; `RoutedChatModel`
/// is the implementation PlansmithCore plugs in.)
public protocol ChatModel: Sendable {
    /// The whole reply text.
    func send(_ messages: [ChatMessage], options: ChatOptions) async throws -> String
    /// The reply as it arrives; `.restart` means "discard what came so far" (a retried stream).
    /// Cancelling the consuming task stops the request.
    func stream(_ messages: [ChatMessage], options: ChatOptions) -> AsyncThrowingStream<TextDelta, Error>
    /// A JSON value that conforms to `output.schema` (checked here; re-asked once if it does not).
    func structured(_ messages: [ChatMessage], output: StructuredOutputSpec, options: ChatOptions) async throws -> JSONValue
}

/// `ChatModel` over an `LLMRouter`: every call gets failover, retries, budget and usage logging.
public struct RoutedChatModel: ChatModel {
    public let router: LLMRouter
    public var tier: String?
    public var provider: String?
    public var session: String

    public init(router: LLMRouter, tier: String? = nil, provider: String? = nil, session: String = "default") {
        self.router = router
        self.tier = tier
        self.provider = provider
        self.session = session
    }

    public func send(_ messages: [ChatMessage], options: ChatOptions = ChatOptions()) async throws -> String {
        try await router.complete(request(messages, options, stream: false), tier: tier, provider: provider,
                                  session: session).reply.text
    }

    public func stream(_ messages: [ChatMessage], options: ChatOptions = ChatOptions()) -> AsyncThrowingStream<TextDelta, Error> {
        let (stream, continuation) = AsyncThrowingStream<TextDelta, Error>.makeStream()
        let task = Task { [self] in
            do {
                _ = try await router.complete(request(messages, options, stream: true), tier: tier, provider: provider,
                                              session: session, onText: { continuation.yield($0) })
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    public func structured(_ messages: [ChatMessage], output: StructuredOutputSpec,
                           options: ChatOptions = ChatOptions()) async throws -> JSONValue {
        try await StructuredReply.obtain(messages: messages, output: output) { attempt in
            var call = request(attempt, options, stream: false)
            call.structuredOutput = output
            return try await router.complete(call, tier: tier, provider: provider, session: session).reply
        }
    }

    private func request(_ messages: [ChatMessage], _ options: ChatOptions, stream: Bool) -> ChatRequest {
        ChatRequest(messages: messages, maxTokens: options.maxTokens, temperature: options.temperature,
                    stopSequences: options.stopSequences, stream: stream, purpose: options.purpose)
    }
}
