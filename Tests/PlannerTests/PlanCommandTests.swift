import Foundation
import PlansmithTestSupport
import Testing

/// End-to-end checks of the `plan` and `check-plan` command-line contract (exit codes, IPC and JSON output).
@Suite("plansmith plan / check-plan")
struct PlanCommandTests {
    static func corpus(_ domain: String, _ problem: String) -> (String, String) {
        ("\(Corpus.directory)/\(domain)/domain.pddl", "\(Corpus.directory)/\(domain)/\(problem).pddl")
    }

    @Test("plan prints an IPC plan that check-plan accepts (exit 0)")
    func planThenCheck() throws {
        let (domain, problem) = Self.corpus("elevators", "p01")
        let planned = try CommandRunner.run("plansmith", ["plan", domain, problem])
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("; cost = "))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-\(UUID().uuidString).plan")
        try planned.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let checked = try CommandRunner.run("plansmith", ["check-plan", "--json", domain, problem, file.path])
        #expect(checked.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any]
        #expect(json?["valid"] as? Bool == true)
        #expect(json?["schema"] as? Int == 1)
        #expect(planned.stdout.contains("; cost = \(json?["cost"] as? Int ?? -1) "))
    }

    @Test("check-plan reports the failing step and exits 1")
    func invalidPlan() throws {
        let (domain, problem) = Self.corpus("gripper", "p01")
        let checked = try CommandRunner.run("plansmith", ["check-plan", "--json", domain, problem, "-"],
                                            stdin: Data("(move rooma roomb)\n(pick ball1 rooma left)\n".utf8))
        #expect(checked.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
        let failure = try #require(json["first_failure"] as? [String: Any])
        #expect(failure["step"] as? Int == 2)
        #expect(failure["unsatisfied"] as? [String] == ["(at-robby rooma)"])
    }

    @Test("plan exits 3 for a proven unsolvable task and 4 when the time limit is reached")
    func exitCodes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let domain = directory.appendingPathComponent("d.pddl"), problem = directory.appendingPathComponent("p.pddl")
        try SearchTests.unsolvable.domain.write(to: domain, atomically: true, encoding: .utf8)
        try SearchTests.unsolvable.problem.write(to: problem, atomically: true, encoding: .utf8)
        let unsolvable = try CommandRunner.run("plansmith", ["plan", "--json", domain.path, problem.path])
        #expect(unsolvable.status == 3)
        #expect(unsolvable.stdout.contains("\"status\":\"unsolvable\""))
        let (hardDomain, hardProblem) = Self.corpus("childsnack", "p06")
        let limited = try CommandRunner.run("plansmith", ["plan", "--timeout", "0.3", "--search", "astar", "--heuristic", "blind", hardDomain, hardProblem])
        #expect(limited.status == 4)
    }
}
