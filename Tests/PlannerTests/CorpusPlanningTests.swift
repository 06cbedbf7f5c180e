import Foundation
import PDDL
import Planner
import PlansmithTestSupport
import Testing

@Suite("Planner on the corpus")
struct CorpusPlanningTests {
    @Test("every corpus problem grounds, and a plan found within the budget is valid", arguments: Corpus.allProblems)
    func groundsAndPlans(_ corpus: Corpus.Problem) throws {
        let (domain, problem) = try TestTasks.load(corpus)
        let task = try Grounder.ground(domain: domain, problem: problem)
        #expect(task.operatorCount > 0)
        #expect(!task.goalKnownUnreachable)
        var configuration = SearchConfiguration.default
        configuration.limits.timeLimit = TestTasks.searchBudget
        let outcome = PlanSearch.solve(task, configuration: configuration)
        switch outcome {
        case .solved(let plan, _):
            let report = try PlanValidator(domain: domain, problem: problem).validate(plan.steps)
            #expect(report.isValid, "plan for \(corpus) rejected: \(String(describing: report.failure)) \(report.unmetGoals)")
            #expect(report.cost == plan.cost)
        case .exhausted(let limit, _):
            // Recorded, not failed: the debug build is slow; the benchmark covers hard instances.
            print("note: \(corpus) not solved in the debug-build budget (\(limit))")
        case .provenUnsolvable:
            Issue.record("\(corpus) reported unsolvable, but every corpus problem is solvable")
        case .cancelled:
            Issue.record("unexpected cancellation")
        }
    }

    @Test("the default configuration solves the easy half of every domain")
    func solvesEasyProblems() throws {
        for corpus in Corpus.allProblems where corpus.problemPath.hasSuffix("p01.pddl") || corpus.problemPath.hasSuffix("p02.pddl") {
            let (domain, problem) = try TestTasks.load(corpus)
            var configuration = SearchConfiguration.default
            configuration.limits.timeLimit = .seconds(10)
            let outcome = try PlanSearch.plan(domain: domain, problem: problem, configuration: configuration)
            #expect(outcome.plan != nil, "\(corpus) not solved")
        }
    }
}
