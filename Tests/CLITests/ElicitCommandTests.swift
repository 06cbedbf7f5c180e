import Foundation
import PlansmithTestSupport
import Testing

/// `plansmith elicit` end to end: the real binary, a real database file, lines on stdin.
@Suite("plansmith elicit", .serialized)
struct ElicitCommandTests {
    static let firstHalf = [
        "A robot moves a ball from one room to another.",
        "name ball-mover",
        "type room, ball",
        "object ra, rb - room",
        "object b1 - ball",
        "next",
        "predicate robot-at(r: room)",
        "predicate at(b: ball, r: room)",
        "predicate holding(b: ball)",
    ]
    static let secondHalf = [
        "next",
        "action move(from: room, to: room) requires robot-at(from) makes robot-at(to), not robot-at(from)",
        "action pick(b: ball, r: room) requires at(b, r), robot-at(r) makes holding(b), not at(b, r)",
        "action drop(b: ball, r: room) requires holding(b), robot-at(r) makes at(b, r), not holding(b)",
        "next",
        "init robot-at(ra), at(b1, ra)",
        "next",
        "goal at(b1, rb)",
        "next",
        "yes",
    ]

    func databaseDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "elicit-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    func run(_ lines: [String], _ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run("plansmith", ["elicit"] + arguments, stdin: Data((lines.joined(separator: "\n") + "\n").utf8),
                              environment: ["PLANSMITH_USER": "tester@example.com"])
    }

    @Test("a scripted conversation on stdin completes, prints valid PDDL and saves the domain; a second run resumes")
    func conversationOverStdin() throws {
        let directory = try databaseDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = ["--db", directory + "/p.sqlite"]
        let first = try run(Self.firstHalf, db)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Added predicate holding(b: ball)."))
        #expect(first.stdout.contains("the conversation is saved"))

        let second = try run(Self.secondHalf, db)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("(continuing the conversation"))
        #expect(second.stdout.contains("Saved as the new domain 'ball-mover'"))
        #expect(second.stdout.contains("(define (domain ball-mover)"))
        #expect(second.stdout.contains("(define (problem ball-mover-problem)"))

        let listed = try CommandRunner.run("plansmith", ["domains", "list"] + db, environment: ["PLANSMITH_USER": "tester@example.com"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("ball-mover"))
    }

    @Test("a mistake is explained with its column and a did-you-mean, and the conversation goes on")
    func mistakesAreExplained() throws {
        let directory = try databaseDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run(["type room", "objetc r1 - room", "object r1 - rom"], ["--db", directory + "/p.sqlite", "--new"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("did you mean 'object'?"))
        #expect(result.stdout.contains("error at column 13"))
        #expect(result.stdout.contains("did you mean 'room'?"))
    }

    @Test("--llm says clearly that LLM mode is not available yet and exits 2")
    func llmFlagIsRefused() throws {
        let directory = try databaseDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run([], ["--db", directory + "/p.sqlite", "--llm", "openai"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("LLM mode (--llm openai) is not available yet in this build"))
    }
}
