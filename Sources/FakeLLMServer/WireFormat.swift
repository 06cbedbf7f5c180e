import Foundation

/// Which provider's wire format a request path speaks.
enum WireFormat {
    case anthropic, openAI

    init?(path: String) {
        let bare = path.split(separator: "?").first.map(String.init) ?? path
        if bare.hasSuffix("/messages") { self = .anthropic }
        else if bare.hasSuffix("/chat/completions") { self = .openAI }
        else { return nil }
    }

    static func jsonText(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Splits text into pieces of `size` characters (the last may be shorter).
    static func pieces(of text: String, size: Int) -> [String] {
        guard size > 0, !text.isEmpty else { return [text] }
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if current.count == size { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    func errorBody(status: Int, type: String?, code: String?, message: String, requestID: String) -> String {
        switch self {
        case .anthropic:
            var error: [String: Any] = ["type": type ?? Self.anthropicErrorType(status), "message": message]
            if let code { error["details"] = ["error_code": code] }
            return Self.jsonText(["type": "error", "error": error, "request_id": requestID])
        case .openAI:
            let error: [String: Any] = ["message": message, "type": type ?? Self.openAIErrorType(status),
                                        "param": NSNull(), "code": code.map { $0 as Any } ?? NSNull()]
            return Self.jsonText(["error": error])
        }
    }

    static func anthropicErrorType(_ status: Int) -> String {
        switch status {
        case 401: "authentication_error"
        case 402: "billing_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 413: "request_too_large"
        case 429: "rate_limit_error"
        case 504: "timeout_error"
        case 529: "overloaded_error"
        case 500...: "api_error"
        default: "invalid_request_error"
        }
    }

    static func openAIErrorType(_ status: Int) -> String {
        switch status {
        case 401: "invalid_api_key"
        case 429: "rate_limit_exceeded"
        case 500...: "server_error"
        default: "invalid_request_error"
        }
    }
}
