import Critique
import LLM

/// Critique's critic-model protocol over the LLM router. A request with a schema goes out as
/// structured output (Anthropic: a forced tool; OpenAI: `json_schema`) and is checked against the
/// schema, with one re-ask when it does not conform (`StructuredReply`); a second bad reply throws,
/// which the orchestrator records as the critic's failure. Token usage of every attempt is summed.
public struct RoutedCriticModel: CriticLanguageModel {
    public let chat: RoutedChatModel
    public var maxTokens: Int

    public init(chat: RoutedChatModel, maxTokens: Int = 2048) {
        self.chat = chat
        self.maxTokens = maxTokens
    }

    public var name: String { chat.provider ?? chat.tier ?? "llm" }

    public func respond(_ prompt: CriticPrompt) async throws -> CriticModelReply {
        let messages: [ChatMessage] = [.system(prompt.system), .user(prompt.user)]
        guard let schema = prompt.schema else {
            // Critique's only free-text request is the reviser's.
            let reply = try await complete(messages, structured: nil, purpose: .revision)
            return CriticModelReply(text: reply.text, promptTokens: Self.tokens(reply.usage)?.0, completionTokens: Self.tokens(reply.usage)?.1)
        }
        let spec = StructuredOutputSpec(name: schema.name, description: "Return the result as JSON.", schema: try JSONValue.parse(schema.json))
        // The schema names are the call kinds ("critic_items", "critic_votes"), which a provider's
        // CallLimits size differently.
        let purpose = CallPurpose(rawValue: schema.name) ?? .general
        var prompted = 0, completed = 0, known = false
        let value = try await StructuredReply.obtain(messages: messages, output: spec) { attempt in
            let reply = try await complete(attempt, structured: spec, purpose: purpose)
            if let (p, c) = Self.tokens(reply.usage) { prompted += p; completed += c; known = true }
            return reply
        }
        return CriticModelReply(text: value.jsonText, promptTokens: known ? prompted : nil, completionTokens: known ? completed : nil)
    }

    private func complete(_ messages: [ChatMessage], structured: StructuredOutputSpec?, purpose: CallPurpose) async throws -> ChatReply {
        let request = ChatRequest(messages: messages, maxTokens: maxTokens, temperature: 0, structuredOutput: structured, stream: false,
                                  purpose: purpose)
        return try await chat.router.complete(request, tier: chat.tier, provider: chat.provider, session: chat.session).reply
    }

    static func tokens(_ usage: TokenUsage) -> (Int, Int)? {
        usage.isKnown ? (usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens, usage.outputTokens) : nil
    }
}
