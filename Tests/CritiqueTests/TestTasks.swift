import Critique
import PDDL
import Planner
import PlansmithTestSupport

/// Small tasks written for one behaviour each, and a loader for corpus problems.
enum TestTasks {
    static func load(domain: String, problem: String) throws -> CritiqueTask {
        let report = ValidationReport.validate(domain: SourceText(name: "domain.pddl", bytes: Array(domain.utf8)),
                                               problem: SourceText(name: "problem.pddl", bytes: Array(problem.utf8)))
        guard let d = report.domain, let p = report.problem, !report.hasErrors else {
            throw FixtureError(message: "fixture does not parse: \(report.diagnostics)")
        }
        return try CritiqueTask(domain: d, problem: p)
    }

    static func corpus(_ problem: Corpus.Problem) throws -> CritiqueTask {
        let report = ValidationReport.validate(domain: try Corpus.source(problem.domainPath), problem: try Corpus.source(problem.problemPath))
        guard let d = report.domain, let p = report.problem, !report.hasErrors else { throw FixtureError(message: "\(problem) does not parse") }
        return try CritiqueTask(domain: d, problem: p)
    }

    static func steps(_ lines: String...) -> [PlanStep] {
        lines.map { line in
            let words = line.dropFirst().dropLast().split(separator: " ").map(String.init)
            return PlanStep(action: words[0], arguments: Array(words.dropFirst()))
        }
    }

    /// Bridges collapse behind whoever crosses them: from d nothing leads to the goal c.
    static func bridges() throws -> CritiqueTask {
        try load(domain: """
            (define (domain bridges) (:requirements :strips)
              (:predicates (at ?x) (intact ?x ?y) (visited ?x))
              (:action cross :parameters (?x ?y)
                :precondition (and (at ?x) (intact ?x ?y))
                :effect (and (at ?y) (not (at ?x)) (not (intact ?x ?y)) (visited ?y)))
              (:action wave :parameters (?x) :precondition (at ?x) :effect (visited ?x)))
            """, problem: """
            (define (problem p) (:domain bridges)
              (:objects a b c d)
              (:init (at a) (intact a b) (intact b c) (intact a d) (intact b a))
              (:goal (at c)))
            """)
    }

    /// One-way roads a→b→c→d→e with a shortcut b→d: the long way round is a detour that no single
    /// deletion removes (every step is needed by the next).
    static func roads() throws -> CritiqueTask {
        try load(domain: """
            (define (domain roads) (:requirements :strips)
              (:predicates (at ?x) (road ?x ?y))
              (:action move :parameters (?x ?y)
                :precondition (and (at ?x) (road ?x ?y))
                :effect (and (at ?y) (not (at ?x)))))
            """, problem: """
            (define (problem p) (:domain roads)
              (:objects a b c d e)
              (:init (at a) (road a b) (road b c) (road c d) (road d e) (road b d))
              (:goal (at e)))
            """)
    }

    /// Errands: selling the car is irreversible (nothing gives it back) and nothing else needs it
    /// first or later, so it can wait until the end.
    static func errands() throws -> CritiqueTask {
        try load(domain: """
            (define (domain errands) (:requirements :strips)
              (:predicates (has-car) (sold) (milk) (bread))
              (:action sell-car :parameters () :precondition (has-car) :effect (and (sold) (not (has-car))))
              (:action buy-milk :parameters () :effect (milk))
              (:action buy-bread :parameters () :effect (bread)))
            """, problem: """
            (define (problem p) (:domain errands)
              (:init (has-car))
              (:goal (and (sold) (milk) (bread))))
            """)
    }

    /// Blocks world with three blocks; the goal is a on b on c.
    static func blocks() throws -> CritiqueTask {
        try load(domain: """
            (define (domain blocks) (:requirements :strips)
              (:predicates (on ?x ?y) (ontable ?x) (clear ?x) (handempty) (holding ?x))
              (:action pick-up :parameters (?x)
                :precondition (and (clear ?x) (ontable ?x) (handempty))
                :effect (and (not (ontable ?x)) (not (clear ?x)) (not (handempty)) (holding ?x)))
              (:action put-down :parameters (?x)
                :precondition (holding ?x)
                :effect (and (not (holding ?x)) (clear ?x) (handempty) (ontable ?x)))
              (:action stack :parameters (?x ?y)
                :precondition (and (holding ?x) (clear ?y))
                :effect (and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty) (on ?x ?y)))
              (:action unstack :parameters (?x ?y)
                :precondition (and (on ?x ?y) (clear ?x) (handempty))
                :effect (and (holding ?x) (clear ?y) (not (clear ?x)) (not (handempty)) (not (on ?x ?y)))))
            """, problem: """
            (define (problem three) (:domain blocks)
              (:objects a b c)
              (:init (clear a) (clear b) (clear c) (ontable a) (ontable b) (ontable c) (handempty))
              (:goal (and (on a b) (on b c))))
            """)
    }

    /// The shortest blocks plan.
    static var blocksPlan: [PlanStep] {
        steps("(pick-up b)", "(stack b c)", "(pick-up a)", "(stack a b)")
    }

    /// Valid but wasteful: a useless pick-up/put-down of a, and the goal (on b c) undone and redone.
    static var wastefulBlocksPlan: [PlanStep] {
        steps("(pick-up a)", "(put-down a)", "(pick-up b)", "(stack b c)", "(unstack b c)", "(stack b c)",
              "(pick-up a)", "(stack a b)")
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
