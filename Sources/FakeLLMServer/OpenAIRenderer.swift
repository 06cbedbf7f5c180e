/// Renders a `FakeStep` as an OpenAI Chat Completions response (JSON or `data:` chunks + `[DONE]`).
struct OpenAIRenderer {
    let step: FakeStep
    let model: String
    let includeUsage: Bool

    private var content: String { step.json ?? step.text ?? "ok" }
    private var finishReason: String { step.stopReason ?? "stop" }
    private var usage: [String: Any] {
        let input = step.wireInputTokens, output = step.wireOutputTokens
        let total = ((input as? Double) ?? Double(input as? Int ?? 0)) + ((output as? Double) ?? Double(output as? Int ?? 0))
        return ["prompt_tokens": input, "completion_tokens": output,
                "total_tokens": total == total.rounded() && abs(total) < 1e15 ? Int(total) as Any : total,
                "prompt_tokens_details": ["cached_tokens": 0]]
    }

    func completion() -> String {
        WireFormat.jsonText(["id": "chatcmpl-fake1", "object": "chat.completion", "created": 1_732_550_000,
                             "model": model, "usage": usage,
                             "choices": [["index": 0, "finish_reason": finishReason, "logprobs": NSNullBridge.null,
                                          "message": ["role": "assistant", "content": content,
                                                      "refusal": NSNullBridge.null]]]])
    }

    /// The chunk repeated forever by `endless_deltas`, or the start of `endless_line`'s unending line.
    func endlessPiece(endOfLine: String) -> String {
        if step.fault == .endlessLine { return "data: " }
        let object: [String: Any] = ["id": "chatcmpl-fake1", "object": "chat.completion.chunk", "created": 1_732_550_000,
                                     "model": model, "usage": NSNullBridge.null,
                                     "choices": [["index": 0, "delta": ["content": step.text ?? "more and more "],
                                                  "finish_reason": NSNullBridge.null]]]
        return "data: \(WireFormat.jsonText(object))\(endOfLine)\(endOfLine)"
    }

    func events(endOfLine: String) -> [String] {
        func chunk(_ choices: [[String: Any]], usage: Any = NSNullBridge.null) -> String {
            let object: [String: Any] = ["id": "chatcmpl-fake1", "object": "chat.completion.chunk",
                                         "created": 1_732_550_000, "model": model, "choices": choices, "usage": usage]
            return "data: \(WireFormat.jsonText(object))\(endOfLine)\(endOfLine)"
        }
        func delta(_ fields: [String: Any], finish: Any = NSNullBridge.null) -> [[String: Any]] {
            [["index": 0, "delta": fields, "finish_reason": finish]]
        }
        var events = [chunk(delta(["role": "assistant", "content": ""]))]
        if step.fault == .endlessLine || step.fault == .endlessDeltas { return events }
        if step.fault == .streamError {
            let error: [String: Any] = ["message": step.errorMessage ?? "The server is overloaded",
                                        "type": step.errorType ?? "server_error", "code": NSNullBridge.null]
            events.append("data: \(WireFormat.jsonText(["error": error]))\(endOfLine)\(endOfLine)")
            return events
        }
        let size = step.chunkSize ?? (step.json == nil ? 4 : 5)
        for piece in step.chunks ?? WireFormat.pieces(of: content, size: size) {
            events.append(chunk(delta(["content": piece])))
        }
        if step.fault == .malformedJSON {
            events.insert("data: {\"id\": \"chatcmpl-fake1\", \"choices\": [{\"delta\": {\"con\(endOfLine)\(endOfLine)",
                          at: min(2, events.count))
        }
        if step.fault == .truncated { return events }
        events.append(chunk(delta([:], finish: finishReason)))
        if includeUsage { events.append(chunk([], usage: usage)) }
        events.append("data: [DONE]\(endOfLine)\(endOfLine)")
        return events
    }
}
