import Foundation
import PlansmithTestSupport
import Store
import Testing

/// The store commands (`domains`, `keys`, `usage`) end to end: the real binary on a real
/// SQLite file in a fresh temporary HOME, so no test sees another's data or the user's own.
@Suite("plansmith domains / keys / usage", .serialized)
struct StoreCommandsTests {
    static let domain = """
        (define (domain switches)
          (:requirements :strips)
          (:predicates (on ?s) (off ?s))
          (:action flip-on :parameters (?s) :precondition (off ?s) :effect (and (on ?s) (not (off ?s)))))
        ; comment kept byte for byte\u{20}\u{20}
        """
    static let problem = "(define (problem two) (:domain switches)\n  (:objects a b) (:init (off a) (off b)) (:goal (and (on a) (on b))))\n"

    @Test("the first run creates the local user $USER@localhost, says so once, and reuses it")
    func firstRunCreatesLocalUser() throws {
        let sandbox = try Sandbox()
        let xdg = ["PLANSMITH_DB": ""]  // this test checks the default location
        let first = try sandbox.run(["domains", "list"], environment: xdg)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("created the local user tester@localhost"))
        #expect(FileManager.default.fileExists(atPath: sandbox.home + "/xdg-data/plansmith/plansmith.sqlite"))
        let second = try sandbox.run(["domains", "list"], environment: xdg)
        #expect(second.status == 0)
        #expect(!second.stderr.contains("created"))
    }

    @Test("PLANSMITH_USER names the first user; an unknown --user later is refused, not created")
    func explicitUser() throws {
        let sandbox = try Sandbox()
        let first = try sandbox.run(["keys", "list"], environment: ["PLANSMITH_USER": "ada@example.com"])
        #expect(first.stderr.contains("created the local user ada@example.com"))
        #expect(try sandbox.run(["keys", "create", "--user", "ada@example.com"]).status == 0)
        let typo = try sandbox.run(["keys", "list", "--user", "adaa@example.com"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("account 'adaa@example.com' (the local user is ada@example.com) not found"))
        // Without --user the local user is found again, and it owns the key created above.
        #expect(try sandbox.run(["keys", "list"]).stdout.contains("default"))
    }

    @Test("import, list, show and export round-trip the exact bytes")
    func importExportRoundTrip() throws {
        let sandbox = try Sandbox()
        let domainPath = try sandbox.write("switches.pddl", Self.domain)
        let problemPath = try sandbox.write("two.pddl", Self.problem)
        let imported = try sandbox.run(["domains", "import", domainPath, problemPath])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 'switches'"))

        let list = try sandbox.run(["domains", "list"])
        let switchesLine = list.stdout.split(separator: "\n").first { $0.contains("switches") }
        #expect(switchesLine?.contains("private") == true)
        #expect(list.stdout.split(separator: "\n").contains { $0.contains("blocksworld") && $0.contains("template") })

        let show = try sandbox.run(["domains", "show", "switches", "--json"])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(shown["schema"] as? Int == 1)
        #expect(shown["domain_pddl"] as? String == Self.domain)
        #expect(shown["problem_pddl"] as? String == Self.problem)

        let out = sandbox.home + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let export = try sandbox.run(["domains", "export", "switches", "--to", out])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.contents(atPath: out + "/switches-domain.pddl") == Data(Self.domain.utf8))
        #expect(FileManager.default.contents(atPath: out + "/switches-problem.pddl") == Data(Self.problem.utf8))
    }

    @Test("domains export never writes outside --to, whatever the domain is called")
    func exportNameStaysInside() throws {
        let sandbox = try Sandbox()
        let byHeader = try sandbox.write("evil.pddl", "(define (domain ../../evil) (:predicates (p)))")
        let plain = try sandbox.write("plain.pddl", "(define (domain plain) (:predicates (p)))")
        let header = try sandbox.run(["domains", "import", byHeader, "--force"])  // the parser may object to the name
        #expect(header.status == 0, "\(header.stderr)")
        let named = try sandbox.run(["domains", "import", plain, "--name", "../../named"])
        #expect(named.status == 0, "\(named.stderr)")
        let out = sandbox.home + "/a/b/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for name in ["../../evil", "../../named"] {
            let export = try sandbox.run(["domains", "export", name, "--to", out])
            #expect(export.status == 0, "\(export.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["evil-domain.pddl", "named-domain.pddl"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.home + "/a") == ["b"])
    }

    @Test("keys create --expires-in beyond ten years is a usage error and stores nothing")
    func expiresInBound() throws {
        let sandbox = try Sandbox()
        for days in ["3651", "99999999999", "9223372036854775807"] {
            let result = try sandbox.run(["keys", "create", "--expires-in", days])
            #expect(result.status == 2, "\(days): \(result.stderr)")
            #expect(result.stderr.contains("--expires-in must be 1 to 3650 days"), "\(days)")
        }
        #expect(try sandbox.run(["keys", "create", "--expires-in", "3650"]).status == 0)
        let list = try sandbox.run(["keys", "list"])
        #expect(list.status == 0, "\(list.stderr)")
    }

    @Test("importing the same name again saves revision 2, keeps the problem, and history lists both")
    func historyAfterTwoImports() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write("switches.pddl", Self.domain)
        let problemPath = try sandbox.write("two.pddl", Self.problem)
        #expect(try sandbox.run(["domains", "import", path, problemPath]).status == 0)
        try (Self.domain + "\n; second version\n").write(toFile: path, atomically: true, encoding: .utf8)
        let again = try sandbox.run(["domains", "import", path])
        #expect(again.stdout.contains("saved revision 2 of 'switches'"), "\(again.stdout)\(again.stderr)")
        let history = try sandbox.run(["domains", "history", "switches", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        let revisions = try #require(object["revisions"] as? [[String: Any]])
        #expect(revisions.map { $0["revision"] as? Int } == [2, 1])
        #expect(revisions.first?["message"] as? String == "imported switches.pddl")
        let shown = try sandbox.json(["domains", "show", "switches", "--json"])
        #expect(shown["domain_pddl"] as? String == Self.domain + "\n; second version\n")
        #expect(shown["problem_pddl"] as? String == Self.problem)
        #expect(shown["revisions"] as? Int == 2)
        let table = try sandbox.run(["domains", "history", "switches"])
        #expect(table.stdout.hasPrefix("REV"))
    }

    @Test("broken PDDL is refused with compiler-style diagnostics and exit 1; --force imports it")
    func brokenPDDLRefused() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write("bad.pddl", "(define (domain bad)\n  (:predicates (holding ?x))\n  (:action a :parameters (?x) :effect (hodling ?x)))")
        let refused = try sandbox.run(["domains", "import", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(path):3:40: error[S003]: predicate 'hodling' is not declared"))
        #expect(refused.stderr.contains("not imported: 1 error(s)"))
        #expect(!(try sandbox.run(["domains", "list"]).stdout.contains("bad")))
        let forced = try sandbox.run(["domains", "import", path, "--force", "--name", "bad-on-purpose"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try sandbox.run(["domains", "list"]).stdout.contains("bad-on-purpose"))
    }

    @Test("an unknown domain name is refused with exit 1 and a clear message")
    func unknownDomain() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["domains", "show", "nope"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("domain 'nope' not found"))
    }

    @Test("keys create prints a psk_ key once; keys list shows only its prefix")
    func keyShownOnce() throws {
        let sandbox = try Sandbox()
        let created = try sandbox.run(["keys", "create", "--name", "ci", "--rate-limit", "30"])
        #expect(created.status == 0, "\(created.stderr)")
        let key = try #require(created.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("psk_") })
        #expect(key.count == 47)
        #expect(created.stdout.contains("cannot be shown again"))
        let list = try sandbox.run(["keys", "list"])
        #expect(list.stdout.contains(String(key.prefix(8)) + "…"))
        #expect(list.stdout.contains("30/min"))
        #expect(!list.stdout.contains(String(key)))
        let listJSON = try sandbox.run(["keys", "list", "--json"])
        #expect(!listJSON.stdout.contains(String(key)))
        #expect(!listJSON.stdout.contains("hash"))
    }

    @Test("keys create --json has the documented shape {id, key, prefix, expires_at, schema}")
    func createJSONShape() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["keys", "create", "--json", "--expires-in", "7"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["id", "key", "prefix", "expires_at", "schema"])
        let key = try #require(object["key"] as? String)
        #expect(key.hasPrefix("psk_") && key.count == 47)
        #expect(object["prefix"] as? String == String(key.prefix(8)))
        let expires = try #require(object["expires_at"] as? String)
        let expiry = try Date(expires, strategy: Date.ISO8601FormatStyle())
        #expect(abs(expiry.timeIntervalSinceNow - 7 * 86_400) < 120)
        let never = try sandbox.run(["keys", "create", "--json"])
        let neverObject = try #require(try JSONSerialization.jsonObject(with: Data(never.stdout.utf8)) as? [String: Any])
        #expect(neverObject["expires_at"] is NSNull)
    }

    @Test("revoke marks a key revoked; rotate revokes the old key and prints a new one")
    func revokeAndRotate() throws {
        let sandbox = try Sandbox()
        let first = try sandbox.json(["keys", "create", "--json", "--name", "one"])
        let second = try sandbox.json(["keys", "create", "--json", "--name", "two"])
        let firstId = try #require(first["id"] as? Int), secondId = try #require(second["id"] as? Int)
        #expect(try sandbox.run(["keys", "revoke", String(firstId)]).stdout.contains("is revoked"))
        let rotated = try sandbox.json(["keys", "rotate", String(secondId), "--json"])
        #expect(rotated["replaces"] as? Int == secondId)
        #expect((rotated["key"] as? String) != (second["key"] as? String))
        let keys = try #require(try sandbox.json(["keys", "list", "--json"])["keys"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: keys.map { ($0["id"] as? Int ?? 0, $0["status"] as? String ?? "") })
        #expect(status == [firstId: "revoked", secondId: "revoked", rotated["id"] as? Int ?? -1: "active"])
        let again = try sandbox.run(["keys", "rotate", String(firstId)])
        #expect(again.status == 1)
        #expect(again.stderr.contains("only active keys can be rotated"))
    }

    @Test("usage on an empty database says so; after rows it totals them")
    func usageSummary() async throws {
        let sandbox = try Sandbox()
        let empty = try sandbox.run(["usage"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.contains("no usage recorded (all time)"))
        #expect(try sandbox.json(["usage", "--json"])["requests"] as? Int == 0)

        // Rows as the server and the LLM layer write them, for the local user created above.
        let store = try Store.open(DatabaseLocation(path: sandbox.database, createsDirectory: false))
        let user = try #require(try await store.accounts.localUser())
        let now = Date()
        try await store.usage.record(contentsOf: [
            UsageRecord(userId: user.id, endpoint: "/api/plan", method: "POST", statusCode: 200, latencyMs: 10, createdAt: now),
            UsageRecord(userId: user.id, endpoint: "/api/plan", method: "POST", statusCode: 500, latencyMs: 30, createdAt: now),
            .llmCall(userId: user.id, endpoint: "/v1/messages", statusCode: 200, latencyMs: 800, model: "claude-haiku",
                     inputTokens: 1200, outputTokens: 300, costUSD: 0.25, createdAt: now),
            UsageRecord(userId: user.id, endpoint: "/api/old", method: "GET", statusCode: 200, latencyMs: 5,
                        createdAt: now.addingTimeInterval(-10 * 86_400)),
        ])
        let all = try sandbox.json(["usage", "--json"])
        #expect(all["requests"] as? Int == 4)
        #expect(all["errors"] as? Int == 1)
        #expect(all["input_tokens"] as? Int == 1200)
        #expect(all["cost_usd"] as? Double == 0.25)
        let recent = try sandbox.json(["usage", "--since", "7d", "--json"])
        #expect(recent["requests"] as? Int == 3)
        let endpoints = try #require(recent["per_endpoint"] as? [[String: Any]]).compactMap { $0["endpoint"] as? String }
        #expect(Set(endpoints) == ["/api/plan", "/v1/messages"])
        let text = try sandbox.run(["usage", "--since", "7d"])
        #expect(text.stdout.contains("requests  3 (1 error, 33.3% error rate)"))
        #expect(text.stdout.contains("claude-haiku"))
        let bad = try sandbox.run(["usage", "--since", "last tuesday"])
        #expect(bad.status == 2)
    }

    @Test("a damaged database file gives a clear message, exit 2, and the file is kept aside")
    func damagedDatabase() throws {
        let sandbox = try Sandbox()
        // An SQLite header over garbage: a damaged database, not some other file.
        let garbage = Data("SQLite format 3\u{0}".utf8) + Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: sandbox.database))
        let result = try sandbox.run(["keys", "list"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("database file is damaged; a copy was kept at"), "\(result.stderr)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: sandbox.home).filter { $0.contains("damaged") }
        #expect(kept.count == 1)
        #expect(FileManager.default.contents(atPath: sandbox.home + "/" + (kept.first ?? "")) == garbage)
    }

    @Test("--db naming a file that is not a database is an I/O error (exit 2), the file untouched")
    func notADatabase() throws {
        let sandbox = try Sandbox()
        let notes = try sandbox.write("notes.txt", "shopping list\n")
        let result = try sandbox.run(["keys", "list", "--db", notes])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a Plansmith database"), "\(result.stderr)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "shopping list\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.home) == ["notes.txt"])
    }

    @Test("--db naming a missing directory is an I/O error (exit 2), nothing is created")
    func missingDirectory() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.run(["keys", "list", "--db", sandbox.home + "/no/such/dir/x.sqlite"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.home + "/no"))
    }

    @Test("--db postgres://… that cannot be reached is an I/O error (exit 2) naming the URL without its password")
    func unreachablePostgres() throws {
        let sandbox = try Sandbox()
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        let result = try sandbox.run(["keys", "list", "--db", "postgres://me:secret@127.0.0.1:1/plansmith"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot open database postgres://me@127.0.0.1:1/plansmith"), "\(result.stderr)")
        #expect(!result.stderr.contains("secret"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.home).isEmpty)
    }
}

/// A temporary HOME (with XDG dirs) and database path, removed afterwards.
final class Sandbox {
    let home: String
    var database: String { home + "/plansmith.sqlite" }

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    /// Runs plansmith with HOME and XDG pointing into the sandbox and `PLANSMITH_DB` naming
    /// the sandbox database (an empty override falls back to the XDG default).
    func run(_ arguments: [String], environment overrides: [String: String] = [:]) throws -> CommandResult {
        var environment = ["HOME": home, "XDG_DATA_HOME": home + "/xdg-data", "XDG_CONFIG_HOME": home + "/xdg-config",
                           "USER": "tester", "PLANSMITH_USER": "", "PLANSMITH_DB": database,
                           "PLANSMITH_PASSWORD": "", "PLANSMITH_API_KEY": ""]
        environment.merge(overrides) { _, new in new }
        return try CommandRunner.run("plansmith", arguments, environment: environment)
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments)
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        else { throw SandboxError(message: "plansmith \(arguments.joined(separator: " ")) → \(result.status): \(result.stderr)") }
        return object
    }

    func write(_ name: String, _ contents: String) throws -> String {
        let path = home + "/" + name
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }
}

struct SandboxError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
