import PDDL
import PlansmithTUI
import TerminalUI
import Testing

@Suite("PDDL in the editor: highlighting and diagnostics")
struct PDDLEditorSupportTests {
    @Test("keywords, variables, connectives, numbers and comments get their theme roles; names stay plain")
    func highlightsALine() {
        let spans = PDDLHighlighter().spans(for: "  :effect (and (at ?t l1) (increase (total-cost) 2)) ; move", lineIndex: 0)
        let roles = spans.map { "\($0.role.rawValue)@\($0.columns.lowerBound)" }
        #expect(roles.prefix(4) == ["keyword@2", "punctuation@10", "accent@11", "punctuation@15"])
        #expect(roles.contains("variable@19"))
        #expect(roles.contains("number@49"))
        #expect(roles.last == "comment@53")
        #expect(!spans.contains { $0.columns.lowerBound == 22 })  // `l1` is a plain name
    }

    @Test("columns count graphemes, not bytes, after non-ASCII text")
    func graphemeColumns() {
        let spans = PDDLHighlighter().spans(for: "(größe ?x) ; λ", lineIndex: 0)
        #expect(spans.map(\.columns) == [0..<1, 7..<9, 9..<10, 11..<14])
    }

    @Test("a PDDL diagnostic lands on its line and name with the code, message and suggestion")
    func diagnosticBridge() throws {
        let text = "(define (domain d)\n  (:predicates (holding ?x))\n  (:action a :parameters (?x) :effect (hodling ?x)))"
        let report = ValidationReport.validate(domain: SourceText(name: "d.pddl", text: text))
        let error = try #require(report.diagnostics.first { $0.isError })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shown = try #require(EditorDiagnostic(error, lines: lines))
        #expect(shown.severity == .error)
        #expect(shown.position == Position(line: 2, column: 39))
        #expect(shown.length == 7)
        #expect(shown.message == "S003: predicate 'hodling' is not declared — did you mean 'holding'?")
    }
}
