import Foundation
import Testing
@testable import PlansmithServer

@Suite("OpenAPI document matches the routes", .serialized)
struct OpenAPIDocumentTests {
    /// "METHOD /path" for every operation in the document.
    static func documentedOperations() throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations = Set<String>()
        for (path, item) in paths {
            for method in item.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test("every route is documented and every documented operation is a route")
    func routesMatchDocument() async throws {
        try await TestServer.with { server in
            let routes = Set(server.server.routeTable)
            let documented = try Self.documentedOperations()
            #expect(!routes.isEmpty)
            #expect(routes.subtracting(documented).sorted() == [], "routes missing from openapi.json")
            #expect(documented.subtracting(routes).sorted() == [], "documented operations the server does not answer")
        }
    }

    @Test("the served document is the file kept in the repository")
    func servedIsTheFile() async throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PlansmithServer/OpenAPI/openapi.json")
        let onDisk = try Data(contentsOf: file)
        #expect(Array(onDisk) == OpenAPIDocument.bytes)
    }

    @Test("every $ref resolves")
    func referencesResolve() throws {
        let text = String(decoding: OpenAPIDocument.bytes, as: UTF8.self)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
        let components = try #require(document["components"] as? [String: [String: Any]])
        let pattern = try NSRegularExpression(pattern: ##""\$ref": "#/components/(\w+)/(\w+)""##)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(!matches.isEmpty)
        for match in matches {
            let kind = String(text[Range(match.range(at: 1), in: text)!])
            let name = String(text[Range(match.range(at: 2), in: text)!])
            #expect(components[kind]?[name] != nil, "unresolved #/components/\(kind)/\(name)")
        }
    }
}
