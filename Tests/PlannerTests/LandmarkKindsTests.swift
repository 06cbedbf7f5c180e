import Foundation
import PDDL
@testable import Planner
import Testing

/// Disjunctive landmarks, reasonable orderings and the mutexes behind them, on small tasks whose
/// landmarks are known by hand.
@Suite("Landmark kinds: disjunctive landmarks and reasonable orderings")
struct LandmarkKindsTests {
    /// Trucks drive depot → mid → dest; any truck at dest can deliver. With `stranded`, the last
    /// truck starts at a place with no road out.
    static func trucks(_ count: Int, stranded: Bool = false) -> (domain: String, problem: String) {
        let domain = """
        (define (domain trucks)
          (:requirements :strips :typing)
          (:types truck place)
          (:constants dest - place)
          (:predicates (at ?t - truck ?p - place) (road ?a ?b - place) (delivered))
          (:action drive :parameters (?t - truck ?a ?b - place)
            :precondition (and (at ?t ?a) (road ?a ?b))
            :effect (and (not (at ?t ?a)) (at ?t ?b)))
          (:action deliver :parameters (?t - truck)
            :precondition (at ?t dest)
            :effect (delivered)))
        """
        let names = (1...count).map { "t\($0)" }
        let starts = names.enumerated().map { i, t in "(at \(t) \(stranded && i == count - 1 ? "island" : "depot"))" }
        let problem = """
        (define (problem deliver) (:domain trucks)
          (:objects \(names.joined(separator: " ")) - truck depot mid island - place)
          (:init \(starts.joined(separator: " ")) (road depot mid) (road mid dest))
          (:goal (delivered)))
        """
        return (domain, problem)
    }

    static func graph(_ source: (domain: String, problem: String), disjunctive: Bool = true,
                      reasonable: Bool = true) throws -> (GroundedTask, SearchTask, LandmarkGraph) {
        let (domain, problem) = try TestTasks.parse(domain: source.domain, problem: source.problem)
        let grounded = try Grounder.ground(domain: domain, problem: problem)
        let task = SearchTask(grounded)
        return (grounded, task, LandmarkGraph.rhw(task, disjunctive: disjunctive, reasonable: reasonable))
    }

    static func landmark(_ graph: LandmarkGraph, _ grounded: GroundedTask, _ names: Set<String>) -> Int? {
        graph.landmarks.firstIndex { Set($0.map { grounded.factNames[Int($0)] }) == names }
    }

    @Test("two trucks: 'a truck at dest' and 'a truck at mid' are disjunctive landmarks, ordered gn before delivery")
    func disjunctionOfTwoTrucks() throws {
        let (grounded, task, graph) = try Self.graph(Self.trucks(2))
        let delivered = try #require(Self.landmark(graph, grounded, ["(delivered)"]))
        let atDest = try #require(Self.landmark(graph, grounded, ["(at t1 dest)", "(at t2 dest)"]))
        let atMid = try #require(Self.landmark(graph, grounded, ["(at t1 mid)", "(at t2 mid)"]))
        #expect(graph.count == 3 && graph.disjunctiveCount == 2)
        #expect(graph.gnChildren[atDest] == [Int32(delivered)])
        #expect(graph.gnChildren[atMid] == [Int32(atDest)])
        // Neither truck is a fact landmark: either one will do.
        #expect(!graph.landmarks.contains { $0.count == 1 && grounded.factNames[Int($0[0])].hasPrefix("(at ") })

        // The landmark count sees all three (unit costs); without disjunctions only the goal.
        func initialH(_ graph: LandmarkGraph) -> Int {
            let h = LandmarkCountHeuristic(task: task, graph: graph, costs: .normal)
            var accepted = Array(repeating: UInt64(0), count: h.words)
            return task.initialState.withUnsafeBufferPointer { s in
                accepted.withUnsafeMutableBufferPointer { h.initialAccepted(s.baseAddress!, into: $0.baseAddress!) }
                return accepted.withUnsafeBufferPointer { h.evaluate(s.baseAddress!, accepted: $0.baseAddress!, collectPreferred: false) }
            }
        }
        #expect(initialH(graph) == 3)
        let (_, _, plain) = try Self.graph(Self.trucks(2), disjunctive: false)
        #expect(plain.count == 1 && plain.disjunctiveCount == 0)
        #expect(initialH(plain) == 1)

        // Sound on the plan LAMA finds, which the validator accepts.
        let (domain, problem) = try TestTasks.parse(domain: Self.trucks(2).domain, problem: Self.trucks(2).problem)
        let plan = try #require(PlanSearch.solve(grounded, configuration: SearchConfiguration(algorithm: .lama)).plan)
        #expect(plan.cost == 3)
        #expect(try PlanValidator(domain: domain, problem: problem).validate(plan.steps).isValid)
        LamaTests.expectSound(graph, on: LamaTests.trace(task, try LamaTests.operatorIDs(task, plan: plan)),
                              names: grounded.factNames, "trucks")
    }

    @Test("five trucks: a disjunction over five facts is too large to keep")
    func disjunctionSizeLimit() throws {
        let (grounded, _, graph) = try Self.graph(Self.trucks(5))
        #expect(graph.disjunctiveCount == 0)
        #expect(graph.landmarks.map { $0.map { grounded.factNames[Int($0)] } } == [["(delivered)"]])
        let (_, _, four) = try Self.graph(Self.trucks(4))
        #expect(four.disjunctiveCount == 2)
    }

    @Test("a truck that cannot leave its island is no first achiever: the other truck's facts are fact landmarks")
    func strandedTruckLeavesFactLandmarks() throws {
        let (grounded, _, graph) = try Self.graph(Self.trucks(2, stranded: true))
        #expect(graph.disjunctiveCount == 0)
        let atDest = try #require(Self.landmark(graph, grounded, ["(at t1 dest)"]))
        let atMid = try #require(Self.landmark(graph, grounded, ["(at t1 mid)"]))
        #expect(graph.gnChildren[atMid] == [Int32(atDest)])
    }

    /// Gripper with one ball, robot and ball in room c: the ball must go to b and the robot end in a.
    static let robot = (domain: """
        (define (domain robot)
          (:requirements :strips)
          (:predicates (room ?r) (at-robby ?r) (at ?b ?r) (carry ?b) (free))
          (:action move :parameters (?from ?to)
            :precondition (and (room ?from) (room ?to) (at-robby ?from))
            :effect (and (at-robby ?to) (not (at-robby ?from))))
          (:action pick :parameters (?b ?r)
            :precondition (and (at ?b ?r) (at-robby ?r) (free))
            :effect (and (carry ?b) (not (at ?b ?r)) (not (free))))
          (:action drop :parameters (?b ?r)
            :precondition (and (carry ?b) (at-robby ?r))
            :effect (and (at ?b ?r) (free) (not (carry ?b)))))
        """, problem: """
        (define (problem deliver) (:domain robot)
          (:objects a b c ball)
          (:init (room a) (room b) (room c) (at-robby c) (at ball c) (free))
          (:goal (and (at ball b) (at-robby a))))
        """)

    @Test("robot: 'robot in b' is reasonably ordered before the goal 'robot in a', and that goal waits for it")
    func reasonableOrderingBeforeGoal() throws {
        let (grounded, task, graph) = try Self.graph(Self.robot)
        let inA = try #require(Self.landmark(graph, grounded, ["(at-robby a)"]))
        let inB = try #require(Self.landmark(graph, grounded, ["(at-robby b)"]))
        #expect(graph.reasonableParents[inA].contains(Int32(inB)))
        #expect(!graph.reasonableParents[inB].contains(Int32(inA)))
        #expect(!graph.parents[inA].contains(Int32(inB)), "only reasonable: a plan may visit a first")
        let (_, _, none) = try Self.graph(Self.robot, reasonable: false)
        #expect(none.reasonableOrderings == 0 && graph.reasonableOrderings > 0)

        // Going to a first does not count: 'robot in a' is accepted only after 'robot in b'.
        let h = LandmarkCountHeuristic(task: task, graph: graph, costs: .normal)
        func acceptedAlong(_ steps: [String]) throws -> (accepted: [UInt64], state: [UInt64]) {
            let plan = Plan(steps: steps.map { step in
                let words = step.split(separator: " ").map(String.init)
                return PlanStep(action: words[0], arguments: Array(words.dropFirst()))
            }, cost: steps.count)
            let states = LamaTests.trace(task, try LamaTests.operatorIDs(task, plan: plan))
            var accepted = Array(repeating: UInt64(0), count: h.words)
            states[0].withUnsafeBufferPointer { s in accepted.withUnsafeMutableBufferPointer { h.initialAccepted(s.baseAddress!, into: $0.baseAddress!) } }
            for state in states.dropFirst() {
                var next = accepted
                state.withUnsafeBufferPointer { s in
                    accepted.withUnsafeBufferPointer { before in
                        next.withUnsafeMutableBufferPointer { h.progress(before.baseAddress!, state: s.baseAddress!, into: $0.baseAddress!) }
                    }
                }
                accepted = next
            }
            return (accepted, states.last!)
        }
        func isAccepted(_ set: [UInt64], _ id: Int) -> Bool { set[id >> 6] & (1 << UInt64(id & 63)) != 0 }
        let early = try acceptedAlong(["move c a"])
        #expect(!isAccepted(early.accepted, inA))
        let good = try acceptedAlong(["pick ball c", "move c b", "drop ball b", "move b a"])
        #expect(isAccepted(good.accepted, inA))
        let value = good.state.withUnsafeBufferPointer { s in
            good.accepted.withUnsafeBufferPointer { h.evaluate(s.baseAddress!, accepted: $0.baseAddress!, collectPreferred: false) }
        }
        #expect(value == 0)
        let plan = try #require(PlanSearch.solve(grounded, configuration: SearchConfiguration(algorithm: .lama)).plan)
        #expect(plan.cost == 4)
    }

    @Test("at-most-one mutexes: one robot position at a time; facts of different predicates are not claimed")
    func mutexes() throws {
        let (domain, problem) = try TestTasks.parse(domain: Self.robot.domain, problem: Self.robot.problem)
        let grounded = try Grounder.ground(domain: domain, problem: problem)
        let mutexes = FactMutexes(task: grounded, atoms: FactAtoms(grounded))
        func id(_ name: String) throws -> Int32 { Int32(try #require(grounded.factNames.firstIndex(of: name))) }
        #expect(mutexes.areMutex(try id("(at-robby a)"), try id("(at-robby b)")))
        // True (the ball is in one room or in the hand), but the invariant spans two predicates.
        #expect(!mutexes.areMutex(try id("(at ball a)"), try id("(at ball c)")))
        #expect(!mutexes.areMutex(try id("(at-robby a)"), try id("(at ball a)")))
        #expect(!mutexes.areMutex(try id("(carry ball)"), try id("(at ball a)")), "true, but spans two predicates")

        // Two robots may share a room: no mutex claimed when the initial state breaks the invariant.
        let twoRobots = Self.robot.problem.replacingOccurrences(of: "(at-robby c)", with: "(at-robby c) (at-robby b)")
        let (d2, p2) = try TestTasks.parse(domain: Self.robot.domain, problem: twoRobots)
        let g2 = try Grounder.ground(domain: d2, problem: p2)
        let m2 = FactMutexes(task: g2, atoms: FactAtoms(g2))
        let a = Int32(try #require(g2.factNames.firstIndex(of: "(at-robby a)")))
        let b = Int32(try #require(g2.factNames.firstIndex(of: "(at-robby b)")))
        #expect(!m2.areMutex(a, b))
    }
}
