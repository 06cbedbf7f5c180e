/// Folds OpenAI `chat.completion.chunk` events (ended by `data: [DONE]`) into a `ChatReply`.
struct OpenAIStreamDecoder {
    private(set) var text = ""
    private(set) var finished = false
    private var usage = TokenUsage.unknown
    private var stopReason: StopReason?
    private var model: String
    private let requestID: String?

    init(model: String, requestID: String?) {
        self.model = model
        self.requestID = requestID
    }

    var reply: ChatReply {
        ChatReply(text: text, usage: usage, stopReason: stopReason, model: model, requestID: requestID)
    }

    mutating func absorb(_ event: SSEEvent, scrub: (String) -> String) throws -> String? {
        if event.data == "[DONE]" { finished = true; return nil }
        guard !event.data.isEmpty else { return nil }
        let chunk: JSONValue
        do { chunk = try JSONValue.parse(event.data) } catch {
            throw ProviderError.malformedResponse("a stream chunk is not valid JSON")
        }
        if let error = chunk["error"] {
            throw ProviderError.streamError(type: error["type"]?.stringValue ?? error["code"]?.stringValue ?? "error",
                                            message: scrub(error["message"]?.stringValue ?? ""))
        }
        if let name = chunk["model"]?.stringValue { model = name }
        if let reported = chunk["usage"], case .object = reported { usage = OpenAIAdapter.usage(from: reported) }
        // The usage chunk has an empty `choices`; others have one choice.
        guard let choice = chunk["choices"]?[0] else { return nil }
        if let reason = choice["finish_reason"]?.stringValue { stopReason = StopReason(openAI: reason) }
        if choice["delta"]?["refusal"]?.stringValue != nil { stopReason = .refusal }
        let fragment = choice["delta"]?["content"]?.stringValue ?? ""
        text += fragment
        return fragment.isEmpty ? nil : fragment
    }
}
