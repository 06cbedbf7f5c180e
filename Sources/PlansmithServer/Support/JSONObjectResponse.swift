import Foundation
import Hummingbird
import PlansmithCore

extension JSONCoding {
    /// A response whose body is one of the schema-1 objects of `JSONForms` (untyped `[String: Any]`,
    /// so the API and `--json` cannot drift apart).
    static func response(object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: JSONForms.data(object))))
    }
}
