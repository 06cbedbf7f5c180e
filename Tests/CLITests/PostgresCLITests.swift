import Foundation
import PlansmithTestSupport
import Store
import Testing

/// The CLI on PostgreSQL (`--db postgres://…` or `PLANSMITH_DB`), end to end: the real binary
/// against a fresh database in the throwaway cluster that scripts/test starts.
@Suite("plansmith on PostgreSQL", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["PLANSMITH_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false
                || ProcessInfo.processInfo.environment["CI"] == "true"))
struct PostgresCLITests {
    @Test("first run, domains and keys work on PostgreSQL; a second process sees the data; no SQLite file appears")
    func domainsAndKeys() async throws {
        let sandbox = try Sandbox()
        let url = try await DBMigrateCommandTests.freshDatabase()
        let pg = ["PLANSMITH_DB": url, "PLANSMITH_USER": "ada@example.com"]
        let path = try sandbox.write("switches.pddl", StoreCommandsTests.domain)
        let problem = try sandbox.write("two.pddl", StoreCommandsTests.problem)

        let imported = try sandbox.run(["domains", "import", path, problem], environment: pg)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("created the local user ada@example.com in postgres://"), "\(imported.stderr)")
        let list = try sandbox.run(["domains", "list"], environment: pg)
        #expect(list.stdout.split(separator: "\n").contains { $0.contains("switches") && $0.contains("private") })
        #expect(list.stdout.split(separator: "\n").contains { $0.contains("blocksworld") && $0.contains("template") })
        let shown = try sandbox.run(["domains", "show", "switches", "--json"], environment: pg)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(object["domain_pddl"] as? String == StoreCommandsTests.domain)

        let created = try sandbox.run(["keys", "create", "--name", "ci", "--rate-limit", "30", "--json"], environment: pg)
        #expect(created.status == 0, "\(created.stderr)")
        let key = try #require((try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])?["key"] as? String)
        let keys = try sandbox.run(["keys", "list", "--json"], environment: pg)
        #expect(keys.stdout.contains("\"ci\"") && keys.stdout.contains("30"), "\(keys.stdout)")

        // The key alone names its owner (no PLANSMITH_USER), through the PostgreSQL key check.
        let byKey = try sandbox.run(["domains", "show", "switches"], environment: ["PLANSMITH_DB": url, "PLANSMITH_API_KEY": key])
        #expect(byKey.status == 0, "\(byKey.stderr)")
        let keyId = try #require(try keysListed(sandbox, pg).first { $0["name"] as? String == "ci" }?["id"] as? Int)
        let rotated = try sandbox.run(["keys", "rotate", String(keyId), "--json"], environment: pg)
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let revoked = try sandbox.run(["domains", "list"], environment: ["PLANSMITH_DB": url, "PLANSMITH_API_KEY": key])
        #expect(revoked.status == 1)
        #expect(revoked.stderr.contains("revoked"), "\(revoked.stderr)")

        // What the CLI wrote is in PostgreSQL: a store opened here reads it.
        let store = try await Store.connect(DatabaseLocation(path: url, createsDirectory: false))
        defer { store.close() }
        let ada = try #require(try await store.accounts.user(email: "ada@example.com"))
        #expect(try await store.domains.domain(named: "switches", readableBy: ada.id!).problemPddl == StoreCommandsTests.problem)
        #expect(try await store.apiKeys.list(userId: ada.id!).map(\.status) == [.active, .revoked])
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        #expect(!FileManager.default.fileExists(atPath: sandbox.home + "/xdg-data"))
    }

    @Test("an account registered with a password needs it: wrong is refused (exit 1) and counts toward the back-off")
    func passwordAccount() async throws {
        let sandbox = try Sandbox()
        let url = try await DBMigrateCommandTests.freshDatabase()
        let store = try await Store.connect(DatabaseLocation(path: url, createsDirectory: false))
        defer { store.close() }
        _ = try await store.accounts.register(email: "bob@example.com", password: "correct horse battery")
        let bob = ["PLANSMITH_DB": url, "PLANSMITH_USER": "bob@example.com"]

        let wrong = try sandbox.run(["keys", "list"], environment: bob.merging(["PLANSMITH_PASSWORD": "guess guess"]) { $1 })
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("wrong email or password"), "\(wrong.stderr)")
        let right = try sandbox.run(["keys", "create", "--name", "laptop"],
                                    environment: bob.merging(["PLANSMITH_PASSWORD": "correct horse battery"]) { $1 })
        #expect(right.status == 0, "\(right.stderr)")
        let user = try #require(try await store.accounts.user(email: "bob@example.com"))
        #expect(try await store.apiKeys.list(userId: user.id!).map(\.name) == ["laptop"])
        // Knowing the email is not enough, and no local user was created for it.
        let noPassword = try sandbox.run(["keys", "list"], environment: bob)
        #expect(noPassword.status == 1)
        #expect(try await store.accounts.localUser() == nil)
    }

    private func keysListed(_ sandbox: Sandbox, _ environment: [String: String]) throws -> [[String: Any]] {
        let result = try sandbox.run(["keys", "list", "--json"], environment: environment)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return object?["keys"] as? [[String: Any]] ?? []
    }
}
