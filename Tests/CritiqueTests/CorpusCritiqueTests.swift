import Critique
import Foundation
import Planner
import PlansmithTestSupport
import Testing

/// The loop over the corpus (the first problem of every domain; `plansmith bench-critique` covers all).
@Suite("Critique over the corpus")
struct CorpusCritiqueTests {
    static let problems = Corpus.allProblems.filter { ["p01.pddl"].contains(($0.problemPath as NSString).lastPathComponent) }

    @Test("the corpus is there to critique")
    func corpusPresent() { #expect(Self.problems.count >= 15) }

    @Test("final plan is valid, cost never increases, rounds terminate", arguments: problems)
    func critiqueCorpusProblem(_ problem: Corpus.Problem) async throws {
        let task = try TestTasks.corpus(problem)
        var planning = CritiqueOrchestrator.fastPlanning
        planning.limits.timeLimit = .seconds(5)
        let configuration = CritiqueConfiguration(maxIterations: 3)
        let result = await CritiqueOrchestrator(task: task, configuration: configuration, planning: planning).run()
        guard let plan = result.plan else {
            // Not solved within the budget: nothing to critique, and nothing invalid was returned.
            #expect(result.reason == .failed)
            return
        }
        #expect(task.validator.validate(plan.steps).isValid)
        let costs = result.rounds.map(\.cost)
        #expect(zip(costs, costs.dropFirst()).allSatisfy { $0 >= $1 }, "costs \(costs)")
        #expect(result.iterations <= configuration.maxIterations)
        #expect(result.rounds.allSatisfy { $0.validation.valid })
    }
}
