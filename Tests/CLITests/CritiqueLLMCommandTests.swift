import FakeLLMServer
import Foundation
import PlansmithTestSupport
import Testing

/// `plansmith critique --llm` with LLM critics, against the fake provider over loopback.
@Suite("plansmith critique --llm critics", .serialized)
struct CritiqueLLMCommandTests {
    let corpus = Corpus.directory

    func database() throws -> String {
        let folder = NSTemporaryDirectory() + "critique-llm-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/plansmith.sqlite"
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
    }

    /// Invalid plans from the proposer and the reviser, an item whose edit breaks the plan from each
    /// LLM critic, and ballots approving everything.
    func hostileServer() throws -> FakeLLMServer {
        let server = FakeLLMServer()
        try server.start()
        var votes: [String] = []
        for i in 1...3 {
            for c in ["completeness", "efficiency", "safety", "llm-completeness", "llm-efficiency", "llm-safety"] {
                for n in 1...8 { votes.append(#"{"id":"\#(i).\#(c).\#(n)","vote":1.0}"#) }
            }
        }
        server.route("Solve this PDDL planning problem", .reply("(stack b1 b2)\n(pick-up b3)"))
        server.route("critic_items", .structured(
            #"{"items":[{"severity":"critical","message":"drop the first two steps","steps":[1,2],"edit":{"kind":"delete-steps","steps":[1,2]}}]}"#))
        server.route("critic_votes", .structured(#"{"votes":["# + votes.joined(separator: ",") + "]}"))
        server.route("Write a revised plan", .reply("(pick-up b1)\n(pick-up b2)"))
        return server
    }

    var environment: (FakeLLMServer) -> [String: String] {
        { ["OPENAI_BASE_URL": $0.baseURL + "/v1", "OPENAI_API_KEY": "sk-test-critique-llm", "PLANSMITH_CONFIG": "/nonexistent/config.toml"] }
    }

    @Test("--json: LLM critics' items and votes appear like the sound ones, approvals of invalid edits are counted, the final plan is valid")
    func jsonShowsLLMVotes() throws {
        let server = try hostileServer()
        defer { server.stop() }
        let result = try CommandRunner.run("plansmith", ["critique", corpus + "/blocks/domain.pddl", corpus + "/blocks/p03.pddl", "--json",
                                                         "--llm", "openai", "--max-iterations", "2", "--db", try database()],
                                           environment: environment(server), timeout: 180)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try jsonLines(result.stdout)
        let items = lines.filter { $0["type"] as? String == "item" }
        let llmItems = items.filter { ($0["critic"] as? String)?.hasPrefix("llm-") == true }
        #expect(llmItems.count >= 3)
        for item in items {
            let votes = try #require(item["votes"] as? [String: Double])
            #expect(Set(votes.keys) == ["completeness", "efficiency", "safety", "llm-completeness", "llm-efficiency", "llm-safety"])
            #expect(votes["llm-safety"] == 1.0)
        }
        let round = try #require(lines.first { $0["type"] as? String == "round" })
        let agreed = try #require(round["agreed_with_invalid"] as? [String: Int])
        #expect((agreed["llm-completeness"] ?? 0) >= 3)
        let revision = try #require(round["revision"] as? [String: Any])
        #expect(revision["valid"] as? Bool == false)
        #expect((revision["feedback"] as? String)?.hasPrefix("step ") == true)
        #expect(lines.contains { $0["type"] as? String == "llm-usage" })
        let final = try #require(lines.last)
        #expect(final["type"] as? String == "final" && final["valid"] as? Bool == true)
        // The final plan passes the separate plan checker too.
        let file = NSTemporaryDirectory() + "critique-llm-\(UUID().uuidString).plan"
        try (final["plan"] as? [String] ?? []).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let check = try CommandRunner.run("plansmith", ["check-plan", corpus + "/blocks/domain.pddl", corpus + "/blocks/p03.pddl", file, "--json"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test("text mode shows the LLM critics' votes and the rejected revision")
    func textShowsLLMVotes() throws {
        let server = try hostileServer()
        defer { server.stop() }
        let result = try CommandRunner.run("plansmith", ["critique", corpus + "/blocks/domain.pddl", corpus + "/blocks/p03.pddl",
                                                         "--llm", "openai", "--max-iterations", "1", "--db", try database()],
                                           environment: environment(server), timeout: 180)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("llm-efficiency: drop the first two steps"))
        #expect(result.stdout.contains("llm-safety 1.0"))
        #expect(result.stdout.contains("revised plan from openai: rejected by the validator"))
        #expect(result.stdout.contains("final plan (valid, cost"))
    }
}
