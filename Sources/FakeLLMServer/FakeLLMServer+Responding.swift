import Foundation

extension FakeLLMServer {
    /// Chooses the response for one request: control endpoints, request validation, then the script.
    func respond(to request: RecordedRequest) -> FakeResponse {
        if request.path.hasPrefix("/_fake/") { return control(request) }
        if request.method == "GET", request.path.split(separator: "?").first?.hasSuffix("/models") == true {
            withState { $0.requests.append(request) }
            let ids = withState { $0.models }
            return .json(200, WireFormat.jsonText(["object": "list", "data": ids.map {
                ["id": $0, "object": "model", "created": 1_700_000_000, "owned_by": "fake"] as [String: Any]
            }]))
        }
        guard let format = WireFormat(path: request.path) else {
            return .json(404, #"{"error":{"message":"no such endpoint in the fake server","type":"not_found"}}"#)
        }
        let (apiKey, requestID) = withState { s in
            s.requests.append(request)
            s.requestCounter += 1
            return (s.script.apiKey, "req_fake_\(s.requestCounter)")
        }
        // A request a real provider would reject gets that rejection and leaves the script alone.
        if let problem = validationProblem(request, format: format, apiKey: apiKey) {
            return .json(problem.status, format.errorBody(status: problem.status, type: nil, code: nil,
                                                          message: problem.message, requestID: requestID))
        }
        let body = request.bodyText
        let step = withState { s in
            if let index = s.script.routes?.firstIndex(where: { !$0.steps.isEmpty && body.contains($0.contains) }) {
                let route = s.script.routes![index]
                if route.steps.count > 1 { s.script.routes![index].steps.removeFirst() }
                return route.steps[0]
            }
            return s.script.steps.isEmpty ? (s.script.fallback ?? FakeStep.reply("ok")) : s.script.steps.removeFirst()
        }
        return render(step, for: request, format: format, requestID: requestID)
    }

    /// What a real provider would reject before doing any work.
    private func validationProblem(_ request: RecordedRequest, format: WireFormat,
                                   apiKey: String?) -> (status: Int, message: String)? {
        guard request.method == "POST" else { return (405, "method must be POST") }
        guard request.headers["content-type"]?.hasPrefix("application/json") == true else {
            return (400, "content-type must be application/json")
        }
        let bearer = request.headers["authorization"].map { $0.replacingOccurrences(of: "Bearer ", with: "") }
        let presented = format == .anthropic ? (request.headers["x-api-key"] ?? bearer) : bearer
        if let apiKey, presented != apiKey {
            // Real providers echo (part of) the bad key; the client must never repeat it.
            return (401, "Incorrect API key provided: \(presented ?? "none")")
        }
        guard let body = request.json else { return (400, "body is not a JSON object") }
        guard body["model"] is String else { return (400, "model: field required") }
        guard let messages = body["messages"] as? [Any], !messages.isEmpty else {
            return (400, "messages: at least one message is required")
        }
        if format == .anthropic {
            guard request.headers["anthropic-version"] != nil else { return (400, "anthropic-version header required") }
            guard body["max_tokens"] is Int else { return (400, "max_tokens: field required") }
        }
        return nil
    }

    private func render(_ step: FakeStep, for request: RecordedRequest, format: WireFormat,
                        requestID: String) -> FakeResponse {
        let body = request.json ?? [:]
        let model = body["model"] as? String ?? "fake-model"
        let stream = body["stream"] as? Bool ?? false
        let idHeader = format == .anthropic ? "request-id" : "x-request-id"
        var headers: [(String, String)] = [(idHeader, requestID)]
        if let retryAfter = step.retryAfter { headers.append(("retry-after", retryAfter)) }
        for (name, value) in (step.headers ?? [:]).sorted(by: { $0.key < $1.key }) { headers.append((name, value)) }
        var response: FakeResponse
        if let status = step.status, status != 200 {
            let message = step.errorMessage ?? "fake error \(status)"
            response = .json(status, format.errorBody(status: status, type: step.errorType, code: step.errorCode,
                                                      message: message, requestID: requestID), headers: headers)
        } else if step.fault == .wrongContentType {
            response = FakeResponse(status: 200, headers: [("Content-Type", "text/html")] + headers,
                                    body: .fixed(Array("<html><body><h1>502 Bad Gateway</h1></body></html>".utf8)))
        } else if step.fault == .emptyBody {
            response = .json(200, "", headers: headers)
        } else if stream {
            let endOfLine = step.crlf == true ? "\r\n" : "\n"
            let events: [String], endlessPiece: String
            switch format {
            case .anthropic:
                let renderer = AnthropicRenderer(step: step, model: model, requestID: requestID)
                (events, endlessPiece) = (renderer.events(endOfLine: endOfLine), renderer.endlessPiece(endOfLine: endOfLine))
            case .openAI:
                let options = body["stream_options"] as? [String: Any]
                let renderer = OpenAIRenderer(step: step, model: model,
                                              includeUsage: options?["include_usage"] as? Bool ?? false)
                (events, endlessPiece) = (renderer.events(endOfLine: endOfLine), renderer.endlessPiece(endOfLine: endOfLine))
            }
            let streamBody: FakeResponse.Body
            switch step.fault {
            case .endlessLine:  // the line's start, then its bytes forever, never a line break
                streamBody = .endless(head: events + [endlessPiece], repeating: String(repeating: "a", count: 16 << 10))
            case .endlessDeltas:
                streamBody = .endless(head: events, repeating: String(repeating: endlessPiece, count: 32))
            default:
                streamBody = .events(events)
            }
            response = FakeResponse(status: 200, headers: [("Content-Type", "text/event-stream")] + headers,
                                    body: streamBody)
        } else {
            var text = format == .anthropic
                ? AnthropicRenderer(step: step, model: model, requestID: requestID).message()
                : OpenAIRenderer(step: step, model: model, includeUsage: true).completion()
            if step.fault == .malformedJSON { text = String(text.prefix(text.count / 2)) }
            response = .json(200, text, headers: headers)
        }
        response.hangBeforeHead = step.fault == .hang
        response.stallAfterHead = step.fault == .headersThenStall
        response.delayMs = step.chunkDelayMs ?? 0
        response.byteByByte = step.byteByByte ?? false
        if step.fault == .disconnect {
            response.disconnectAfterEvents = step.disconnectAfterEvents ?? 3
            if case .fixed(let bytes) = response.body {
                // Non-streaming: promise the full length, send half, then close.
                response.truncateFixedBodyAt = bytes.count / 2
            }
        }
        return response
    }

    private func control(_ request: RecordedRequest) -> FakeResponse {
        switch (request.method, request.path) {
        case ("POST", "/_fake/script"):
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            guard let script = try? decoder.decode(FakeScript.self, from: Data(request.body)) else {
                return .json(400, #"{"error":"body is not a valid script"}"#)
            }
            withState { s in
                s.script.steps += script.steps
                if script.fallback != nil { s.script.fallback = script.fallback }
                if script.apiKey != nil { s.script.apiKey = script.apiKey }
                if let routes = script.routes { s.script.routes = (s.script.routes ?? []) + routes }
            }
            return .json(200, #"{"ok":true}"#)
        case ("GET", "/_fake/requests"):
            let list = requests.map { r -> [String: Any] in
                ["method": r.method, "path": r.path, "headers": r.headers, "body": r.bodyText]
            }
            return .json(200, WireFormat.jsonText(list))
        case ("POST", "/_fake/reset"):
            withState { s in s.script = FakeScript(); s.requests = [] }
            return .json(200, #"{"ok":true}"#)
        default:
            return .json(404, #"{"error":"unknown control endpoint"}"#)
        }
    }
}
