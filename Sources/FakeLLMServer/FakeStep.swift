/// What the fake server does with one provider request. Every field is optional so a JSON
/// script can say only what matters (keys in snake_case, e.g. `{"status": 429, "retry_after": "1"}`).
public struct FakeStep: Codable, Sendable, Equatable {
    /// Reply text (streamed in `chunks` if given, else in pieces of `chunkSize` characters).
    public var text: String?
    public var chunks: [String]?
    public var chunkSize: Int?
    /// A structured reply as JSON text: an Anthropic `tool_use` input, or OpenAI message content.
    public var json: String?
    public var toolName: String?
    public var inputTokens: Int?
    public var outputTokens: Int?
    /// Token counts as any JSON number (`1e300`, `-1`, `1.5`), sent instead of `inputTokens` /
    /// `outputTokens`: replies a real provider should never send, which must not crash a client.
    public var inputTokensNumber: Double?
    public var outputTokensNumber: Double?
    public var stopReason: String?
    /// Answer with this HTTP error status, in the provider's error shape.
    public var status: Int?
    public var errorType: String?
    /// OpenAI `error.code` / Anthropic `error.details.error_code` (e.g. `insufficient_quota`).
    public var errorCode: String?
    public var errorMessage: String?
    public var retryAfter: String?
    public var headers: [String: String]?
    public var fault: FakeFault?
    /// Pause before every streamed event (or before the body when not streaming).
    public var chunkDelayMs: Int?
    /// With `fault: disconnect`, how many events are sent before the socket is closed.
    public var disconnectAfterEvents: Int?
    /// Send the body one byte per TCP write.
    public var byteByByte: Bool?
    /// Use CRLF line endings in the event stream.
    public var crlf: Bool?

    public init(text: String? = nil, chunks: [String]? = nil, chunkSize: Int? = nil, json: String? = nil, toolName: String? = nil,
                inputTokens: Int? = nil, outputTokens: Int? = nil, stopReason: String? = nil,
                status: Int? = nil, errorType: String? = nil, errorCode: String? = nil,
                errorMessage: String? = nil, retryAfter: String? = nil, headers: [String: String]? = nil,
                fault: FakeFault? = nil, chunkDelayMs: Int? = nil, disconnectAfterEvents: Int? = nil,
                byteByByte: Bool? = nil, crlf: Bool? = nil,
                inputTokensNumber: Double? = nil, outputTokensNumber: Double? = nil) {
        self.text = text
        self.chunks = chunks
        self.chunkSize = chunkSize
        self.json = json
        self.toolName = toolName
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.stopReason = stopReason
        self.status = status
        self.errorType = errorType
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.retryAfter = retryAfter
        self.headers = headers
        self.fault = fault
        self.chunkDelayMs = chunkDelayMs
        self.disconnectAfterEvents = disconnectAfterEvents
        self.byteByByte = byteByByte
        self.crlf = crlf
        self.inputTokensNumber = inputTokensNumber
        self.outputTokensNumber = outputTokensNumber
    }

    /// The counts as they go on the wire: the raw numbers when given, else the integers.
    var wireInputTokens: Any { inputTokensNumber.map { $0 as Any } ?? inputTokens ?? 12 }
    var wireOutputTokens: Any { outputTokensNumber.map { $0 as Any } ?? outputTokens ?? 7 }

    public static func reply(_ text: String, inputTokens: Int = 12, outputTokens: Int = 7) -> FakeStep {
        FakeStep(text: text, inputTokens: inputTokens, outputTokens: outputTokens)
    }

    public static func structured(_ json: String, toolName: String? = nil) -> FakeStep {
        FakeStep(json: json, toolName: toolName)
    }

    public static func error(_ status: Int, retryAfter: String? = nil, code: String? = nil,
                             message: String? = nil) -> FakeStep {
        FakeStep(status: status, errorCode: code, errorMessage: message, retryAfter: retryAfter)
    }

    public static func fault(_ fault: FakeFault, text: String = "partial reply text") -> FakeStep {
        FakeStep(text: text, fault: fault)
    }
}

public enum FakeFault: String, Codable, Sendable, CaseIterable {
    /// Close the socket mid-body (after `disconnectAfterEvents` events), no terminating chunk.
    case disconnect
    /// A body (or one `data:` line) that is not valid JSON.
    case malformedJSON = "malformed_json"
    /// A cleanly ended HTTP body whose event stream lacks `message_stop` / `[DONE]`.
    case truncated
    /// Read the request, then never answer.
    case hang
    /// Send the response head, then never send a body byte.
    case headersThenStall = "headers_then_stall"
    /// 200 with an HTML page, as a misconfigured proxy sends.
    case wrongContentType = "wrong_content_type"
    /// 200 whose stream carries a provider error event (overloaded).
    case streamError = "stream_error"
    case emptyBody = "empty_body"
    /// A stream whose one `data:` line never ends (no line break, ever), until the client leaves.
    case endlessLine = "endless_line"
    /// A stream of text deltas that never ends, until the client leaves.
    case endlessDeltas = "endless_deltas"
}

/// A whole script: steps used in order, then `fallback` for every later request.
public struct FakeScript: Codable, Sendable, Equatable {
    public var steps: [FakeStep]
    public var fallback: FakeStep?
    /// When set, requests must carry this key (`x-api-key` or `Authorization: Bearer`).
    public var apiKey: String?
    /// Checked before `steps`: the first route whose `contains` occurs in a request's body answers
    /// it. Lets a script answer concurrent requests of different kinds (e.g. critics asking for
    /// items and for votes at the same time) regardless of their arrival order.
    public var routes: [FakeRoute]?

    public init(steps: [FakeStep] = [], fallback: FakeStep? = nil, apiKey: String? = nil, routes: [FakeRoute]? = nil) {
        self.steps = steps
        self.fallback = fallback
        self.apiKey = apiKey
        self.routes = routes
    }
}

/// Answers every request whose body contains `contains`: with `steps` in order, the last one
/// repeating once the others are used up.
public struct FakeRoute: Codable, Sendable, Equatable {
    public var contains: String
    public var steps: [FakeStep]

    public init(contains: String, steps: [FakeStep]) {
        self.contains = contains
        self.steps = steps
    }
}
