import Foundation
import PlansmithTestSupport
import Store
import Testing

/// The app on PostgreSQL (`PLANSMITH_DB=postgres://…`), in a real terminal: what it writes is in
/// the database, not in a file, and a restart logs in to the same account.
@Suite("plansmith TUI in tmux: PostgreSQL", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["PLANSMITH_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false
                || ProcessInfo.processInfo.environment["CI"] == "true"))
struct PostgresEndToEndTests {
    @Test("register on PostgreSQL, land on the dashboard with the templates, quit; a restart logs in; no SQLite file")
    func registerAndLogInAgain() async throws {
        guard RunningApp.requireAvailable() else { return }
        let url = try await Self.freshDatabase()
        var app = try RunningApp()
        app.extraEnvironment["PLANSMITH_DB"] = url
        defer { app.shutDown() }
        try app.launch()
        try app.expect("Plansmith › Landing", "not signed in")
        try app.register()
        try app.expect("blocksworld", "No planning sessions yet")
        try app.keys("C-q")
        try app.expect("EXIT=0")

        try app.launch()
        try app.logIn()
        try app.expect("blocksworld")
        try app.keys("C-q")
        try app.expect("EXIT=0")
        #expect(!FileManager.default.fileExists(atPath: app.databasePath))

        let store = try await Store.connect(DatabaseLocation(path: url, createsDirectory: false))
        defer { store.close() }
        #expect(try await store.accounts.user(email: "ada@example.com")?.hasPassword == true)
    }

    /// A new, empty database in the test cluster; its URL.
    static func freshDatabase() async throws -> String {
        let url = try #require(ProcessInfo.processInfo.environment["PLANSMITH_TEST_POSTGRES_URL"],
                               "PLANSMITH_TEST_POSTGRES_URL is not set: run scripts/test")
        let name = "tui_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await PostgresStoreDatabase.connectWithoutMigrating(try PostgresLocation(url: url))
        defer { admin.close() }
        try await admin.execute("CREATE DATABASE \(name)")
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }
}
