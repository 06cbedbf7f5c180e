import PDDL
import Planner
import Testing
@testable import Elicitation

/// Scripted conversations for whole domains, and checks that their result is a real task.
enum Scripts {
    static let logistics = [
        "Deliver packages between cities with trucks and an airplane.",
        "name logistics",
        "type city, location, physobj",
        "type airport - location",
        "type package, vehicle - physobj",
        "type truck, airplane - vehicle",
        "object c1, c2 - city",
        "object l1, l2 - location",
        "object a1, a2 - airport",
        "object t1, t2 - truck",
        "object plane - airplane",
        "object p1 - package",
        "next",
        "predicate at(x: physobj, l: location)",
        "predicate in(p: package, v: vehicle)",
        "predicate in-city(l: location, c: city)",
        "next",
        "action load(p: package, v: vehicle, l: location) requires at(p, l), at(v, l) makes in(p, v), not at(p, l)",
        "action unload(p: package, v: vehicle, l: location) requires in(p, v), at(v, l) makes at(p, l), not in(p, v)",
        "action drive(t: truck, from: location, to: location, c: city) requires at(t, from), in-city(from, c), in-city(to, c), from != to makes at(t, to), not at(t, from)",
        "action fly(a: airplane, from: airport, to: airport) requires at(a, from), from != to makes at(a, to), not at(a, from)",
        "next",
        "init in-city(l1, c1), in-city(a1, c1), in-city(l2, c2), in-city(a2, c2)",
        "init at(t1, l1), at(t2, a2), at(plane, a1), at(p1, l1)",
        "next",
        "goal at(p1, l2)",
        "next",
        "yes",
    ]

    static let gripper = [
        "A robot with two grippers moves balls from one room to another.",
        "name gripper",
        "type room, ball, gripper",
        "object rooma, roomb - room",
        "object ball1, ball2, ball3 - ball",
        "object left, right - gripper",
        "next",
        "predicate at-robby(r: room)",
        "predicate at(b: ball, r: room)",
        "predicate free(g: gripper)",
        "predicate carry(b: ball, g: gripper)",
        "next",
        "action move(from: room, to: room) requires at-robby(from) makes at-robby(to), not at-robby(from)",
        "action pick(b: ball, r: room, g: gripper) requires at(b, r), at-robby(r), free(g) makes carry(b, g), not at(b, r), not free(g)",
        "action drop(b: ball, r: room, g: gripper) requires carry(b, g), at-robby(r) makes at(b, r), free(g), not carry(b, g)",
        "next",
        "init at-robby(rooma), free(left), free(right)",
        "init at(ball1, rooma), at(ball2, rooma), at(ball3, rooma)",
        "next",
        "goal at(ball1, roomb), at(ball2, roomb), at(ball3, roomb)",
        "next",
        "yes",
    ]

    /// A domain of this test's own: a robot brews coffee and brings the cup to the office; it
    /// uses a zero-arity predicate, a negative precondition and an inequality.
    static let coffee = [
        "A robot fetches a cup, fills it at the coffee machine and brings it to the office.",
        "name coffee-robot",
        "type place, cup",
        "object kitchen, hall, office - place",
        "object mug - cup",
        "next",
        "predicate robot-at(p: place)",
        "predicate cup-at(c: cup, p: place)",
        "predicate holding(c: cup)",
        "predicate hand-empty",
        "predicate full(c: cup)",
        "predicate machine-at(p: place)",
        "predicate connected(a: place, b: place)",
        "next",
        "action go(from: place, to: place) requires robot-at(from), connected(from, to), from != to makes robot-at(to), not robot-at(from)",
        "action take(c: cup, p: place) requires robot-at(p), cup-at(c, p), hand-empty makes holding(c), not cup-at(c, p), not hand-empty",
        "action put(c: cup, p: place) requires robot-at(p), holding(c) makes cup-at(c, p), hand-empty, not holding(c)",
        "action brew(c: cup, p: place) requires robot-at(p), machine-at(p), holding(c), not full(c) makes full(c)",
        "next",
        "init robot-at(hall), hand-empty, cup-at(mug, office), machine-at(kitchen)",
        "init connected(hall, kitchen), connected(kitchen, hall), connected(hall, office), connected(office, hall)",
        "next",
        "goal cup-at(mug, office), full(mug)",
        "next",
        "yes",
    ]

    /// Runs `lines` and returns every reply; records an issue for any reply that is an error.
    static func run(_ lines: [String], on conversation: inout Conversation, allowing allowedErrors: Set<String> = [],
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [ConversationReply] {
        lines.map { line in
            let reply = conversation.handle(line)
            if reply.isError && !allowedErrors.contains(line) {
                Issue.record("'\(line)' was refused: \(reply.text)", sourceLocation: sourceLocation)
            }
            return reply
        }
    }

    /// Parses, validates and plans; returns the plan length.
    static func solve(_ pddl: GeneratedPDDL) throws -> Int? {
        let report = ValidationReport.validate(domain: SourceText(name: "domain.pddl", text: pddl.domain),
                                               problem: SourceText(name: "problem.pddl", text: pddl.problem))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        guard let domain = report.domain, let problem = report.problem else { return nil }
        return try PlanSearch.plan(domain: domain, problem: problem).plan?.steps.count
    }
}
