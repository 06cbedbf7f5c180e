/// Renders a `FakeStep` as an Anthropic Messages API response (JSON or the named-event stream).
struct AnthropicRenderer {
    let step: FakeStep
    let model: String
    let requestID: String

    private var text: String? { step.json == nil ? (step.text ?? "ok") : step.text }
    private var stopReason: String { step.stopReason ?? (step.json == nil ? "end_turn" : "tool_use") }
    private var toolName: String { step.toolName ?? "emit_result" }
    private var inputTokens: Any { step.wireInputTokens }
    private var outputTokens: Any { step.wireOutputTokens }

    func message() -> String {
        var content: [[String: Any]] = []
        if let text { content.append(["type": "text", "text": text]) }
        if let json = step.json {
            let input = (try? JSONSerializationBridge.object(from: json)) ?? [:]
            content.append(["type": "tool_use", "id": "toolu_fake1", "name": toolName, "input": input])
        }
        let usage: [String: Any] = ["input_tokens": inputTokens, "output_tokens": outputTokens,
                                    "cache_creation_input_tokens": 0, "cache_read_input_tokens": NSNullBridge.null,
                                    "service_tier": "standard"]
        return WireFormat.jsonText(["id": "msg_fake1", "type": "message", "role": "assistant", "model": model,
                                    "content": content, "stop_reason": stopReason, "stop_sequence": NSNullBridge.null,
                                    "usage": usage])
    }

    /// The event repeated forever by `endless_deltas`, or the bytes of `endless_line`'s unending line.
    func endlessPiece(endOfLine: String) -> String {
        if step.fault == .endlessLine { return "event: content_block_delta\(endOfLine)data: " }
        let payload: [String: Any] = ["type": "content_block_delta", "index": 0,
                                      "delta": ["type": "text_delta", "text": step.text ?? "more and more "]]
        return "event: content_block_delta\(endOfLine)data: \(WireFormat.jsonText(payload))\(endOfLine)\(endOfLine)"
    }

    func events(endOfLine: String) -> [String] {
        func event(_ name: String, _ payload: [String: Any]) -> String {
            var object = payload
            object["type"] = name
            return "event: \(name)\(endOfLine)data: \(WireFormat.jsonText(object))\(endOfLine)\(endOfLine)"
        }
        var events: [String] = []
        events.append(event("message_start", ["message": [
            "id": "msg_fake1", "type": "message", "role": "assistant", "content": [] as [Any], "model": model,
            "stop_reason": NSNullBridge.null, "stop_sequence": NSNullBridge.null,
            "usage": ["input_tokens": inputTokens, "output_tokens": 1]]]))
        if step.fault == .streamError {
            events.append(event("error", ["error": ["type": step.errorType ?? "overloaded_error",
                                                    "message": step.errorMessage ?? "Overloaded"]]))
            return events
        }
        if step.fault == .endlessLine || step.fault == .endlessDeltas {
            events.append(event("content_block_start", ["index": 0, "content_block": ["type": "text", "text": ""]]))
            return events
        }
        var index = 0
        if let text {
            events.append(event("content_block_start", ["index": index, "content_block": ["type": "text", "text": ""]]))
            events.append(event("ping", [:]))
            for piece in step.chunks ?? WireFormat.pieces(of: text, size: step.chunkSize ?? 4) {
                events.append(event("content_block_delta", ["index": index,
                                                            "delta": ["type": "text_delta", "text": piece]]))
            }
            events.append(event("content_block_stop", ["index": index]))
            index += 1
        }
        if let json = step.json {
            events.append(event("content_block_start", ["index": index, "content_block": [
                "type": "tool_use", "id": "toolu_fake1", "name": toolName, "input": [:] as [String: Any]]]))
            // The first fragment may be empty; later ones split the JSON mid-token on purpose.
            for fragment in [""] + WireFormat.pieces(of: json, size: 5) {
                events.append(event("content_block_delta", ["index": index,
                                                            "delta": ["type": "input_json_delta", "partial_json": fragment]]))
            }
            events.append(event("content_block_stop", ["index": index]))
        }
        if step.fault == .malformedJSON {
            events.insert("event: content_block_delta\(endOfLine)data: {\"type\": \"content_block_delta\", \"index\": 0, \"delta\": {\"ty\(endOfLine)\(endOfLine)", at: min(3, events.count))
        }
        if step.fault == .truncated { return events }
        events.append(event("message_delta", ["delta": ["stop_reason": stopReason, "stop_sequence": NSNullBridge.null],
                                              "usage": ["output_tokens": outputTokens]]))
        events.append(event("message_stop", [:]))
        return events
    }
}
