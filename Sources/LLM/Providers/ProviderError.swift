/// A failed provider call. Messages have been scrubbed of the API key by the adapter.
public enum ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A non-2xx answer. `retryAfter` from `retry-after-ms` / `retry-after`; `shouldRetry` from `x-should-retry`.
    case http(status: Int, type: String?, code: String?, message: String, retryAfter: Duration?,
              shouldRetry: Bool?, requestID: String?)
    case transport(TransportError)
    /// An error event inside a 200 stream (`event: error`, or an OpenAI `{"error": …}` chunk).
    case streamError(type: String, message: String)
    /// The stream ended without its terminator (`message_stop` / `[DONE]`).
    case truncated(partialText: String)
    case malformedResponse(String)
    /// 200 with a body that is not what the API sends (e.g. a proxy's HTML page).
    case unexpectedContentType(String)

    public var description: String {
        switch self {
        case let .http(status, type, code, message, _, _, requestID):
            let kind = [type, code].compactMap { $0 }.joined(separator: "/")
            let id = requestID.map { " (request \($0))" } ?? ""
            return "HTTP \(status)\(kind.isEmpty ? "" : " \(kind)"): \(message)\(id)"
        case .transport(let error): return error.description
        case let .streamError(type, message): return "stream error \(type): \(message)"
        case .truncated: return "stream ended before the reply was complete"
        case .malformedResponse(let detail): return "malformed response: \(detail)"
        case .unexpectedContentType(let type): return "unexpected content type \(type)"
        }
    }
}
