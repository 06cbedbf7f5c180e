import Foundation
import Store

/// A real SQLite file in a fresh temporary folder, and the local user.
struct StoreFixture {
    let directory: String
    var path: String { directory + "/plansmith.sqlite" }

    init() throws {
        directory = NSTemporaryDirectory() + "elicitation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func open() throws -> Store { try Store.open(DatabaseLocation(path: path, createsDirectory: false)) }

    func user(in store: Store) async throws -> Int64 { try await store.accounts.ensureLocalUser(email: "me@example.com").id! }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
