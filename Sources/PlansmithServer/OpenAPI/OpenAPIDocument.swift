/// The OpenAPI 3.1 description of the API. The file `OpenAPI/openapi.json` is the source (kept
/// in the repository, edited by hand); SwiftPM embeds it in the binary, so the served document
/// is always the file. A test checks that it names every route the router has and no other.
enum OpenAPIDocument {
    static var bytes: [UInt8] { PackageResources.openapi_json }
}
