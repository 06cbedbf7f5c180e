import PDDL
import Planner
import PlansmithTestSupport
import Testing

@Suite("Search engines and heuristics")
struct SearchTests {
    static let smallProblems = Corpus.allProblems.filter {
        ["blocks", "gripper", "miconic", "miconic-fulladl", "visitall", "tpp"].contains($0.domainName)
            && $0.problemPath.hasSuffix("p01.pddl")
    }

    @Test("A* with blind, h^max and LM-cut agree on the optimal cost", arguments: smallProblems)
    func optimalCostsAgree(_ corpus: Corpus.Problem) throws {
        let (domain, problem) = try TestTasks.load(corpus)
        let task = try Grounder.ground(domain: domain, problem: problem)
        var costs: [HeuristicKind: Int] = [:]
        for heuristic in [HeuristicKind.blind, .max, .lmcut] {
            let configuration = SearchConfiguration(algorithm: .astar, heuristic: heuristic, preferredOperators: false,
                                                    limits: SearchLimits(timeLimit: .seconds(20)))
            let plan = try #require(PlanSearch.solve(task, configuration: configuration).plan, "\(heuristic) found no plan")
            #expect(try PlanValidator(domain: domain, problem: problem).validate(plan.steps).isValid)
            costs[heuristic] = plan.cost
        }
        #expect(Set(costs.values).count == 1, "optimal costs differ: \(costs)")
    }

    @Test("every engine and heuristic finds a valid plan", arguments: [
        (SearchAlgorithm.eagerGreedy, HeuristicKind.ff), (.lazyGreedy, .ff), (.lazyGreedy, .add), (.eagerGreedy, .goalCount),
        (.weightedAStar, .ff), (.astar, .lmcut), (.anytime, .ff),
    ])
    func enginesFindValidPlans(_ algorithm: SearchAlgorithm, _ heuristic: HeuristicKind) throws {
        let domains = algorithm == .astar ? ["gripper", "schedule"] : ["gripper", "schedule", "elevators"]
        for corpus in Corpus.allProblems where domains.contains(corpus.domainName) && corpus.problemPath.hasSuffix("p02.pddl") {
            let (domain, problem) = try TestTasks.load(corpus)
            let configuration = SearchConfiguration(algorithm: algorithm, heuristic: heuristic,
                                                    limits: SearchLimits(timeLimit: .seconds(10)))
            let plan = try #require(try PlanSearch.plan(domain: domain, problem: problem, configuration: configuration).plan)
            let report = try PlanValidator(domain: domain, problem: problem).validate(plan.steps)
            #expect(report.isValid, "\(algorithm)/\(heuristic) on \(corpus): \(String(describing: report.failure))")
            #expect(report.cost == plan.cost)
        }
    }

    @Test("LM-cut and h^max declare admissibility; FF does not")
    func heuristicsDeclareGuarantees() {
        #expect(HeuristicKind.lmcut.properties.admissible)
        #expect(HeuristicKind.max.properties.admissible)
        #expect(HeuristicKind.blind.properties.consistent)
        #expect(!HeuristicKind.ff.properties.admissible)
        #expect(!HeuristicKind.lmcut.properties.supportsConditionalEffects)
    }

    static let unsolvable = (
        domain: "(define (domain d) (:predicates (a) (b) (c)) (:action x :parameters () :precondition (a) :effect (and (b) (not (a)))) (:action y :parameters () :precondition (and (b) (a)) :effect (c)))",
        problem: "(define (problem p) (:domain d) (:init (a)) (:goal (c)))")

    @Test("a task whose goal is reachable only in the relaxation is proven unsolvable", arguments: [SearchAlgorithm.lazyGreedy, .eagerGreedy, .astar])
    func provesUnsolvable(_ algorithm: SearchAlgorithm) throws {
        let (domain, problem) = try TestTasks.parse(domain: Self.unsolvable.domain, problem: Self.unsolvable.problem)
        let outcome = try PlanSearch.plan(domain: domain, problem: problem,
                                          configuration: SearchConfiguration(algorithm: algorithm, heuristic: .ff))
        guard case .provenUnsolvable = outcome else { Issue.record("expected unsolvable, got \(outcome)"); return }
    }

    @Test("cancellation stops the search and time limits end it with .exhausted(.time)")
    func cancellationAndTimeLimit() throws {
        let corpus = try #require(Corpus.allProblems.first { $0.domainName == "visitall" && $0.problemPath.hasSuffix("p06.pddl") })
        let (domain, problem) = try TestTasks.load(corpus)
        let task = try Grounder.ground(domain: domain, problem: problem)
        var progressEvents = 0
        let blind = SearchConfiguration(algorithm: .astar, heuristic: .blind, preferredOperators: false,
                                        limits: SearchLimits(timeLimit: .milliseconds(300)))
        let timed = PlanSearch.solve(task, configuration: blind, progress: { _ in progressEvents += 1 })
        guard case .exhausted(.time, let statistics) = timed else { Issue.record("expected a time limit, got \(timed)"); return }
        #expect(statistics.expanded > 0)
        #expect(progressEvents > 0)
        var calls = 0
        let cancelled = PlanSearch.solve(task, configuration: blind, isCancelled: { calls += 1; return calls > 3 })
        guard case .cancelled = cancelled else { Issue.record("expected cancellation, got \(cancelled)"); return }
    }

    @Test("grounding stops with a clear error past the operator limit")
    func operatorLimit() throws {
        let corpus = try #require(Corpus.allProblems.first { $0.domainName == "childsnack" && $0.problemPath.hasSuffix("p06.pddl") })
        let (domain, problem) = try TestTasks.load(corpus)
        #expect(throws: PlanningError.self) {
            _ = try Grounder.ground(domain: domain, problem: problem, options: GroundingOptions(operatorLimit: 100))
        }
        do {
            _ = try Grounder.ground(domain: domain, problem: problem, options: GroundingOptions(operatorLimit: 100))
        } catch {
            #expect("\(error)".contains("more than 100 ground operators"))
        }
    }
}
