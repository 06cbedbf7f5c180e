import PDDL
import Testing

/// Malformed inputs, each with the exact code and position of the diagnostic it must produce.
/// Positions are `line:column` (1-based, columns in bytes).
@Suite("Malformed PDDL: exact diagnostics")
struct MalformedInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var domain: String
        var problem: String?
        var code: DiagnosticCode
        var position: String
        var description: String { name }
    }

    static let domain = """
    (define (domain d)
      (:requirements :strips :typing)
      (:types block)
      (:predicates (on ?x - block ?y - block) (clear ?x - block) (holding ?x - block))
      (:action pick
        :parameters (?x - block)
        :precondition (clear ?x)
        :effect (holding ?x)))
    """

    static func problem(objects: String = "a b - block", initial: String = "(clear a)", goal: String = "(holding a)") -> String {
        "(define (problem p) (:domain d)\n  (:objects \(objects))\n  (:init \(initial))\n  (:goal \(goal)))"
    }

    static func action(_ body: String, predicates: String = "(on ?x - block ?y - block) (clear ?x - block)") -> String {
        "(define (domain d) (:requirements :strips :typing :negative-preconditions)\n(:types block)\n(:predicates \(predicates))\n\(body))"
    }

    static let cases: [Case] = [
        // Input
        Case(name: "empty file", domain: "", code: .emptyInput, position: "1:1"),
        Case(name: "only whitespace and comments", domain: "  \n; nothing here\n", code: .emptyInput, position: "3:1"),
        Case(name: "not PDDL at all", domain: "hello world", code: .notAPDDLFile, position: "1:1"),
        Case(name: "NUL byte", domain: "(define\u{0} (domain d))", code: .binaryInput, position: "1:8"),
        // Syntax
        Case(name: "missing define", domain: "(domain d)", code: .expectedDefine, position: "1:2"),
        Case(name: "misspelled define", domain: "(defne (domain d))", code: .expectedDefine, position: "1:2"),
        Case(name: "bad header keyword", domain: "(define (domian d))", code: .expectedHeader, position: "1:10"),
        Case(name: "header without name", domain: "(define (domain))", code: .expectedName, position: "1:16"),
        Case(name: "unclosed define", domain: "(define (domain d)\n  (:predicates (p))", code: .unclosedParen, position: "1:1"),
        Case(name: "extra close paren", domain: "(define (domain d) (:predicates (p)))\n)", code: .trailingContent, position: "2:1"),
        Case(name: "unknown domain section", domain: "(define (domain d) (:predicate (p)))", code: .unknownSection, position: "1:21"),
        Case(name: "section without keyword", domain: "(define (domain d) (predicates (p)))", code: .expectedKeyword, position: "1:21"),
        Case(name: "missing paren before next action",
             domain: action("(:action a :parameters (?x - block) :precondition (clear ?x)\n :effect (and (on ?x ?x)\n(:action b :parameters () :effect (and)))"),
             code: .unclosedParen, position: "5:10"),
        Case(name: "unknown action part", domain: action("(:action a :parameters (?x - block) :pre (clear ?x) :effect (clear ?x))"),
             code: .expectedKeyword, position: "4:37"),
        Case(name: "parameter without question mark", domain: action("(:action a :parameters (x - block) :effect (clear ?x))"),
             code: .expectedVariable, position: "4:25"),
        Case(name: "dash without type", domain: action("(:action a :parameters (?x -) :effect (clear ?x))"),
             code: .malformedTypedList, position: "4:29"),
        Case(name: "type before any name", domain: "(define (domain d) (:types - block))", code: .malformedTypedList, position: "1:28"),
        Case(name: "condition without parens", domain: action("(:action a :parameters (?x - block) :precondition clear :effect (clear ?x))"),
             code: .expectedOpenParen, position: "4:51"),
        Case(name: "negating a conjunction in an effect",
             domain: action("(:action a :parameters (?x - block) :effect (not (and (clear ?x))))"), code: .unexpectedToken, position: "4:51"),
        Case(name: "number as argument", domain: action("(:action a :parameters (?x - block) :effect (clear 3))"),
             code: .expectedName, position: "4:52"),
        Case(name: "lone question mark", domain: action("(:action a :parameters (?x - block) :effect (clear ?))"),
             code: .expectedVariable, position: "4:52"),
        Case(name: "equality with three terms", domain: action("(:action a :parameters (?x - block) :precondition (= ?x ?x ?x) :effect (clear ?x))"),
             code: .wrongArity, position: "4:52"),
        Case(name: "duplicate section", domain: "(define (domain d) (:types a) (:types b))", code: .duplicateSection, position: "1:32"),
        Case(name: "either without types", domain: "(define (domain d) (:types a - (either)))", code: .malformedTypedList, position: "1:32"),
        Case(name: "nested too deep", domain: "(define (domain d) (:action a :precondition " + String(repeating: "(and ", count: 300),
             code: .nestingTooDeep, position: "1:1315"),
        // Requirements
        Case(name: "misspelled requirement", domain: "(define (domain d) (:requirements :stirps))", code: .unknownRequirement, position: "1:35"),
        Case(name: "durative actions requirement", domain: "(define (domain d) (:requirements :durative-actions))",
             code: .unsupportedRequirement, position: "1:35"),
        Case(name: "durative action section", domain: "(define (domain d) (:durative-action a :parameters ()))",
             code: .unsupportedFeature, position: "1:21"),
        Case(name: "derived predicate", domain: "(define (domain d) (:predicates (p)) (:derived (p) (and)))",
             code: .unsupportedFeature, position: "1:39"),
        Case(name: "numeric comparison", domain: action("(:action a :parameters (?x - block) :precondition (> (fuel) 1) :effect (clear ?x))"),
             code: .unsupportedFeature, position: "4:52"),
        Case(name: "decrease effect", domain: action("(:action a :parameters (?x - block) :effect (decrease (fuel) 1))"),
             code: .unsupportedFeature, position: "4:46"),
        // Semantics
        Case(name: "misspelled predicate", domain: action("(:action a :parameters (?x - block) :precondition (claer ?x) :effect (clear ?x))"),
             code: .undeclaredPredicate, position: "4:52"),
        Case(name: "wrong arity", domain: action("(:action a :parameters (?x - block) :effect (on ?x))"), code: .wrongArity, position: "4:45"),
        Case(name: "unbound variable", domain: action("(:action a :parameters (?x - block) :effect (clear ?y))"),
             code: .undeclaredVariable, position: "4:52"),
        Case(name: "undeclared parameter type", domain: action("(:action a :parameters (?x - blok) :effect (clear ?x))"),
             code: .undeclaredType, position: "4:30"),
        Case(name: "duplicate action", domain: action("(:action a :effect (and))\n(:action a :effect (and))"),
             code: .duplicateAction, position: "5:10"),
        Case(name: "duplicate action parameter", domain: action("(:action a :parameters (?x ?x - block) :effect (clear ?x))"),
             code: .duplicateParameter, position: "4:28"),
        Case(name: "duplicate predicate", domain: action("(:action a :effect (and))", predicates: "(p) (p)"),
             code: .duplicatePredicate, position: "3:19"),
        Case(name: "duplicate type", domain: "(define (domain d) (:types a a))", code: .duplicateType, position: "1:30"),
        Case(name: "cyclic types", domain: "(define (domain d) (:types a - b b - a))", code: .cyclicTypeHierarchy, position: "1:28"),
        Case(name: "undeclared constant", domain: action("(:action a :parameters (?x - block) :effect (on ?x table))"),
             code: .undeclaredObject, position: "4:52"),
        Case(name: "increase of a fluent", domain: "(define (domain d) (:requirements :action-costs) (:functions (total-cost) (fuel))\n(:action a :effect (increase (fuel) 1)))",
             code: .invalidNumericEffect, position: "2:30"),
        Case(name: "type mismatch with constant",
             domain: "(define (domain d) (:requirements :typing) (:types block table) (:constants t1 - table)\n(:predicates (clear ?x - block))\n(:action a :effect (clear t1)))",
             code: .typeMismatch, position: "3:27"),
        // Problems
        Case(name: "problem for another domain", domain: domain, problem: "(define (problem p) (:domain e) (:objects a - block) (:init) (:goal (clear a)))",
             code: .domainMismatch, position: "1:30"),
        Case(name: "undeclared object in init", domain: domain, problem: problem(initial: "(clear c)"), code: .undeclaredObject, position: "3:17"),
        Case(name: "undeclared predicate in goal", domain: domain, problem: problem(goal: "(holdng a)"), code: .undeclaredPredicate, position: "4:11"),
        Case(name: "object of unknown type", domain: domain, problem: problem(objects: "a b - blok"), code: .undeclaredType, position: "2:19"),
        Case(name: "duplicate object", domain: domain, problem: problem(objects: "a a - block"), code: .duplicateObject, position: "2:15"),
        Case(name: "wrong arity in init", domain: domain, problem: problem(initial: "(on a)"), code: .wrongArity, position: "3:10"),
        Case(name: "negative fact in init", domain: domain, problem: problem(initial: "(not (clear a))"), code: .unexpectedToken, position: "3:11"),
        Case(name: "missing goal", domain: domain, problem: "(define (problem p) (:domain d) (:objects a - block) (:init (clear a)))",
             code: .missingGoal, position: "1:18"),
        Case(name: "goal already true", domain: domain, problem: problem(goal: "(and (clear a))"),
             code: .goalTrueInitially, position: "4:10"),
        Case(name: "unused object", domain: domain, problem: problem(objects: "a b c - block"), code: .unusedObject, position: "2:15"),
        Case(name: "duplicate initial fact", domain: domain, problem: problem(initial: "(clear a) (clear a)"),
             code: .duplicateInitFact, position: "3:20"),
        Case(name: "problem without domain", domain: domain, problem: "(define (problem p) (:objects a - block) (:init) (:goal (clear a)))",
             code: .expectedHeader, position: "1:18"),
        Case(name: "domain given as problem", domain: domain, problem: domain, code: .expectedHeader, position: "1:17"),
        Case(name: "metric that is not total-cost", domain: domain,
             problem: "(define (problem p) (:domain d) (:objects a - block) (:init (clear a)) (:goal (clear a)) (:metric minimize (+ (a) (b))))",
             code: .unsupportedFeature, position: "1:108"),
    ]

    @Test("reports the exact code and position", arguments: cases)
    func reportsExactDiagnostic(_ testCase: Case) {
        let report = ValidationReport.validate(
            domain: SourceText(name: "domain.pddl", text: testCase.domain),
            problem: testCase.problem.map { SourceText(name: "problem.pddl", text: $0) })
        let matching = report.diagnostics.filter { $0.code == testCase.code }
        let found = report.diagnostics.map { "\($0.code.rawValue)@\($0.range.start)" }.joined(separator: ", ")
        #expect(!matching.isEmpty, "expected \(testCase.code.rawValue) at \(testCase.position); got \(found)")
        #expect(matching.contains { "\($0.range.start)" == testCase.position },
                "expected \(testCase.code.rawValue) at \(testCase.position); got \(found)")
    }

    @Test("there are at least 40 malformed cases")
    func enoughCases() {
        #expect(Self.cases.count >= 40)
    }
}
