import Foundation
import PlansmithTestSupport
import Store
import Testing

/// `plansmith db migrate` end to end: the real binary copies a SQLite file into a fresh database of
/// the throwaway PostgreSQL cluster that scripts/test starts (PLANSMITH_TEST_POSTGRES_URL).
@Suite("plansmith db migrate", .enabled(if: ProcessInfo.processInfo.environment["PLANSMITH_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false
                                          || ProcessInfo.processInfo.environment["CI"] == "true"))
struct DBMigrateCommandTests {
    /// A new, empty database in the test cluster; its URL.
    static func freshDatabase() async throws -> String {
        let url = try #require(ProcessInfo.processInfo.environment["PLANSMITH_TEST_POSTGRES_URL"],
                               "PLANSMITH_TEST_POSTGRES_URL is not set: run scripts/test")
        let name = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await PostgresStoreDatabase.connectWithoutMigrating(try PostgresLocation(url: url))
        defer { admin.close() }
        try await admin.execute("CREATE DATABASE \(name)")
        var components = URLComponents(string: url)!
        components.path = "/" + name
        return components.string!
    }

    @Test("copies the local database, prints every table as ok and exits 0; a second run into the same database is refused (exit 1)")
    func migratesAndChecks() async throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write("switches.pddl", StoreCommandsTests.domain)
        #expect(try sandbox.run(["domains", "import", path]).status == 0)
        #expect(try sandbox.run(["keys", "create", "--name", "ci"]).status == 0)
        let target = try await Self.freshDatabase()

        let result = try sandbox.run(["db", "migrate", "--from", sandbox.database, "--to", target, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["matches"] as? Bool == true)
        let tables = try #require(report["tables"] as? [[String: Any]])
        let rows = Dictionary(uniqueKeysWithValues: tables.map { ($0["name"] as! String, $0["target_rows"] as! Int) })
        #expect(rows["users"] == 1 && rows["api_keys"] == 1)
        #expect(rows["domains"] == DomainTemplate.all.count + 1)
        #expect(tables.allSatisfy { ($0["source_sha256"] as? String) == ($0["target_sha256"] as? String) })

        let again = try sandbox.run(["db", "migrate", "--from", sandbox.database, "--to", target])
        #expect(again.status == 1)
        #expect(again.stderr.contains("the PostgreSQL database already has 1 account(s); migrate into an empty one"), "\(again.stderr)")
        let missing = try sandbox.run(["db", "migrate", "--from", sandbox.home + "/nope.sqlite", "--to", target])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
    }
}
