import FakeLLMServer
import Foundation
import PlansmithTestSupport
import Testing

/// What a user does in the real app, in a real terminal: from an account to a critiqued,
/// validated, exported plan; restarting finds everything; a killed process leaves a session
/// that can be resumed; a provider's reply streams in and Esc stops it.
@Suite("plansmith TUI in tmux: journeys", .serialized)
struct JourneyEndToEndTests {
    @Test("register, template, error and fix in the editor, save, chat, critique over two rounds, export; a restart finds it all")
    func fromIdeaToValidatedPlan() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        try app.launch(width: 120, height: 36)
        try app.register()

        // Templates (sorted): blocksworld, ferry, gripper … gripper's first plan can be improved.
        try app.keys("Down", "Down", "Enter")
        try app.expect("Plansmith › Domain", "Editor: gripper", "✓ valid")

        // An error typed into the editor shows its diagnostic inline and in the checks panel …
        try app.keys("Enter", "Down", "Down", "End")
        try app.type(" (:constants table - plate)")
        var screen = try app.expect("S001", "✗ 1 error")
        #expect(screen.contains("type 'plate' is not declared"))
        // … and removing it makes the domain valid again.
        for _ in 0..<27 { try app.keys("BSpace") }
        try app.expect("✓ valid")
        try app.keys("C-s")
        try app.expect("saved revision")

        // The guided interview answers in the chat pane.
        try app.keys("Escape", "2", "Enter")
        try app.type("help")
        try app.keys("Enter")
        screen = try app.expect("you")
        try app.keys("Escape")

        // Critique from the palette: the scoreboard fills round by round.
        try app.keys("C-p"); try app.type("critique"); try app.keys("Enter")
        screen = try app.expect("Plansmith › Plan", "✓ completed", "final plan ✓ valid (validator)", timeout: 60)
        #expect(screen.contains("reason: no-critical-feedback"))
        // Scoreboard rows start with their round number, then the severity.
        func rows(ofRound round: Int) -> Int {
            screen.split(separator: "\n").filter { line in
                let words = line.dropFirst().split(separator: " ")
                return words.count > 1 && words[0] == "\(round)" && ["minor", "major", "critical"].contains(String(words[1]))
            }.count
        }
        #expect(rows(ofRound: 1) > 0 && rows(ofRound: 2) > 0, "two rounds on the scoreboard:\n\(screen)")

        try app.keys("C-p"); try app.type("export markdown"); try app.keys("Enter")
        try app.expect("exports")
        let exports = (try? FileManager.default.contentsOfDirectory(atPath: app.exportDirectory)) ?? []
        #expect(exports.contains { $0.hasSuffix(".md") }, "exports: \(exports)")
        try app.keys("C-p"); try app.type("export json"); try app.keys("Enter")
        _ = try app.tmux.waitFor(timeout: 5) { _ in
            ((try? FileManager.default.contentsOfDirectory(atPath: app.exportDirectory)) ?? []).contains { $0.hasSuffix(".json") }
        }
        let report = exports.first { $0.hasSuffix(".md") }.flatMap { try? String(contentsOfFile: app.exportDirectory + "/" + $0, encoding: .utf8) }
        #expect(report?.contains("gripper") == true)

        try app.keys("C-q")
        try app.expect("EXIT=0")

        // Restart: the domain, its revision, the chat and the session are all there.
        try app.launch(width: 120, height: 36)
        try app.logIn()
        screen = try app.expect("gripper", "completed")
        try app.keys("1", "Enter")
        try app.expect("Editor: gripper", "help")
        try app.keys("h")
        try app.expect("r2", "edited in the terminal")
        try app.keys("Escape", "Escape")
        try app.keys("Escape")
        try app.expect("Plansmith › Dashboard")
        try app.keys("3", "Enter")
        try app.expect("Plansmith › Plan", "✓ completed", "final plan ✓ valid (validator)")
    }

    @Test("kill -9 during a critique round: after a restart the session is interrupted and resumes to completion")
    func killedDuringARound() throws {
        guard RunningApp.requireAvailable() else { return }
        let app = try RunningApp()
        defer { app.shutDown() }
        // Blocks p05 takes several rounds of about a second each: time to kill the app mid-round.
        let corpus = Corpus.directory + "/blocks"
        try FileManager.default.createDirectory(atPath: (app.databasePath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let imported = try CommandRunner.run("plansmith", ["domains", "import", corpus + "/domain.pddl", corpus + "/p05.pddl",
                                                          "--name", "blocks-p05", "--db", app.databasePath],
                                             environment: ["HOME": app.home, "USER": "tester"])
        #expect(imported.status == 0, "\(imported.stderr)")
        try app.launch(width: 120, height: 36)
        try app.expect("Continue as tester@localhost")
        try app.keys("Enter")
        try app.expect("Plansmith › Dashboard", "blocks-p05")
        try app.keys("1", "Enter")
        try app.expect("Editor: blocks-p05", "✓ valid")
        try app.keys("C-p"); try app.type("critique"); try app.keys("Enter")
        try app.expect("running round 2", timeout: 60)
        let pid = try #require(try app.tmux.programPid())
        kill(pid, SIGKILL)
        try app.expect("EXIT=137")

        try app.launch(width: 120, height: 36)
        try app.expect("Continue as tester@localhost")
        try app.keys("Enter")
        try app.expect("interrupted")
        try app.keys("3", "Enter")
        try app.expect("Plansmith › Plan", "interrupted")
        try app.keys("r")
        try app.expect("✓ completed", "final plan ✓ valid (validator)", timeout: 90)
    }

    @Test("with a provider, the chat reply streams in token by token and Esc stops it, keeping what came")
    func streamedReplyAndEsc() throws {
        guard RunningApp.requireAvailable() else { return }
        // One short line per chunk, so no word is split by the chat pane's wrapping.
        let chunks = ["{\"name\": \"lamp\",\n", "\"description\": \"switch a lamp on\",\n", "\"types\": [{\"name\": \"lamp\"}],\n",
                      "\"objects\": [{\"name\": \"l1\", \"type\": \"lamp\"}],\n",
                      "\"predicates\": [{\"name\": \"on\", \"parameters\": [{\"name\": \"l\", \"type\": \"lamp\"}]}],\n",
                      "\"initialState\": [],\n", "\"goal\": [{\"predicate\": \"on\", \"arguments\": [\"l1\"], \"negated\": false}],\n",
                      "\"actions\": []}\n"]
        let server = FakeLLMServer(script: FakeScript(steps: [FakeStep(chunks: chunks, chunkDelayMs: 900)]))
        _ = try server.start()
        defer { server.stop() }
        var app = try RunningApp()
        app.extraEnvironment = ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-test-0000e2e"]
        defer { app.shutDown() }
        try app.launch(width: 140, height: 40)
        try app.register()
        try app.keys("Enter")
        try app.expect("Plansmith › Domain", "✓ valid")
        try app.keys("2", "Enter")
        try app.type("There is one lamp that must be switched on.")
        try app.keys("Enter")
        let first = try app.expect("\"lamp\"", timeout: 20)
        #expect(!first.contains("\"goal\""), "only the first tokens have arrived:\n\(first)")
        let more = try app.expect("\"objects\"", timeout: 20)
        #expect(!more.contains("\"goal\""), "the reply grows token by token")
        try app.keys("Escape")
        let stopped = try app.expect("[stopped]")
        #expect(!stopped.contains("\"actions\""), "nothing arrived after Esc")
        #expect(server.requests.count == 1)
    }
}
