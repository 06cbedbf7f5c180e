import Foundation
import PDDL
import Planner
import PlansmithTestSupport
import Testing

/// The time and memory limits cover grounding as well as search, and are checked by the clock
/// at a fine grain: a task whose grounding alone takes minutes still ends at the deadline.
@Suite("Planning budget: deadline and memory limit over grounding and search")
struct PlanningBudgetTests {
    /// A small file whose grounding is huge: `meet` has three parameters over all `n` people and
    /// reaches n³ instances (8 million for 200 people) although the problem text is a few KB.
    static func meetingTask(people n: Int) -> (domain: String, problem: String) {
        let domain = """
        (define (domain meetings) (:requirements :strips :typing) (:types person)
          (:predicates (free ?p - person) (met ?a ?b ?c - person) (done))
          (:action meet :parameters (?a ?b ?c - person) :precondition (and (free ?a) (free ?b) (free ?c))
            :effect (met ?a ?b ?c))
          (:action finish :parameters (?a ?b ?c - person) :precondition (and (met ?a ?b ?c) (free ?a)) :effect (done)))
        """
        let people = (1...n).map { "p\($0)" }
        let problem = """
        (define (problem meet-\(n)) (:domain meetings)
          (:objects \(people.joined(separator: " ")) - person)
          (:init \(people.map { "(free \($0))" }.joined(separator: " ")))
          (:goal (done)))
        """
        return (domain, problem)
    }

    static func write(_ task: (domain: String, problem: String)) throws -> (URL, URL, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-budget-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let domain = directory.appendingPathComponent("domain.pddl"), problem = directory.appendingPathComponent("problem.pddl")
        try task.domain.write(to: domain, atomically: true, encoding: .utf8)
        try task.problem.write(to: problem, atomically: true, encoding: .utf8)
        return (directory, domain, problem)
    }

    @Test("plan --timeout 2 ends within about 3 s with exit 4 while grounding a 200- or 400-object problem",
          arguments: [200, 400])
    func timeoutCoversGrounding(_ people: Int) throws {
        let (directory, domain, problem) = try Self.write(Self.meetingTask(people: people))
        defer { try? FileManager.default.removeItem(at: directory) }
        let started = Date()
        // The operator limit is raised so that only the deadline can stop grounding.
        let result = try CommandRunner.run("plansmith", ["plan", "--timeout", "2", "--operator-limit", "1000000000",
                                                         domain.path, problem.path], timeout: 60)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 4, "\(result.stderr)")
        #expect(elapsed < 3.5, "took \(elapsed) s")
        #expect(result.stderr.contains("time limit"))
        #expect(result.stderr.contains("grounding"))
    }

    @Test("PlanSearch.plan reports a grounding that outlasts the deadline as a time limit, not an error")
    func libraryDeadlineCoversGrounding() throws {
        let task = Self.meetingTask(people: 300)
        let (domain, problem) = try TestTasks.parse(domain: task.domain, problem: task.problem)
        let clock = ContinuousClock()
        let started = clock.now
        let configuration = SearchConfiguration(limits: SearchLimits(timeLimit: .milliseconds(500)))
        let outcome = try PlanSearch.plan(domain: domain, problem: problem, configuration: configuration,
                                          grounding: GroundingOptions(operatorLimit: 1_000_000_000))
        let elapsed = clock.now - started
        guard case .exhausted(let limit, let statistics) = outcome else {
            Issue.record("expected a time limit, got \(outcome)")
            return
        }
        #expect(limit == .time)
        #expect(statistics.stoppedWhileGrounding)
        #expect(elapsed < .milliseconds(1500), "took \(elapsed)")
    }

    @Test("grounding stops at the memory limit instead of growing without bound")
    func memoryLimitCoversGrounding() throws {
        let task = Self.meetingTask(people: 300)
        let (domain, problem) = try TestTasks.parse(domain: task.domain, problem: task.problem)
        let configuration = SearchConfiguration(limits: SearchLimits(timeLimit: .seconds(60), memoryLimitBytes: 32 << 20))
        let outcome = try PlanSearch.plan(domain: domain, problem: problem, configuration: configuration,
                                          grounding: GroundingOptions(operatorLimit: 1_000_000_000))
        guard case .exhausted(let limit, _) = outcome else {
            Issue.record("expected a memory limit, got \(outcome)")
            return
        }
        #expect(limit == .memory)
    }

    @Test("the search reads the clock inside slow expansions: wastar on childsnack stops within 0.5 s of its deadline")
    func searchDeadlineByClock() throws {
        let corpus = try #require(Corpus.allProblems.first { $0.domainName == "childsnack" && $0.problemPath.hasSuffix("p06.pddl") })
        let (domain, problem) = try TestTasks.load(corpus)
        let task = try Grounder.ground(domain: domain, problem: problem)
        let clock = ContinuousClock()
        let started = clock.now
        let configuration = SearchConfiguration(algorithm: .weightedAStar, heuristic: .ff,
                                                limits: SearchLimits(timeLimit: .seconds(1)))
        let outcome = PlanSearch.solve(task, configuration: configuration)
        let elapsed = clock.now - started
        if case .exhausted(let limit, _) = outcome { #expect(limit == .time) }
        #expect(elapsed < .milliseconds(1500), "took \(elapsed)")
    }

    @Test("the search stops at the memory limit with .memory")
    func searchMemoryLimit() throws {
        let corpus = try #require(Corpus.allProblems.first { $0.domainName == "childsnack" && $0.problemPath.hasSuffix("p06.pddl") })
        let (domain, problem) = try TestTasks.load(corpus)
        let task = try Grounder.ground(domain: domain, problem: problem)
        let configuration = SearchConfiguration(algorithm: .astar, heuristic: .blind,
                                                limits: SearchLimits(timeLimit: .seconds(30), memoryLimitBytes: 4 << 20))
        guard case .exhausted(let limit, let statistics) = PlanSearch.solve(task, configuration: configuration) else {
            Issue.record("expected the memory limit to end the search")
            return
        }
        #expect(limit == .memory)
        #expect(statistics.peakMemoryBytes > 4 << 20)
        #expect(statistics.peakMemoryBytes < 64 << 20)
    }
}
