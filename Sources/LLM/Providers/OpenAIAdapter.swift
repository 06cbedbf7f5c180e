/// OpenAI Chat Completions (`POST {base}/chat/completions`), also what Ollama, llama.cpp and vLLM speak.
public struct OpenAIAdapter: ProviderAdapter {
    public let endpoint: ProviderEndpoint
    private let http: ProviderHTTP

    public init(endpoint: ProviderEndpoint, client: HTTPClient = CurlHTTPClient()) {
        self.endpoint = endpoint
        self.http = ProviderHTTP(endpoint: endpoint, client: client)
    }

    public func complete(_ request: ChatRequest, model: String,
                         onText: @escaping @Sendable (String) -> Void) async throws -> ChatReply {
        var headers = HTTPHeaders()
        if let key = endpoint.apiKey, !key.isEmpty { headers.add("authorization", "Bearer \(key.reveal())") }
        if request.stream { headers.add("accept", "text/event-stream") }
        let response = try await http.post(path: "/chat/completions", headers: headers,
                                           body: body(for: request, model: model), timeout: request.timeout)
        let requestID = response.headers["x-request-id"]
        let wantsJSON = request.structuredOutput != nil
        if request.stream {
            var decoder = OpenAIStreamDecoder(model: model, requestID: requestID)
            try await http.events(of: response, partialText: { decoder.text }) { event in
                if let fragment = try decoder.absorb(event, scrub: http.scrub) { onText(fragment) }
                return decoder.finished
            }
            return Self.withStructured(decoder.reply, wanted: wantsJSON)
        }
        let reply = try Self.reply(from: await http.json(of: response), model: model, requestID: requestID)
        return Self.withStructured(reply, wanted: wantsJSON)
    }

    func body(for request: ChatRequest, model: String) -> JSONValue {
        var fields: [String: JSONValue] = [
            "model": .string(model),
            endpoint.maxTokensField: .number(Double(request.maxTokens)),
            "messages": .array(request.messages.map {
                ["role": .string($0.role.rawValue), "content": .string($0.content)]
            }),
        ]
        if let temperature = request.temperature { fields["temperature"] = .number(temperature) }
        if !request.stopSequences.isEmpty { fields["stop"] = .array(request.stopSequences.map { .string($0) }) }
        if request.stream {
            fields["stream"] = true
            fields["stream_options"] = ["include_usage": true]
        }
        if let spec = request.structuredOutput {
            // strict stays off: strict mode demands every property be required, which would
            // reshape callers' schemas. The reply is validated against the schema anyway.
            fields["response_format"] = ["type": "json_schema", "json_schema": [
                "name": .string(spec.name), "description": .string(spec.description),
                "schema": spec.schema, "strict": false]]
        }
        return .object(fields)
    }

    static func reply(from json: JSONValue, model: String, requestID: String?) throws -> ChatReply {
        if let error = json["error"] {
            throw ProviderError.streamError(type: error["type"]?.stringValue ?? "error",
                                            message: error["message"]?.stringValue ?? "")
        }
        guard let choice = json["choices"]?[0], let message = choice["message"] else {
            throw ProviderError.malformedResponse("no choices[0].message in the completion")
        }
        var stop = choice["finish_reason"]?.stringValue.map(StopReason.init(openAI:))
        if message["refusal"]?.stringValue != nil { stop = .refusal }
        return ChatReply(text: message["content"]?.stringValue ?? message["refusal"]?.stringValue ?? "",
                         usage: usage(from: json["usage"]), stopReason: stop,
                         model: json["model"]?.stringValue ?? model, requestID: requestID)
    }

    /// `prompt_tokens` includes cached tokens; split them out so each is priced once.
    /// A count that is there but not a token count (`1e300`, `-1`, `1.5`) makes the usage unknown.
    static func usage(from json: JSONValue?) -> TokenUsage {
        guard let json, case .object = json else { return .unknown }
        var readable = true
        func count(_ value: JSONValue?) -> Int {
            guard let value, value != .null else { return 0 }
            guard let n = TokenUsage.count(value) else { readable = false; return 0 }
            return n
        }
        let cached = count(json["prompt_tokens_details"]?["cached_tokens"])
        let prompt = count(json["prompt_tokens"]), completion = count(json["completion_tokens"])
        return TokenUsage(inputTokens: max(0, prompt - cached), outputTokens: completion, cacheReadTokens: cached,
                          isKnown: readable)
    }

    /// OpenAI returns structured output as message text; parse it when JSON was asked for.
    /// (A reply that does not parse stays text: the schema check reports it.)
    static func withStructured(_ reply: ChatReply, wanted: Bool) -> ChatReply {
        guard wanted, reply.structured == nil else { return reply }
        var copy = reply
        copy.structured = try? JSONValue.parse(reply.text)
        return copy
    }
}
