import Foundation
import PDDL
import Planner
import PlansmithTestSupport
import Testing

/// Agreement with unified-planning's SequentialPlanValidator (skip_checks = True) on every plan
/// the planner finds and on mutated plans. UP starts slowly, so all plans go to one Python run.
@Suite("Validator agrees with unified-planning")
struct ReferenceValidatorAgreementTests {
    /// UP's reader rejects these two corpus domains' harmless quirks (see the corpus README).
    static let unreadableByUP: Set<String> = ["logistics", "zenotravel"]

    static var venv: String {
        ProcessInfo.processInfo.environment["PLANSMITH_PEERS_VENV"] ?? PackageRoot.path + "/.peers-venv"
    }

    @Test("verdicts match on every planner plan and on at least 500 mutated plans")
    func verdictsMatch() throws {
        let python = Self.venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            let message = "peer venv not found at \(Self.venv) (run shared/tools/peers.sh or set PLANSMITH_PEERS_VENV)"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: message)) }
            else { print("skipped: \(message)") }
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-up-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var rng = SeededGenerator(state: 20261125)
        var manifest: [[String: String]] = []
        var ours: [(label: String, valid: Bool)] = []
        var mutatedCount = 0
        // p01–p04 of each domain keep the run short; the benchmark validates the hard instances' plans.
        let problems = Corpus.allProblems.filter { corpus in
            !Self.unreadableByUP.contains(corpus.domainName) && ["p01", "p02", "p03", "p04"].contains { corpus.problemPath.hasSuffix("\($0).pddl") }
        }
        for corpus in problems {
            let (domain, problem) = try TestTasks.load(corpus)
            let task = try Grounder.ground(domain: domain, problem: problem)
            var configuration = SearchConfiguration.default
            configuration.limits.timeLimit = .seconds(1)
            guard let plan = PlanSearch.solve(task, configuration: configuration).plan else { continue }
            let validator = try PlanValidator(domain: domain, problem: problem)
            var variants: [(String, [PlanStep])] = [("plan", plan.steps)]
            for m in 0..<14 { variants.append(("mutation\(m)", Self.mutate(plan.steps, objects: task.objectNames, using: &rng))) }
            for (index, (kind, steps)) in variants.enumerated() {
                let file = directory.appendingPathComponent("\(corpus.domainName)-\(manifest.count)-\(index).plan")
                try steps.map(\.description).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
                manifest.append(["domain": corpus.domainPath, "problem": corpus.problemPath, "plan": file.path])
                ours.append(("\(corpus) \(kind)", validator.validate(steps).isValid))
                if kind != "plan" { mutatedCount += 1 }
            }
        }
        #expect(mutatedCount >= 500)
        let manifestURL = directory.appendingPathComponent("manifest.json")
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
        let verdicts = try Self.runReference(python: python, manifest: manifestURL.path)
        try #require(verdicts.count == ours.count, "reference printed \(verdicts.count) verdicts for \(ours.count) plans")
        var disagreements: [String] = []
        for (verdict, mine) in zip(verdicts, ours) {
            #expect(!verdict.hasPrefix("ERROR"), "reference failed on \(mine.label): \(verdict)")
            if verdict.hasPrefix("VALID") != mine.valid { disagreements.append("\(mine.label): ours \(mine.valid), UP \(verdict)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(20).joined(separator: "\n"))")
        let planCount = ours.filter { $0.label.hasSuffix(" plan") }.count
        let plansAllValid = ours.filter { $0.label.hasSuffix(" plan") }.allSatisfy { $0.valid }
        #expect(plansAllValid)
        print("agreement: \(planCount) planner plans + \(mutatedCount) mutated plans checked against unified-planning")
    }

    /// Deletes, swaps, duplicates a step, or changes one argument (sometimes to an object of another type).
    static func mutate(_ steps: [PlanStep], objects: [String], using rng: inout SeededGenerator) -> [PlanStep] {
        var steps = steps
        guard !steps.isEmpty else { return steps }
        let i = Int.random(in: 0..<steps.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: steps.remove(at: i)
        case 1:
            let j = Int.random(in: 0..<steps.count, using: &rng)
            steps.swapAt(i, j)
        case 2: steps.insert(steps[i], at: i)
        default:
            if steps[i].arguments.isEmpty || objects.isEmpty { steps.remove(at: i); break }
            let k = Int.random(in: 0..<steps[i].arguments.count, using: &rng)
            steps[i].arguments[k] = objects[Int.random(in: 0..<objects.count, using: &rng)]
        }
        return steps
    }

    static func runReference(python: String, manifest: String) throws -> [String] {
        let script = PackageRoot.path + "/Tests/PlannerTests/Support/up_validate_batch.py"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, manifest]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
