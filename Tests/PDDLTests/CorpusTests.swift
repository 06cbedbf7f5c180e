import Foundation
import PDDL
import PlansmithTestSupport
import Testing

@Suite("Corpus: every IPC domain and problem")
struct CorpusTests {
    @Test("the corpus is present and complete")
    func corpusIsPresent() {
        #expect(Corpus.domains.count >= 16, "corpus not found at \(Corpus.directory)")
        #expect(Corpus.allProblems.count >= 96)
    }

    @Test("parses and validates with zero errors", arguments: Corpus.allProblems)
    func validatesWithoutErrors(_ problem: Corpus.Problem) throws {
        let report = ValidationReport.validate(domain: try Corpus.source(problem.domainPath),
                                               problem: try Corpus.source(problem.problemPath))
        let errors = report.diagnostics.filter(\.isError)
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(report.domain != nil)
        #expect(report.problem != nil)
        #expect(report.problem?.hasGoal == true)
    }

    @Test("formatting keeps the meaning and is idempotent", arguments: Corpus.allFiles)
    func formatterRoundTrips(_ path: String) throws {
        let source = try Corpus.source(path)
        let formatter = PDDLFormatter()
        let once = try formatter.format(source).get()
        let twice = try formatter.format(SourceText(name: path, text: once)).get()
        #expect(once == twice, "fmt(fmt(x)) differs from fmt(x)")
        let original = PDDLParser.parse(source).document
        let reparsed = PDDLParser.parse(SourceText(name: path, text: once)).document
        #expect(original != nil)
        #expect(original == reparsed, "parse(fmt(x)) differs from parse(x)")
    }

    @Test("formatting keeps every comment", arguments: Corpus.allFiles)
    func formatterKeepsComments(_ path: String) throws {
        let source = try Corpus.source(path)
        let formatted = try PDDLFormatter().format(source).get()
        let comments = { (text: String) in
            text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
                guard let index = line.firstIndex(of: ";") else { return nil }
                return String(line[index...]).trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(comments(String(decoding: source.bytes, as: UTF8.self)) == comments(formatted))
    }
}
