import FakeLLMServer
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

    /// The ball-mover model as a language model would send it (DomainModelSchema's JSON), with no goal yet.
    static let modelAnswer = """
    Here is the model: {"name":"ball-mover","description":"a robot moves a ball between rooms",
     "types":[{"name":"room"},{"name":"ball"}],
     "objects":[{"name":"ra","type":"room"},{"name":"rb","type":"room"},{"name":"b1","type":"ball"}],
     "predicates":[{"name":"robot-at","parameters":[{"name":"r","type":"room"}]},
                   {"name":"at","parameters":[{"name":"b","type":"ball"},{"name":"r","type":"room"}]},
                   {"name":"holding","parameters":[{"name":"b","type":"ball"}]}],
     "actions":[
      {"name":"move","parameters":[{"name":"from","type":"room"},{"name":"to","type":"room"}],
       "preconditions":[{"predicate":"robot-at","arguments":["from"],"negated":false}],
       "effects":[{"predicate":"robot-at","arguments":["to"],"negated":false},{"predicate":"robot-at","arguments":["from"],"negated":true}]},
      {"name":"pick","parameters":[{"name":"b","type":"ball"},{"name":"r","type":"room"}],
       "preconditions":[{"predicate":"at","arguments":["b","r"],"negated":false},{"predicate":"robot-at","arguments":["r"],"negated":false}],
       "effects":[{"predicate":"holding","arguments":["b"],"negated":false},{"predicate":"at","arguments":["b","r"],"negated":true}]},
      {"name":"drop","parameters":[{"name":"b","type":"ball"},{"name":"r","type":"room"}],
       "preconditions":[{"predicate":"holding","arguments":["b"],"negated":false},{"predicate":"robot-at","arguments":["r"],"negated":false}],
       "effects":[{"predicate":"at","arguments":["b","r"],"negated":false},{"predicate":"holding","arguments":["b"],"negated":true}]}],
     "initialState":[{"predicate":"robot-at","arguments":["ra"],"negated":false},{"predicate":"at","arguments":["b1","ra"],"negated":false}],
     "goal":[]}
    """

    @Test("--llm understands free text through a provider on loopback: an invalid answer is repaired, then the goal is asked")
    func llmModeWithFakeProvider() throws {
        let directory = try databaseDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = FakeLLMServer(script: FakeScript(steps: [
            FakeStep(chunks: ["{\"name\": \"ball-mover\", ", "\"types\": 3}"]),  // not a model: repaired
            FakeStep(text: Self.modelAnswer),
        ]))
        _ = try server.start()
        defer { server.stop() }
        let environment = ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-test-0000llmx",
                           "XDG_CONFIG_HOME": directory, "PLANSMITH_CONFIG": ""]
        let lines = ["A robot in room ra must bring ball b1 to room rb.", "goal at(b1, rb)", "next", "yes"]
        let result = try CommandRunner.run("plansmith", ["elicit", "--db", directory + "/p.sqlite", "--new", "--llm", "openai"],
                                           stdin: Data((lines.joined(separator: "\n") + "\n").utf8),
                                           environment: environment.merging(["PLANSMITH_USER": "tester@example.com"]) { $1 })
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(server.requests.count == 2, "one extraction and one repair round")
        #expect(result.stdout.contains("(:action pick"), "\(result.stdout)")
        #expect(result.stdout.contains("(at b1 rb)"))
        #expect(!result.stdout.contains("sk-test-0000llmx"))
    }

    @Test("--llm with a provider that refuses: the error is shown, the line kept, and the conversation goes on")
    func llmProviderDown() throws {
        let directory = try databaseDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = FakeLLMServer(script: FakeScript(apiKey: "sk-the-right-key-0000"))
        _ = try server.start()
        defer { server.stop() }
        let environment = ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-a-wrong-key-1111",
                           "XDG_CONFIG_HOME": directory, "PLANSMITH_CONFIG": "", "PLANSMITH_USER": "tester@example.com"]
        let lines = ["A robot moves balls between rooms.", "type room"]
        let result = try CommandRunner.run("plansmith", ["elicit", "--db", directory + "/p.sqlite", "--new", "--llm", "openai"],
                                           stdin: Data((lines.joined(separator: "\n") + "\n").utf8), environment: environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("error: the language model could not answer"), "\(result.stdout)")
        #expect(result.stdout.contains("Added type room"), "\(result.stdout)")
        #expect(!result.stdout.contains("sk-a-wrong-key-1111"))
    }

    @Test("--llm with an unknown provider is a usage error (exit 2)")
    func unknownProvider() throws {
        let directory = try databaseDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run([], ["--db", directory + "/p.sqlite", "--llm", "nope"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown provider 'nope'"))
    }
}
