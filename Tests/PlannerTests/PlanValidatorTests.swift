import PDDL
import Planner
import Testing

@Suite("Plan validator")
struct PlanValidatorTests {
    static let domain = """
    (define (domain move)
      (:requirements :adl :typing :action-costs)
      (:types place thing - object robot - thing)
      (:predicates (at ?t - thing ?p - place) (link ?a ?b - place) (painted ?p - place) (clean ?p - place))
      (:functions (total-cost) - number (dist ?a ?b - place) - number)
      (:action go :parameters (?r - robot ?a ?b - place)
        :precondition (and (at ?r ?a) (link ?a ?b) (not (= ?a ?b)))
        :effect (and (not (at ?r ?a)) (at ?r ?b) (increase (total-cost) (dist ?a ?b))))
      (:action paint-all :parameters (?r - robot)
        :precondition (forall (?p - place) (imply (painted ?p) (clean ?p)))
        :effect (and (forall (?p - place) (when (at ?r ?p) (painted ?p))) (increase (total-cost) 1))))
    """
    static let problem = """
    (define (problem p) (:domain move)
      (:objects r1 - robot a b c - place box - thing)
      (:init (at r1 a) (link a b) (link b c) (= (dist a b) 2) (= (dist b c) 3) (= (total-cost) 0))
      (:goal (and (at r1 c) (painted c)))
      (:metric minimize (total-cost)))
    """

    func validate(_ text: String) throws -> PlanValidationReport {
        let (domain, problem) = try TestTasks.parse(domain: Self.domain, problem: Self.problem)
        return try PlanValidator(domain: domain, problem: problem).validate(PlanText.parse(text).map(\.step))
    }

    @Test("accepts a valid plan and sums action costs from static functions")
    func acceptsValidPlan() throws {
        let report = try validate("(go r1 a b)\n(GO R1 B C) ; comment\n(paint-all r1)\n; cost = 6")
        #expect(report.isValid)
        #expect(report.cost == 6)
        #expect(report.failure == nil)
    }

    @Test("reads time prefixes, durations and comments")
    func readsIPCVariants() throws {
        let steps = try PlanText.parse("; header\n0.000: (go r1 a b) [1.0]\n\n1: (go r1 b c)\n")
        #expect(steps.map(\.step.description) == ["(go r1 a b)", "(go r1 b c)"])
        #expect(steps.map(\.line) == [2, 4])
        #expect(throws: PlanSyntaxError.self) { try PlanText.parse("go r1 a b") }
    }

    @Test("reports the first failing step with every unsatisfied precondition and repair advice")
    func reportsFirstFailure() throws {
        let report = try validate("(go r1 a b)\n(go r1 a c)\n(paint-all r1)")
        #expect(!report.isValid)
        let failure = try #require(report.failure)
        #expect(failure.step == 2)
        #expect(failure.kind == .unsatisfiedPrecondition)
        #expect(failure.unsatisfied == ["(at r1 a)", "(link a c)"])
        let advice = try #require(report.advice.first { $0.literal == "(at r1 a)" })
        #expect(advice.achievers == ["(go r1 ?a a)"])
        #expect(report.cost == 2)
    }

    @Test("reports unmet goals after a plan that executes")
    func reportsUnmetGoals() throws {
        let report = try validate("(go r1 a b)\n(go r1 b c)")
        #expect(!report.isValid)
        #expect(report.failure == nil)
        #expect(report.unmetGoals == ["(painted c)"])
        #expect(report.advice.first?.achievers == ["(paint-all ?r)"])
    }

    @Test("rejects unknown actions and objects, wrong arity and wrong types", arguments: [
        ("(fly r1 a b)", StepFailure.Kind.unknownAction), ("(go r1 a)", .wrongArity),
        ("(go r1 a zz)", .unknownObject), ("(go box a b)", .wrongType),
    ])
    func rejectsMalformedSteps(_ plan: String, _ kind: StepFailure.Kind) throws {
        let report = try validate(plan)
        #expect(!report.isValid)
        #expect(report.failure?.kind == kind)
        #expect(report.failure?.step == 1)
    }

    @Test("evaluates equality and quantified preconditions with conditional effects")
    func adlSemantics() throws {
        // (paint-all) paints only where the robot is: b is painted, so a later paint needs (clean b).
        let report = try validate("(go r1 a b)\n(paint-all r1)\n(paint-all r1)")
        #expect(report.failure?.step == 3)
        #expect(report.failure?.unsatisfied == ["(or (not (painted b)) (clean b))"])
    }

    @Test("the planner solves the ADL task and the validator accepts its plan")
    func planThenValidate() throws {
        let (domain, problem) = try TestTasks.parse(domain: Self.domain, problem: Self.problem)
        let plan = try #require(try PlanSearch.plan(domain: domain, problem: problem, configuration: .optimal).plan)
        #expect(plan.cost == 6)
        #expect(try PlanValidator(domain: domain, problem: problem).validate(plan.steps).isValid)
    }
}
