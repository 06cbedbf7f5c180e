/// The Anthropic Messages API (`POST {base}/v1/messages`), streaming and not.
public struct AnthropicAdapter: ProviderAdapter {
    public let endpoint: ProviderEndpoint
    private let http: ProviderHTTP

    public init(endpoint: ProviderEndpoint, client: HTTPClient = CurlHTTPClient()) {
        self.endpoint = endpoint
        self.http = ProviderHTTP(endpoint: endpoint, client: client)
    }

    public func complete(_ request: ChatRequest, model: String,
                         onText: @escaping @Sendable (String) -> Void) async throws -> ChatReply {
        var headers = HTTPHeaders([("anthropic-version", "2023-06-01")])
        if let key = endpoint.apiKey, !key.isEmpty { headers.add("x-api-key", key.reveal()) }
        if request.stream { headers.add("accept", "text/event-stream") }
        let response = try await http.post(path: "/v1/messages", headers: headers, body: body(for: request, model: model), timeout: request.timeout)
        let requestID = response.headers["request-id"]
        if request.stream {
            var decoder = AnthropicStreamDecoder(model: model, requestID: requestID, toolName: request.structuredOutput?.name)
            try await http.events(of: response, partialText: { decoder.text }) { event in
                if let fragment = try decoder.absorb(event, scrub: http.scrub) { onText(fragment) }
                return decoder.finished
            }
            return decoder.reply
        }
        return try Self.reply(from: await http.json(of: response), model: model, requestID: requestID,
                              toolName: request.structuredOutput?.name)
    }

    func body(for request: ChatRequest, model: String) -> JSONValue {
        var fields: [String: JSONValue] = [
            "model": .string(model),
            "max_tokens": .number(Double(request.maxTokens)),
            "messages": .array(request.messages.filter { $0.role != .system }.map {
                ["role": .string($0.role.rawValue), "content": .string($0.content)]
            }),
        ]
        let system = request.messages.filter { $0.role == .system }.map(\.content)
        if !system.isEmpty { fields["system"] = .string(system.joined(separator: "\n\n")) }
        if let temperature = request.temperature { fields["temperature"] = .number(temperature) }
        if !request.stopSequences.isEmpty { fields["stop_sequences"] = .array(request.stopSequences.map { .string($0) }) }
        if request.stream { fields["stream"] = true }
        if let spec = request.structuredOutput {
            // A single forced tool whose input schema is the wanted JSON: works on every model.
            fields["tools"] = [["name": .string(spec.name), "description": .string(spec.description),
                                "input_schema": spec.schema]]
            fields["tool_choice"] = ["type": "tool", "name": .string(spec.name)]
        }
        return .object(fields)
    }

    static func reply(from json: JSONValue, model: String, requestID: String?, toolName: String?) throws -> ChatReply {
        guard let content = json["content"]?.arrayValue else {
            throw ProviderError.malformedResponse("no content array in the message")
        }
        var text = ""
        var structured: JSONValue?
        for block in content {
            switch block["type"]?.stringValue {
            case "text": text += block["text"]?.stringValue ?? ""
            case "tool_use" where toolName == nil || block["name"]?.stringValue == toolName:
                structured = block["input"]
            default: break
            }
        }
        return ChatReply(text: text, structured: structured, usage: usage(from: json["usage"]),
                         stopReason: json["stop_reason"]?.stringValue.map(StopReason.init(anthropic:)),
                         model: json["model"]?.stringValue ?? model, requestID: requestID)
    }

    /// `input_tokens` excludes cache reads and writes, which are counted (and priced) apart.
    /// A count that is there but not a token count (`1e300`, `-1`, `1.5`) makes the usage unknown.
    static func usage(from json: JSONValue?, previous: TokenUsage? = nil) -> TokenUsage {
        guard let json else { return previous ?? .unknown }
        var usage = previous ?? TokenUsage()
        var readable = true
        let fields: [(String, WritableKeyPath<TokenUsage, Int>)] = [
            ("input_tokens", \.inputTokens), ("output_tokens", \.outputTokens),
            ("cache_read_input_tokens", \.cacheReadTokens), ("cache_creation_input_tokens", \.cacheWriteTokens)]
        for (key, field) in fields {
            guard let value = json[key], value != .null else { continue }
            if let n = TokenUsage.count(value) { usage[keyPath: field] = n } else { readable = false }
        }
        usage.isKnown = readable
        return usage
    }
}
