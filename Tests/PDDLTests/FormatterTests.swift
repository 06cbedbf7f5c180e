import PDDL
import Testing

@Suite("Formatter layout")
struct FormatterTests {
    func format(_ text: String, width: Int = 80) throws -> String {
        try PDDLFormatter(width: width).format(text).get()
    }

    @Test("puts each action part on its own line and keeps short lists flat")
    func canonicalAction() throws {
        let input = "(define (domain d)(:predicates (p ?x)(q))(:action a :parameters (?x) :precondition (p ?x) :effect (and (q) (not (p ?x)))))"
        #expect(try format(input) == """
        (define (domain d)
          (:predicates
            (p ?x)
            (q))

          (:action a
            :parameters (?x)
            :precondition (p ?x)
            :effect (and (q) (not (p ?x))))
        )

        """)
    }

    @Test("breaks a long conjunction one conjunct per line")
    func longConjunction() throws {
        let input = "(define (problem p) (:domain d) (:objects a b c) (:init (p a)) (:goal (and (on a b) (on b c) (clear a) (ontable c) (handempty))))"
        #expect(try format(input, width: 40) == """
        (define (problem p)
          (:domain d)
          (:objects a b c)
          (:init
            (p a))
          (:goal (and
            (on a b)
            (on b c)
            (clear a)
            (ontable c)
            (handempty)))
        )

        """)
    }

    @Test("fills typed lists and breaks after each type")
    func typedListFill() throws {
        let input = "(define (problem p) (:domain d) (:objects truck1 truck2 - truck city1 city2 city3 - city) (:init) (:goal (and)))"
        let output = try format(input, width: 30)
        #expect(output.contains("""
          (:objects
            truck1 truck2 - truck
            city1 city2 city3 - city)
        """))
    }

    @Test("keeps comments on their own lines and after code")
    func keepsComments() throws {
        let input = """
        ; header comment
        (define (domain d) ; trailing
          ;; about predicates
          (:predicates (p)) (:action a :effect (p) ; sets p
          ))
        """
        let output = try format(input)
        #expect(output.contains("; header comment\n(define (domain d) ; trailing\n"))
        #expect(output.contains("  ;; about predicates\n"))
        #expect(output.contains(":effect (p) ; sets p\n"))
        #expect(try format(output) == output)
    }

    @Test("separates '(aircraft?a)' into two tokens as planners read it")
    func splitsGluedVariable() throws {
        let output = try format("(define (domain d) (:predicates (aircraft ?a)) (:action a :parameters (?a) :precondition (aircraft?a) :effect (and)))")
        #expect(output.contains(":precondition (aircraft ?a)"))
    }

    @Test("refuses to format a file with syntax errors")
    func refusesBrokenInput() {
        let result = PDDLFormatter().format("(define (domain d) (:action a :effect (p)")
        guard case .failure(.syntaxErrors(let errors)) = result else {
            Issue.record("expected syntax errors")
            return
        }
        #expect(errors.contains { $0.code == .unclosedParen })
    }

    @Test("keeps one empty line where the user had several")
    func collapsesBlankLines() throws {
        let output = try format("(define (domain d)\n(:requirements :strips)\n\n\n\n(:predicates (p)))")
        #expect(output.contains("(:requirements :strips)\n\n  (:predicates"))
        #expect(!output.contains("\n\n\n"))
    }
}
