import Foundation
import HTTPTypes
import Hummingbird
import PlansmithCore
import Store

/// Every failure the API reports, rendered as `{"error": {"code": …, "message": …}}` with the
/// matching status. Routes throw these; `APIError.from` maps anything else (Store errors,
/// Hummingbird's own HTTP errors, decoding errors) onto one, so no failure leaves the server
/// without the envelope.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    /// Stable, machine-readable: clients branch on this, not on the message.
    public var code: String
    public var message: String
    /// Extra headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "bad_request", message) }
    public static func invalidJSON(_ message: String) -> APIError { APIError(.badRequest, "invalid_json", message) }
    public static func invalidInput(_ message: String) -> APIError { APIError(.unprocessableContent, "invalid_input", message) }
    public static func notFound(_ message: String) -> APIError { APIError(.notFound, "not_found", message) }
    public static func conflict(_ message: String) -> APIError { APIError(.conflict, "conflict", message) }
    public static func unauthorized(_ message: String) -> APIError {
        APIError(.unauthorized, "unauthorized", message, headers: [.wwwAuthenticate: "Bearer"])
    }
    public static func unsupportedMediaType(_ message: String) -> APIError {
        APIError(.unsupportedMediaType, "unsupported_media_type", message)
    }
    public static func tooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, "payload_too_large", "request body is larger than the limit of \(limit) bytes")
    }
    public static func internalError(_ message: String) -> APIError { APIError(.internalServerError, "internal", message) }

    /// Any error as the API reports it. Store errors keep their user-facing message; "not yours"
    /// is reported as not found (`StoreError.forbidden` on a row the caller cannot even read
    /// never happens: repositories answer notFound for those).
    public static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as AppError:
            return from(error)
        case let error as StoreError:
            return from(error)
        case let error as HTTPError:
            return from(httpError: error)
        case is DecodingError:
            return .invalidJSON(describe(error as! DecodingError))
        case let error as any HTTPResponseError:
            return APIError(error.status, code(for: error.status), error.status.reasonPhrase)
        default:
            return .internalError("internal error")
        }
    }

    static func from(_ error: StoreError) -> APIError {
        switch error {
        case .notFound: return .notFound(error.description)
        case .forbidden: return APIError(.forbidden, "forbidden", error.description)
        case .conflict: return .conflict(error.description)
        case .invalidInput: return .invalidInput(error.description)
        case .invalidCredentials, .invalidAPIKey, .revokedAPIKey, .expiredAPIKey: return .unauthorized(error.description)
        case .busy: return APIError(.serviceUnavailable, "busy", error.description, headers: [.retryAfter: "1"])
        case .damaged, .readOnly, .missingDirectory, .diskFull, .cannotOpen, .newerSchema, .notADatabase, .database:
            return .internalError(error.description)
        }
    }

    static func from(_ error: AppError) -> APIError {
        switch error.kind {
        case .notFound: return .notFound(error.message)
        case .forbidden: return APIError(.forbidden, "forbidden", error.message)
        case .conflict: return .conflict(error.message)
        case .invalidInput: return .invalidInput(error.message)
        case .invalidCredentials, .unauthorized: return .unauthorized(error.message)
        case .limit: return APIError(.unprocessableContent, "limit", error.message)
        case .unavailable: return APIError(.serviceUnavailable, "unavailable", error.message)
        }
    }

    static func from(httpError: HTTPError) -> APIError {
        let message = httpError.body ?? httpError.status.reasonPhrase
        switch httpError.status {
        case .contentTooLarge: return APIError(.contentTooLarge, "payload_too_large", "request body is too large")
        case .notFound: return .notFound(httpError.body ?? "no such route")
        case .badRequest: return .invalidJSON(message)
        default: return APIError(httpError.status, code(for: httpError.status), message)
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 408: "request_timeout"
        case 413: "payload_too_large"
        case 415: "unsupported_media_type"
        case 429: "rate_limited"
        case 500...: "internal"
        default: "error"
        }
    }

    /// A decoding error in the client's terms: which field, what was wrong.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? snakeCase($0.stringValue) }
            return keys.isEmpty ? "body" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "missing field '\(snakeCase(key.stringValue))'" + (at == "body" ? "" : " in \(at)")
        case .typeMismatch(let type, let context): return "field '\(path(context))' should be \(type)"
        case .valueNotFound(let type, let context): return "field '\(path(context))' must not be null (expected \(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "body is not valid JSON" : "field '\(path(context))': \(context.debugDescription)"
        @unknown default: return "body could not be decoded"
        }
    }

    /// A Swift property name as the client wrote it (the decoder converts from snake_case).
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
        return out
    }

    /// The envelope as a response.
    func response(requestId: String?) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        if let requestId { headers[.requestId] = requestId }
        let body = ErrorEnvelope(error: .init(code: code, message: message))
        let data = (try? JSONCoding.encoder.encode(body)) ?? Data(#"{"error":{"code":"internal","message":"internal error"}}"#.utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `{"error": {"code": …, "message": …}}`.
struct ErrorEnvelope: Codable, Sendable {
    struct Body: Codable, Sendable {
        var code: String
        var message: String
    }
    var error: Body
}

extension APIError: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(requestId: nil)
    }
}

extension HTTPField.Name {
    static let requestId = HTTPField.Name("X-Request-Id")!
    static let rateLimitLimit = HTTPField.Name("X-RateLimit-Limit")!
    static let rateLimitRemaining = HTTPField.Name("X-RateLimit-Remaining")!
    static let rateLimitReset = HTTPField.Name("X-RateLimit-Reset")!
}
