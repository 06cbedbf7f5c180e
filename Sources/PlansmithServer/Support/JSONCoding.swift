import Foundation
import Hummingbird
import NIOCore

/// The API's one JSON dialect: snake_case keys, ISO 8601 dates, sorted keys (stable output for
/// tests and diffs).
enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// A JSON response with `value` as its body.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok,
                                       headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data = try encoder.encode(value)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Request {
    /// The body decoded as `T`, after checking what the client said it sent: `Content-Type`
    /// must be JSON (415 otherwise) and `Content-Length`, when given, within the limit (413
    /// before reading a byte). A body without a length is read up to the limit and refused past it.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: APIRequestContext) async throws -> T {
        guard let contentType = headers[.contentType],
              let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(),
              mediaType == "application/json" || mediaType.hasSuffix("+json")
        else {
            throw APIError.unsupportedMediaType("send the body as JSON with 'Content-Type: application/json'")
        }
        if let length = headers[.contentLength].flatMap(Int.init), length > context.maxUploadSize {
            throw APIError.tooLarge(limit: context.maxUploadSize)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: context.maxUploadSize)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: context.maxUploadSize)
        }
        guard buffer.readableBytes > 0 else { throw APIError.invalidJSON("body is empty; expected a JSON object") }
        do {
            return try JSONCoding.decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.invalidJSON(APIError.describe(error))
        }
    }
}

extension Parameters {
    /// A positive integer path parameter; anything else is a 404 (an id that cannot exist).
    func id(_ name: String, what: String) throws -> Int64 {
        guard let text = get(name), let value = Int64(text), value > 0 else {
            throw APIError.notFound("\(what) '\(get(name) ?? "")' not found")
        }
        return value
    }
}
