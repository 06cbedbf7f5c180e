import Foundation
import PDDL
import Planner
import PlansmithTestSupport

/// Loading corpus tasks and small inline tasks for the planner tests.
enum TestTasks {
    static func parse(domain: String, problem: String) throws -> (Domain, Problem) {
        let d = PDDLParser.parse(domain, file: "domain.pddl")
        let p = PDDLParser.parse(problem, file: "problem.pddl")
        guard let domain = d.document?.domain, let problem = p.document?.problem else {
            throw TestFailure("could not parse: \(d.diagnostics + p.diagnostics)")
        }
        return (domain, problem)
    }

    static func load(_ corpus: Corpus.Problem) throws -> (Domain, Problem) {
        let d = PDDLParser.parse(try Corpus.source(corpus.domainPath))
        let p = PDDLParser.parse(try Corpus.source(corpus.problemPath))
        guard let domain = d.document?.domain, let problem = p.document?.problem else {
            throw TestFailure("could not parse \(corpus): \(d.diagnostics + p.diagnostics)")
        }
        return (domain, problem)
    }

    /// The budget for one corpus search in the test suite (debug build); hard problems belong in the benchmark.
    static let searchBudget: Duration = .seconds(3)
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

