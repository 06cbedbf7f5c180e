import PDDL
import Testing

@Suite("Compiler-style diagnostic rendering")
struct DiagnosticRendererTests {
    @Test("shows file:line:col, the source line, a caret under the name and the suggestion")
    func rendersLikeACompiler() {
        let text = "(define (domain d)\n  (:predicates (holding ?x))\n  (:action a :parameters (?x) :effect (hodling ?x)))"
        let source = SourceText(name: "d.pddl", text: text)
        let report = ValidationReport.validate(domain: source)
        let rendered = DiagnosticRenderer().render(report.diagnostics.filter(\.isError), sources: ["d.pddl": source])
        #expect(rendered == """
        d.pddl:3:40: error[S003]: predicate 'hodling' is not declared
         3 |   (:action a :parameters (?x) :effect (hodling ?x)))
           |                                        ^~~~~~~
              = help: did you mean 'holding'?

        """)
    }

    @Test("summarises counts of errors and warnings")
    func summary() {
        let range = SourceRange.unknown
        let diagnostics = [Diagnostic(.undeclaredType, "x", at: range), Diagnostic(.unusedType, "y", at: range),
                           Diagnostic(.unusedObject, "z", at: range)]
        #expect(DiagnosticRenderer.summary(diagnostics) == "1 error, 2 warnings")
        #expect(DiagnosticRenderer.summary([]) == nil)
    }

    @Test("stops after the limit with a count of the rest")
    func limit() {
        let many = (0..<10).map { Diagnostic(.undeclaredType, "t\($0)", at: .unknown, file: "f") }
        let rendered = DiagnosticRenderer(limit: 3).render(many, sources: [:])
        #expect(rendered.hasSuffix("… and 7 more diagnostics not shown\n"))
    }

    @Test("suggests the closest declared name within a small edit distance")
    func suggestions() {
        #expect(Suggestions.closest(to: "hodling", among: ["holding", "clear"]) == "holding")
        #expect(Suggestions.closest(to: ":stirps", among: [":strips", ":typing"]) == ":strips")
        #expect(Suggestions.closest(to: "xyz", among: ["holding", "clear"]) == nil)
    }
}
