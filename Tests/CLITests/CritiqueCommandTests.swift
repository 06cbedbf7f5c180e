import FakeLLMServer
import Foundation
import PlansmithTestSupport
import Testing

/// The command-line contract of `plansmith critique` (architecture.md): real binary, real SQLite file.
@Suite("plansmith critique", .serialized)
struct CritiqueCommandTests {
    let corpus = Corpus.directory

    /// A fresh database folder per test; `--db` must name a file in an existing directory.
    func database() throws -> String {
        let folder = NSTemporaryDirectory() + "critique-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/plansmith.sqlite"
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
    }

    @Test("--json prints one schema-1 object per line: items with votes, score and acceptance, then the final line")
    func jsonLinesFollowTheSchema() throws {
        let db = try database()
        let result = try CommandRunner.run("plansmith", ["critique", corpus + "/blocks/domain.pddl", corpus + "/blocks/p03.pddl",
                                                         "--json", "--db", db, "--max-iterations", "3"], timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try jsonLines(result.stdout)
        #expect(lines.allSatisfy { $0["schema"] as? Int == 1 && $0["type"] is String })
        let items = lines.filter { $0["type"] as? String == "item" }
        #expect(!items.isEmpty)
        for item in items {
            let votes = try #require(item["votes"] as? [String: Double])
            #expect(Set(votes.keys) == ["completeness", "efficiency", "safety"])
            let score = try #require(item["score"] as? Double)
            let expected = 0.4 * votes["completeness"]! + 0.3 * votes["efficiency"]! + 0.3 * votes["safety"]!
            #expect(abs(score - expected) < 1e-9)
            #expect(item["accepted"] as? Bool == (score >= 0.5))
            #expect(["critical", "major", "minor"].contains(item["severity"] as? String ?? ""))
            #expect(["completeness", "efficiency", "safety"].contains(item["critic"] as? String ?? ""))
            #expect(item["iteration"] is Int && item["id"] is String && item["message"] is String)
        }
        let final = try #require(lines.last)
        #expect(final["type"] as? String == "final")
        #expect(final["valid"] as? Bool == true)
        #expect(final["session_id"] is Int)
        let cost = try #require(final["cost"] as? Int), initial = try #require(final["initial_cost"] as? Int)
        #expect(cost <= initial)
        let plan = try #require(final["plan"] as? [String])
        #expect(plan.count == cost)  // blocks has unit costs
        #expect((final["iterations"] as? Int ?? 0) <= 3)
        #expect(["no-critical-feedback", "max-iterations", "no-improvement"].contains(final["reason"] as? String ?? ""))
    }

    @Test("the final plan printed by --json is accepted by check-plan")
    func finalPlanChecksOut() throws {
        let db = try database()
        let domain = corpus + "/gripper/domain.pddl", problem = corpus + "/gripper/p02.pddl"
        let result = try CommandRunner.run("plansmith", ["critique", domain, problem, "--json", "--db", db], timeout: 120)
        let final = try #require(try jsonLines(result.stdout).last)
        let plan = try #require(final["plan"] as? [String])
        let file = NSTemporaryDirectory() + "critique-\(UUID().uuidString).plan"
        try plan.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let check = try CommandRunner.run("plansmith", ["check-plan", domain, problem, file, "--json"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test("text mode streams rounds and ends with the final validated plan and a summary")
    func textOutput() throws {
        let db = try database()
        let result = try CommandRunner.run("plansmith", ["critique", corpus + "/blocks/domain.pddl", corpus + "/blocks/p03.pddl",
                                                         "--db", db, "--max-iterations", "2"], timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("initial plan from the classical planner"))
        #expect(result.stdout.contains("\nround 1\n"))
        #expect(result.stdout.contains("votes completeness"))
        #expect(result.stdout.contains("final plan (valid, cost"))
    }

    @Test("each round is saved: a second run gets a new session id in the same database")
    func sessionsArePersisted() throws {
        let db = try database()
        let args = ["critique", corpus + "/blocks/domain.pddl", corpus + "/blocks/p01.pddl", "--json", "--db", db]
        let first = try #require(try jsonLines(try CommandRunner.run("plansmith", args).stdout).last?["session_id"] as? Int)
        let second = try #require(try jsonLines(try CommandRunner.run("plansmith", args).stdout).last?["session_id"] as? Int)
        #expect(second == first + 1)
    }

    func llmEnvironment(_ server: FakeLLMServer) -> [String: String] {
        ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-test-critique-9z9z", "PLANSMITH_CONFIG": "/nonexistent/config.toml"]
    }

    @Test("--llm: a model's invalid plans are rejected with the validator's first failing step, and the planner takes over")
    func llmInvalidPlansFallBackToPlanner() throws {
        let invalid = FakeStep(text: "Here is my plan:\n(stack b1 b2)\n(pick-up b3)")
        let server = FakeLLMServer(script: FakeScript(steps: [invalid, invalid, invalid]))
        _ = try server.start()
        defer { server.stop() }
        let result = try CommandRunner.run("plansmith", ["critique", corpus + "/blocks/domain.pddl", corpus + "/blocks/p01.pddl",
                                                         "--json", "--llm", "openai", "--db", try database()],
                                           environment: llmEnvironment(server), timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try jsonLines(result.stdout)
        #expect(lines.filter { $0["type"] as? String == "proposal-rejected" }.count == 3)
        let session = try #require(lines.first { $0["type"] as? String == "session" })
        #expect((session["source"] as? String)?.contains("gave no valid plan in 3 round(s)") == true, "\(session)")
        #expect(lines.last?["valid"] as? Bool == true)
        // The first three requests are the proposals; LLM critics and the reviser come after.
        let proposals = server.requests.filter { $0.bodyText.contains("Solve this PDDL planning problem") }
        #expect(proposals.count == 3)
        #expect(proposals.last?.bodyText.contains("The validator rejected it") == true)
    }

    @Test("--llm: a valid plan from the model becomes the first plan, and the final plan is validated")
    func llmValidPlanIsUsed() throws {
        let plan = try CommandRunner.run("plansmith", ["plan", corpus + "/blocks/domain.pddl", corpus + "/blocks/p01.pddl"])
        #expect(plan.status == 0)
        let server = FakeLLMServer(script: FakeScript(steps: [FakeStep(text: "(unstack nothing)"), FakeStep(text: plan.stdout)]))
        _ = try server.start()
        defer { server.stop() }
        let result = try CommandRunner.run("plansmith", ["critique", corpus + "/blocks/domain.pddl", corpus + "/blocks/p01.pddl",
                                                         "--json", "--llm", "openai", "--db", try database()],
                                           environment: llmEnvironment(server), timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try jsonLines(result.stdout)
        let session = try #require(lines.first { $0["type"] as? String == "session" })
        #expect((session["source"] as? String)?.contains("valid after 2 round(s)") == true, "\(session)")
        #expect(lines.last?["valid"] as? Bool == true)
        #expect(!result.stdout.contains("sk-test-critique-9z9z"))
    }

    @Test("PDDL errors exit 1 with compiler-style diagnostics; a missing file exits 2")
    func badInput() throws {
        let missing = try CommandRunner.run("plansmith", ["critique", "/nonexistent/d.pddl", corpus + "/blocks/p01.pddl"])
        #expect(missing.status == 2)
        let file = NSTemporaryDirectory() + "bad-\(UUID().uuidString).pddl"
        try "(define (domain d) (:action a :parameters () :effect (p)))".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let bad = try CommandRunner.run("plansmith", ["critique", file, corpus + "/blocks/p01.pddl", "--db", try database()])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("error"))
    }

    @Test("no first plan within --timeout: the last line is the final event with reason no-plan, exit 4")
    func noPlanWithinTheLimit() throws {
        let arguments = ["critique", corpus + "/sokoban/domain.pddl", corpus + "/sokoban/p05.pddl", "--timeout", "0.01"]
        let json = try CommandRunner.run("plansmith", arguments + ["--json", "--db", try database()], timeout: 120)
        #expect(json.status == 4, "\(json.stderr)")
        let final = try #require(try jsonLines(json.stdout).last)
        #expect(final["type"] as? String == "final")
        #expect(final["valid"] as? Bool == false)
        #expect(final["reason"] as? String == "no-plan")
        #expect((final["failure"] as? String)?.contains("time limit") == true, "\(final)")
        #expect((final["plan"] as? [Any])?.isEmpty == true)
        let text = try CommandRunner.run("plansmith", arguments + ["--db", try database()], timeout: 120)
        #expect(text.status == 4, "\(text.stderr)")
        #expect(text.stdout.split(separator: "\n").last?.hasPrefix("no plan: no plan found within the time limit") == true
                && text.stdout.hasSuffix("(reason: no-plan)\n"),
                "\(text.stdout)")
    }
}
