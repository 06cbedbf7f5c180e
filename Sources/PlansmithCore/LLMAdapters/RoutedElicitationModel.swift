import Elicitation
import LLM

/// Elicitation's language-model protocol over the LLM router: streaming, failover, retries,
/// budget and usage rows come with it. Elicitation itself never sees HTTP.
///
/// The request asks for structured output with `DomainModelSchema` (OpenAI-compatible servers:
/// `response_format: json_schema`, which llama.cpp, Ollama and vLLM turn into a grammar, so even a
/// small local model answers in JSON; Anthropic: a forced tool). Whatever comes back goes to
/// `ModelExtractor`, whose decode-validate-repair loop stays the fallback for a reply that is
/// still not a usable model.
public struct RoutedElicitationModel: ElicitationLanguageModel {
    public let chat: RoutedChatModel

    public init(chat: RoutedChatModel) { self.chat = chat }

    /// The structured-output request for extraction (nil if the schema text were broken, which a
    /// test rules out; then the call goes out as plain text and the repair loop copes).
    static let outputSpec: StructuredOutputSpec? = (try? JSONValue.parse(DomainModelSchema.jsonSchema)).map {
        StructuredOutputSpec(name: "domain_model", description: "The planning model as JSON.", schema: $0)
    }

    public func complete(_ request: ExtractionRequest, onToken: @escaping @Sendable (String) -> Void) async throws -> String {
        var prompt = "What the user said:\n\(request.userText)\n\nThe model so far (JSON):\n\(request.currentModelJSON)"
        if !request.repairFeedback.isEmpty {
            prompt += "\n\nYour previous answer had these problems; answer again with a corrected JSON object:\n- "
                + request.repairFeedback.joined(separator: "\n- ")
        }
        let call = ChatRequest(messages: [.system(request.instructions), .user(prompt)], maxTokens: 4096,
                               structuredOutput: Self.outputSpec, stream: true, purpose: .elicitation)
        // The reply holds the whole text of the attempt that succeeded (a retried stream's partial
        // text is not in it), so `.restart` needs no handling here.
        let result = try await chat.router.complete(call, tier: chat.tier, provider: chat.provider, session: chat.session) { delta in
            if case .text(let piece) = delta { onToken(piece) }
        }
        // Anthropic's forced tool returns the object itself, with no text.
        if let structured = result.reply.structured, result.reply.text.isEmpty { return structured.jsonText }
        return result.reply.text
    }
}
