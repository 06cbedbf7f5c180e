import Foundation
import PDDL
@testable import Planner
import PlansmithTestSupport
import Testing

@Suite("Landmarks and LAMA search")
struct LamaTests {
    static let sample = Corpus.allProblems.filter {
        ["blocks", "gripper", "logistics", "elevators", "miconic-fulladl", "schedule", "depot", "rovers"].contains($0.domainName)
            && ($0.problemPath.hasSuffix("p02.pddl") || $0.problemPath.hasSuffix("p03.pddl"))
    }

    /// The states a plan passes through, from the initial state on, as sets of true facts.
    static func trace(_ task: SearchTask, _ operators: [Int32]) -> [[UInt64]] {
        var states = [task.initialState]
        for o in operators {
            var next = Array(repeating: UInt64(0), count: task.words)
            states.last!.withUnsafeBufferPointer { s in
                next.withUnsafeMutableBufferPointer { task.apply(Int(o), to: s.baseAddress!, into: $0.baseAddress!) }
            }
            states.append(next)
        }
        return states
    }

    static func holds(_ state: [UInt64], _ fact: Int32) -> Bool {
        state.withUnsafeBufferPointer { SearchTask.test($0.baseAddress!, fact) }
    }

    @Test("RHW landmarks hold on the way of every plan found, and each ordering is respected", arguments: sample)
    func landmarksAreSound(_ corpus: Corpus.Problem) throws {
        let (domain, problem) = try TestTasks.load(corpus)
        let grounded = try Grounder.ground(domain: domain, problem: problem)
        let task = SearchTask(grounded)
        let graph = LandmarkGraph.rhw(task)
        #expect(graph.count >= Set(task.goal).count)
        // Plans by two different searches: a landmark must be true somewhere on both.
        for algorithm in [SearchAlgorithm.lama, .lazyGreedy] {
            let configuration = SearchConfiguration(algorithm: algorithm, limits: SearchLimits(timeLimit: .seconds(10)))
            guard let plan = PlanSearch.solve(grounded, configuration: configuration).plan else {
                Issue.record("\(algorithm) found no plan for \(corpus)")
                continue
            }
            let states = Self.trace(task, try Self.operatorIDs(task, plan: plan))
            #expect(states.last!.withUnsafeBufferPointer { task.isGoal($0.baseAddress!) })
            Self.expectSound(graph, on: states, names: grounded.factNames, "\(corpus) (\(algorithm))")
        }
    }

    static func holds(_ state: [UInt64], landmark facts: [Int32]) -> Bool { facts.contains { holds(state, $0) } }

    /// Every landmark (any one of its facts, for a disjunction) holds somewhere on `states`, and
    /// every sound ordering A → B holds there: A just before B first holds (gn), or earlier (nat).
    static func expectSound(_ graph: LandmarkGraph, on states: [[UInt64]], names: [String], _ label: String) {
        func name(_ l: Int) -> String { graph.landmarks[l].map { names[Int($0)] }.joined(separator: " ∨ ") }
        for (l, facts) in graph.landmarks.enumerated() {
            guard let first = states.firstIndex(where: { holds($0, landmark: facts) }) else {
                Issue.record("\(label): landmark \(name(l)) never true on the plan")
                continue
            }
            for a in graph.parents[l] {
                let before = graph.landmarks[Int(a)]
                if graph.gnChildren[Int(a)].contains(Int32(l)) {
                    #expect(first > 0 && holds(states[first - 1], landmark: before), "\(label): \(name(Int(a))) →gn \(name(l)) violated")
                } else {
                    #expect(states[..<first].contains { holds($0, landmark: before) }, "\(label): \(name(Int(a))) →nat \(name(l)) violated")
                }
            }
        }
    }

    /// Operator ids of a plan, by replaying its steps against the grounded names.
    static func operatorIDs(_ task: SearchTask, plan: Plan) throws -> [Int32] {
        var state = task.initialState
        var ids: [Int32] = []
        for step in plan.steps {
            let name = step.description
            guard let o = task.task.operators.indices.first(where: { o in
                task.task.operators[o].name == name && state.withUnsafeBufferPointer { task.isApplicable(o, in: $0.baseAddress!) }
            }) else { throw TestFailure("step \(name) not applicable") }
            ids.append(Int32(o))
            var next = state
            state.withUnsafeBufferPointer { s in next.withUnsafeMutableBufferPointer { task.apply(o, to: s.baseAddress!, into: $0.baseAddress!) } }
            state = next
        }
        return ids
    }

    @Test("the landmark graph has greedy-necessary and natural orderings on logistics")
    func orderingsFound() throws {
        let corpus = try #require(Corpus.allProblems.first { $0.domainName == "logistics" && $0.problemPath.hasSuffix("p02.pddl") })
        let (domain, problem) = try TestTasks.load(corpus)
        let task = SearchTask(try Grounder.ground(domain: domain, problem: problem))
        let graph = LandmarkGraph.rhw(task)
        #expect(graph.count > Set(task.goal).count)
        #expect(graph.greedyNecessaryOrderings > 0)
        #expect(graph.naturalOrderings > 0)
    }

    @Test("landmark count: the goal state of a plan scores 0, the initial state at least the unmet goals")
    func landmarkCountEnds() throws {
        let corpus = try #require(Corpus.allProblems.first { $0.domainName == "gripper" && $0.problemPath.hasSuffix("p02.pddl") })
        let (domain, problem) = try TestTasks.load(corpus)
        let grounded = try Grounder.ground(domain: domain, problem: problem)
        let task = SearchTask(grounded)
        // Without reasonable orderings: with them a goal reached in the same step as its
        // reasonable parent is accepted one step later, so h of that goal state may still be > 0.
        let graph = LandmarkGraph.rhw(task, reasonable: false)
        let h = LandmarkCountHeuristic(task: task, graph: graph, costs: .normal)
        let plan = try #require(PlanSearch.solve(grounded, configuration: SearchConfiguration(algorithm: .lama)).plan)
        let states = Self.trace(task, try Self.operatorIDs(task, plan: plan))
        var accepted = Array(repeating: UInt64(0), count: h.words)
        states[0].withUnsafeBufferPointer { s in accepted.withUnsafeMutableBufferPointer { h.initialAccepted(s.baseAddress!, into: $0.baseAddress!) } }
        func value(_ state: [UInt64]) -> Int {
            state.withUnsafeBufferPointer { s in accepted.withUnsafeBufferPointer { h.evaluate(s.baseAddress!, accepted: $0.baseAddress!, collectPreferred: false) } }
        }
        let unmet = task.goal.filter { !Self.holds(states[0], $0) }.count
        #expect(value(states[0]) >= unmet)
        for state in states.dropFirst() {
            var next = accepted
            state.withUnsafeBufferPointer { s in
                accepted.withUnsafeBufferPointer { before in
                    next.withUnsafeMutableBufferPointer { h.progress(before.baseAddress!, state: s.baseAddress!, into: $0.baseAddress!) }
                }
            }
            accepted = next
        }
        #expect(value(states.last!) == 0)
    }

    @Test("--search lama finds valid plans on the first three problems of every domain",
          arguments: Corpus.allProblems.filter { ["p01.pddl", "p02.pddl", "p03.pddl"].contains(String($0.problemPath.suffix(8))) })
    func lamaPlansAreValid(_ corpus: Corpus.Problem) throws {
        let (domain, problem) = try TestTasks.load(corpus)
        let configuration = SearchConfiguration(algorithm: .lama, limits: SearchLimits(timeLimit: TestTasks.searchBudget))
        let outcome = try PlanSearch.plan(domain: domain, problem: problem, configuration: configuration)
        guard let plan = outcome.plan else {
            print("note: \(corpus) not solved by lama in the debug-build budget")
            return
        }
        let report = try PlanValidator(domain: domain, problem: problem).validate(plan.steps)
        #expect(report.isValid, "\(corpus): \(String(describing: report.failure))")
        #expect(report.cost == plan.cost)
    }

    @Test("anytime search reports strictly cheaper valid plans, and with time enough proves the optimum")
    func anytimeImproves() throws {
        let corpus = try #require(Corpus.allProblems.first { $0.domainName == "gripper" && $0.problemPath.hasSuffix("p01.pddl") })
        let (domain, problem) = try TestTasks.load(corpus)
        let validator = try PlanValidator(domain: domain, problem: problem)
        var costs: [Int] = []
        let anytime = SearchConfiguration(algorithm: .anytime, limits: SearchLimits(timeLimit: .seconds(60)))
        let outcome = try PlanSearch.plan(domain: domain, problem: problem, configuration: anytime, improved: { plan, _ in
            costs.append(plan.cost)
            #expect((try? validator.validate(plan.steps).isValid) == true)
        })
        let final = try #require(outcome.plan)
        #expect(!costs.isEmpty)
        #expect(costs == costs.sorted(by: >) && Set(costs).count == costs.count, "costs not strictly falling: \(costs)")
        #expect(costs.last == final.cost)
        let optimal = try #require(try PlanSearch.plan(domain: domain, problem: problem, configuration: .optimal).plan)
        #expect(final.cost == optimal.cost)
    }

    @Test("the lazy open lists hand out a group's operators in order, FIFO among equal keys, preferred lists boosted")
    func lazyOpenLists() {
        var open = LazyOpenLists(preferredOnly: [false, true])
        let a = open.addGroup(parent: 1, operators: [10, 11])
        let b = open.addGroup(parent: 2, operators: [20])
        open.push(group: a, list: 0, priority: 5)
        open.push(group: b, list: 0, priority: 5)
        let c = open.addGroup(parent: 3, operators: [30])
        open.push(group: c, list: 0, priority: 1)
        open.push(group: b, list: 1, priority: 9)
        open.boost()
        // The boosted preferred list goes first, then the regular one by key, FIFO among equals.
        #expect(open.pop()! == (2, 20))
        #expect(open.pop()! == (3, 30))
        #expect(open.pop()! == (1, 10))
        #expect(open.pop()! == (1, 11))
        #expect(open.pop()! == (2, 20))
        #expect(open.isEmpty)
        #expect(open.pop().map { _ in true } == nil)
        #expect(open.pool.count == 4, "each successor stored once however many lists hold it")
    }
}
