import Foundation

/// HTTP plumbing shared by the adapters: send JSON, turn error answers into `ProviderError`,
/// read `retry-after`, and walk an event stream.
struct ProviderHTTP: Sendable {
    let endpoint: ProviderEndpoint
    let client: HTTPClient

    /// `timeout` (one call's limit) shortens the endpoint's total timeout, never lengthens it.
    func post(path: String, headers: HTTPHeaders, body: JSONValue, timeout: Duration? = nil) async throws -> HTTPResponse {
        var all = headers
        all.add("content-type", "application/json")
        let request = HTTPRequest(url: endpoint.baseURL + path, headers: all,
                                  body: Array(body.jsonText.utf8), timeouts: timeouts(capping: timeout))
        return try await send(request)
    }

    /// A GET (e.g. a local server's `/models`), with the same error mapping as `post`.
    func get(path: String, headers: HTTPHeaders = HTTPHeaders(), timeout: Duration? = nil) async throws -> HTTPResponse {
        try await send(HTTPRequest(method: "GET", url: endpoint.baseURL + path, headers: headers,
                                   timeouts: timeouts(capping: timeout)))
    }

    func timeouts(capping timeout: Duration?) -> HTTPTimeouts {
        var timeouts = endpoint.timeouts
        if let timeout { timeouts.total = min(timeouts.total ?? timeout, timeout) }
        return timeouts
    }

    private func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await client.send(request)
        } catch let error as TransportError {
            throw ProviderError.transport(error)
        }
        guard (200..<300).contains(response.status) else {
            throw await error(from: response)
        }
        return response
    }

    func scrub(_ text: String) -> String { endpoint.apiKey?.scrub(text) ?? text }

    /// Reads a whole body up to the endpoint's reply cap, mapping transport failures.
    func collect(_ response: HTTPResponse) async throws -> [UInt8] {
        do { return try await response.collectBody(limit: endpoint.maxReplyBytes) } catch let error as TransportError {
            throw ProviderError.transport(error)
        }
    }

    /// Both providers' error shapes: `{"error": {"type", "message", "code"?, "details"?: {"error_code"}}}`.
    func error(from response: HTTPResponse) async -> ProviderError {
        let bytes = (try? await response.collectBody(limit: 1 << 20)) ?? []
        let json = try? JSONValue.parse(bytes)
        let detail = json?["error"]
        let type = detail?["type"]?.stringValue
        let code = detail?["code"]?.stringValue ?? detail?["details"]?["error_code"]?.stringValue
        var message = detail?["message"]?.stringValue ?? detail?.stringValue
            ?? String(decoding: bytes.prefix(300), as: UTF8.self)
        if message.isEmpty { message = "(empty body)" }
        return .http(status: response.status, type: type, code: code, message: scrub(message),
                     retryAfter: Self.retryAfter(in: response.headers),
                     shouldRetry: response.headers["x-should-retry"].map { $0.lowercased() == "true" },
                     requestID: response.headers["request-id"] ?? response.headers["x-request-id"])
    }

    /// `retry-after-ms` (milliseconds), else `retry-after` (seconds, or an HTTP date).
    static func retryAfter(in headers: HTTPHeaders, now: Date = Date()) -> Duration? {
        if let text = headers["retry-after-ms"], let ms = Double(text), ms >= 0 {
            return clampedMilliseconds(ms)
        }
        guard let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text), seconds >= 0 { return clampedMilliseconds(seconds * 1000) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return clampedMilliseconds(max(0, date.timeIntervalSince(now) * 1000))
    }

    /// A header's wait as a duration; `1e300` or `inf` would trap in `Int64(_:)`, so waits are
    /// capped at a day (anything past `RetryPolicy.maxRetryAfter` fails over anyway). NaN: none.
    private static func clampedMilliseconds(_ ms: Double) -> Duration? {
        guard !ms.isNaN else { return nil }
        return .milliseconds(Int64(min(ms, 86_400_000).rounded()))
    }

    /// Feeds the body through the SSE parser; `handle` returns true once the terminal event came.
    /// A body that ends before that is `.truncated`. The stream is cut with `.bodyTooLarge` past
    /// the endpoint's reply cap: counting every byte bounds the parser's line and data buffers
    /// and the text the decoders accumulate, whatever shape an endless stream takes.
    func events(of response: HTTPResponse, partialText: () -> String,
                handle: (SSEEvent) throws -> Bool) async throws {
        let type = response.headers["content-type"] ?? ""
        guard type.hasPrefix("text/event-stream") else {
            response.cancel()
            throw ProviderError.unexpectedContentType(type.isEmpty ? "(none)" : type)
        }
        var parser = SSEParser()
        var received = 0
        do {
            for try await chunk in response.body {
                received += chunk.count
                if received > endpoint.maxReplyBytes { throw TransportError.bodyTooLarge(limit: endpoint.maxReplyBytes) }
                for event in parser.feed(chunk) where try handle(event) {
                    response.cancel()
                    return
                }
            }
        } catch {
            // Stop the transfer explicitly rather than rely on the dropped iterator's
            // onTermination (which also does it today) — a bad event must not leave it reading.
            response.cancel()
            if let transport = error as? TransportError { throw ProviderError.transport(transport) }
            throw error
        }
        throw ProviderError.truncated(partialText: partialText())
    }

    /// Parses the body of a non-streaming 200 answer.
    func json(of response: HTTPResponse) async throws -> JSONValue {
        let type = response.headers["content-type"] ?? ""
        guard type.hasPrefix("application/json") else {
            response.cancel()
            throw ProviderError.unexpectedContentType(type.isEmpty ? "(none)" : type)
        }
        let bytes = try await collect(response)
        guard !bytes.isEmpty else { throw ProviderError.malformedResponse("empty body") }
        do { return try JSONValue.parse(bytes) } catch {
            throw ProviderError.malformedResponse("body is not valid JSON (\(bytes.count) bytes)")
        }
    }
}
