import PDDL
import Planner
import Testing

@Suite("Grounding")
struct GroundingTests {
    func ground(_ domain: String, _ problem: String) throws -> GroundedTask {
        let (d, p) = try TestTasks.parse(domain: domain, problem: problem)
        return try Grounder.ground(domain: d, problem: p)
    }

    @Test("only relaxed-reachable operators are grounded and static facts are pruned")
    func reachableOnly() throws {
        let task = try ground("""
            (define (domain g) (:requirements :typing) (:types loc)
              (:predicates (at ?l - loc) (road ?a ?b - loc))
              (:action go :parameters (?a ?b - loc) :precondition (and (at ?a) (road ?a ?b)) :effect (and (at ?b) (not (at ?a)))))
            """, """
            (define (problem p) (:domain g) (:objects a b c d - loc)
              (:init (at a) (road a b) (road b c) (road d a)) (:goal (at c)))
            """)
        #expect(Set(task.operators.map(\.name)) == ["(go a b)", "(go b c)"])
        #expect(Set(task.factNames) == ["(at a)", "(at b)", "(at c)"])
        #expect(!task.factNames.contains { $0.hasPrefix("(road") })
    }

    @Test("type hierarchy, either-types and constants decide which objects fill parameters")
    func typesAndConstants() throws {
        let task = try ground("""
            (define (domain t) (:requirements :typing)
              (:types vehicle - object truck car - vehicle boat)
              (:constants depot - object)
              (:predicates (ready ?v - object) (home ?x - object))
              (:action prep :parameters (?v - vehicle) :precondition () :effect (ready ?v))
              (:action float :parameters (?b - (either boat car)) :precondition () :effect (home ?b))
              (:action close :parameters () :precondition () :effect (home depot)))
            """, """
            (define (problem p) (:domain t) (:objects t1 - truck c1 - car b1 - boat) (:init) (:goal (ready t1)))
            """)
        #expect(Set(task.operators.map(\.name)) == ["(prep t1)", "(prep c1)", "(float b1)", "(float c1)", "(close)"])
    }

    @Test("untyped domains use type predicates, which become static and disappear")
    func untypedTypePredicates() throws {
        let task = try ground("""
            (define (domain u) (:predicates (ball ?b) (room ?r) (at ?b ?r))
              (:action put :parameters (?b ?r) :precondition (and (ball ?b) (room ?r)) :effect (at ?b ?r)))
            """, """
            (define (problem p) (:domain u) (:objects b1 r1 r2) (:init (ball b1) (room r1) (room r2)) (:goal (at b1 r2)))
            """)
        #expect(Set(task.operators.map(\.name)) == ["(put b1 r1)", "(put b1 r2)"])
        #expect(task.operators.allSatisfy { $0.preconditions.isEmpty })
    }

    @Test("disjunctions split into operators; negation, equality and quantifiers are compiled away")
    func adlNormalisation() throws {
        let task = try ground("""
            (define (domain a) (:requirements :adl)
              (:predicates (p ?x) (q ?x) (done ?x) (lit ?x))
              (:action act :parameters (?x ?y)
                :precondition (and (not (= ?x ?y)) (or (p ?x) (q ?x)) (forall (?z) (imply (lit ?z) (p ?z))) (not (done ?x)))
                :effect (and (done ?x) (forall (?z) (when (q ?z) (not (q ?z)))))))
            """, """
            (define (problem pr) (:domain a) (:objects a b) (:init (p a) (q b) (lit a)) (:goal (and (done a) (done b))))
            """)
        // (act a b): (p a) holds, (q a) is never true -> one operator. (act b a): (p b) never true -> (q b) branch.
        let names = task.operators.map(\.name).sorted()
        #expect(names == ["(act a b)", "(act b a)"])
        let actBA = try #require(task.operators.first { $0.name == "(act b a)" })
        #expect(actBA.preconditions.map { task.factNames[Int($0)] } == ["(q b)"])
        #expect(Set(actBA.negativePreconditions.map { task.factNames[Int($0)] }) == ["(done b)"])
        // The conditional delete of (q ?z) applies to (q b); (q b) is a precondition, so it becomes unconditional.
        #expect(actBA.deletes.map { task.factNames[Int($0)] } == ["(q b)"])
    }

    @Test("action costs come from increase effects with numbers or static functions")
    func actionCosts() throws {
        let task = try ground("""
            (define (domain c) (:requirements :action-costs) (:predicates (at ?x) (link ?x ?y))
              (:functions (total-cost) (len ?x ?y))
              (:action go :parameters (?x ?y) :precondition (and (at ?x) (link ?x ?y))
                :effect (and (at ?y) (not (at ?x)) (increase (total-cost) (len ?x ?y))))
              (:action wait :parameters () :precondition () :effect (and (at a) (increase (total-cost) 3))))
            """, """
            (define (problem p) (:domain c) (:objects a b) (:init (at a) (link a b) (= (len a b) 7) (= (total-cost) 0))
              (:goal (at b)) (:metric minimize (total-cost)))
            """)
        #expect(task.usesActionCosts)
        #expect(task.operators.first { $0.name == "(go a b)" }?.cost == 7)
        #expect(task.operators.first { $0.name == "(wait)" }?.cost == 3)
    }

    @Test("a disjunctive goal gets an artificial goal operator that never appears in plans")
    func disjunctiveGoal() throws {
        let (d, p) = try TestTasks.parse(domain: """
            (define (domain dg) (:requirements :adl) (:predicates (x) (y))
              (:action mx :parameters () :precondition () :effect (x))
              (:action my :parameters () :precondition () :effect (y)))
            """, problem: "(define (problem p) (:domain dg) (:init) (:goal (or (x) (y))))")
        let task = try Grounder.ground(domain: d, problem: p)
        #expect(task.operators.contains { $0.isArtificial })
        let plan = try #require(PlanSearch.solve(task).plan)
        #expect(plan.steps.count == 1)
        #expect(try PlanValidator(domain: d, problem: p).validate(plan.steps).isValid)
    }

    @Test("unsupported requirements are rejected with a clear error")
    func unsupportedRequirement() throws {
        let (d, p) = try TestTasks.parse(domain: "(define (domain n) (:requirements :durative-actions) (:predicates (x)))",
                                         problem: "(define (problem p) (:domain n) (:init) (:goal (x)))")
        #expect(throws: PlanningError.self) { try Grounder.ground(domain: d, problem: p) }
    }
}
