/// Folds the Anthropic event stream (`message_start` … `message_stop`) into a `ChatReply`.
struct AnthropicStreamDecoder {
    private(set) var text = ""
    private(set) var finished = false
    private var usage = TokenUsage.unknown
    /// Set once any event carried an unreadable count: later events cannot make usage known again.
    private var usageUnreadable = false
    private var stopReason: StopReason?
    private var model: String
    private let requestID: String?
    private let toolName: String?
    /// `input_json_delta` fragments per content block index, parsed at `content_block_stop`.
    private var toolInputs: [Int: String] = [:]
    private var structured: JSONValue?

    init(model: String, requestID: String?, toolName: String?) {
        self.model = model
        self.requestID = requestID
        self.toolName = toolName
    }

    var reply: ChatReply {
        var usage = usage
        if usageUnreadable { usage.isKnown = false }
        return ChatReply(text: text, structured: structured, usage: usage, stopReason: stopReason,
                         model: model, requestID: requestID)
    }

    private mutating func absorbUsage(_ json: JSONValue?, previous: TokenUsage?) {
        usage = AnthropicAdapter.usage(from: json, previous: previous)
        if json != nil, !usage.isKnown { usageUnreadable = true }
    }

    /// Applies one event; returns a text fragment to stream on, if the event carried one.
    mutating func absorb(_ event: SSEEvent, scrub: (String) -> String) throws -> String? {
        guard !event.data.isEmpty else { return nil }
        let data: JSONValue
        do { data = try JSONValue.parse(event.data) } catch {
            throw ProviderError.malformedResponse("event \(event.type) carries invalid JSON")
        }
        switch data["type"]?.stringValue ?? event.type {
        case "message_start":
            model = data["message"]?["model"]?.stringValue ?? model
            absorbUsage(data["message"]?["usage"], previous: nil)
        case "content_block_start":
            if data["content_block"]?["type"]?.stringValue == "tool_use",
               toolName == nil || data["content_block"]?["name"]?.stringValue == toolName,
               let index = data["index"]?.intValue {
                toolInputs[index] = ""
            }
        case "content_block_delta":
            let delta = data["delta"]
            switch delta?["type"]?.stringValue {
            case "text_delta":
                let fragment = delta?["text"]?.stringValue ?? ""
                text += fragment
                return fragment.isEmpty ? nil : fragment
            case "input_json_delta":
                if let index = data["index"]?.intValue, toolInputs[index] != nil {
                    toolInputs[index]! += delta?["partial_json"]?.stringValue ?? ""
                }
            default: break  // thinking, signature, citations: not used
            }
        case "content_block_stop":
            if let index = data["index"]?.intValue, let json = toolInputs.removeValue(forKey: index) {
                do { structured = json.isEmpty ? .object([:]) : try JSONValue.parse(json) } catch {
                    throw ProviderError.malformedResponse("tool input is not valid JSON")
                }
            }
        case "message_delta":
            // Counts here are cumulative: they replace, not add to, what message_start said.
            absorbUsage(data["usage"], previous: usage)
            if let reason = data["delta"]?["stop_reason"]?.stringValue { stopReason = StopReason(anthropic: reason) }
        case "message_stop":
            finished = true
        case "error":
            throw ProviderError.streamError(type: data["error"]?["type"]?.stringValue ?? "error",
                                            message: scrub(data["error"]?["message"]?.stringValue ?? ""))
        default:
            break  // ping and event types added later
        }
        return nil
    }
}
