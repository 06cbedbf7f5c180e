import PDDL
import Planner
import PlansmithTestSupport
import Testing

@Suite("Plan analysis")
struct PlanAnalysisTests {
    func gripper() throws -> (Domain, Problem, GroundedTask) {
        let corpus = try #require(Corpus.allProblems.first { $0.domainName == "gripper" && $0.problemPath.hasSuffix("p01.pddl") })
        let (domain, problem) = try TestTasks.load(corpus)
        return (domain, problem, try Grounder.ground(domain: domain, problem: problem))
    }

    @Test("greedy action elimination removes a detour and nothing else")
    func removesDetour() throws {
        let (domain, problem, task) = try gripper()
        let plan = try #require(PlanSearch.solve(task, configuration: .optimal).plan)
        var padded = plan.steps
        // A useless round trip at the start: pick a ball and put it back.
        padded.insert(contentsOf: [PlanStep(action: "pick", arguments: ["ball1", "rooma", "left"]),
                                   PlanStep(action: "drop", arguments: ["ball1", "rooma", "left"])], at: 0)
        let validator = try PlanValidator(domain: domain, problem: problem)
        #expect(validator.validate(padded).isValid)
        #expect(validator.greedyActionElimination(padded) == [0, 1])
        #expect(validator.greedyActionElimination(plan.steps).isEmpty)
    }

    @Test("lower bound, goal support and layers are consistent with an optimal plan")
    func analysesOptimalPlan() throws {
        let (domain, problem, task) = try gripper()
        let plan = try #require(PlanSearch.solve(task, configuration: .optimal).plan)
        let validator = try PlanValidator(domain: domain, problem: problem)
        let analysis = try #require(PlanAnalysis.analyse(plan.steps, task: task, validator: validator))
        let bound = try #require(analysis.costLowerBound)
        #expect(bound > 0 && bound <= plan.cost)
        #expect(analysis.stepsSupportingNoGoal.isEmpty)
        #expect(analysis.goalSupport.count == task.goalFacts.count)
        #expect(analysis.layers.count < plan.steps.count, "two grippers allow some parallel steps")
        #expect(analysis.layers.flatMap { $0 }.sorted() == Array(plan.steps.indices))
        #expect(analysis.deadEndsAfterStep.isEmpty)
        #expect(analysis.irreversibleSteps.isEmpty)
    }

    @Test("a step that destroys something nothing restores is irreversible and leads to a dead end")
    func findsDeadEnds() throws {
        let (domain, problem) = try TestTasks.parse(
            domain: "(define (domain d) (:predicates (fuel) (at-a) (at-b)) (:action go :parameters () :precondition (and (fuel) (at-a)) :effect (and (at-b) (not (at-a)) (not (fuel)))) (:action back :parameters () :precondition (and (fuel) (at-b)) :effect (and (at-a) (not (at-b)))))",
            problem: "(define (problem p) (:domain d) (:init (fuel) (at-a)) (:goal (and (at-b) (fuel))))")
        let task = try Grounder.ground(domain: domain, problem: problem)
        let validator = try PlanValidator(domain: domain, problem: problem)
        let analysis = try #require(PlanAnalysis.analyse([PlanStep(action: "go", arguments: [])], task: task, validator: validator))
        #expect(analysis.irreversibleSteps == [0])
        #expect(analysis.deadEndsAfterStep == [0])
    }
}
