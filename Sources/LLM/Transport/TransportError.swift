/// Why an HTTP exchange failed below the HTTP status level.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum TimeoutKind: String, Sendable { case connect, total, idle }

    /// No connection could be made (refused, DNS, unreachable).
    case connectionFailed(String)
    /// The connection broke after it was made (reset, closed mid-body, nothing received).
    case connectionLost(String)
    case timedOut(TimeoutKind)
    /// The caller cancelled the request.
    case cancelled
    case tls(String)
    case invalidRequest(String)
    /// The body (or a streamed reply) grew past `limit` bytes; the transfer was stopped.
    case bodyTooLarge(limit: Int)
    /// Any other libcurl failure, with its code.
    case curl(code: Int, message: String)

    /// Whether a fresh attempt (or another provider) may succeed.
    public var isRetryable: Bool {
        switch self {
        case .connectionFailed, .connectionLost, .timedOut, .tls: true
        case .cancelled, .invalidRequest, .bodyTooLarge, .curl: false
        }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let m): "connection failed: \(m)"
        case .connectionLost(let m): "connection lost: \(m)"
        case .timedOut(let kind): "\(kind.rawValue) timeout"
        case .cancelled: "cancelled"
        case .tls(let m): "TLS error: \(m)"
        case .invalidRequest(let m): "invalid request: \(m)"
        case .bodyTooLarge(let limit): "reply larger than \(limit) bytes: stopped reading"
        case .curl(let code, let m): "curl error \(code): \(m)"
        }
    }
}
