import FakeLLMServer
import Foundation
import PlansmithTUI
import Store
import TerminalUI
import Testing

@Suite("Domain screen: the elicitation chat", .serialized)
@MainActor
struct DomainChatTests {
    /// Focus the chat pane and its prompt, then send `line`.
    func say(_ d: ScreenDriver<DomainScreen>, _ line: String) {
        if d.state.focus != .chat { d.send(.key(.char("2"))) }
        if !d.state.isTyping { d.press(.enter) }
        d.type(line + "\n")
    }

    @Test("the offline interview is stored as it goes and resumes in a new screen; completing it fills the editor")
    func offlineInterviewPersistsAndResumes() async throws {
        let app = try await TestApp.make()
        let id = try await DomainFixture.copyTemplate(app, as: "blocksworld")
        let first = await DomainFixture.open(app, id)
        say(first, "object e - block")
        await first.settle(until: { !$0.chat.isWaiting })
        #expect(first.state.chat.transcript.messages.count == 3, "opening, the user's line, the reply")
        say(first, "init ontable(e), clear(e)")
        await first.settle(until: { !$0.chat.isWaiting })
        #expect(first.state.chat.transcript.messages[0].text.contains("Loaded the domain"))
        let sessionId = try #require(first.state.chat.sessionId)
        let stored = try await app.store.chats.messages(in: sessionId, userId: app.session.userId)
        #expect(stored.map(\.content).contains("object e - block"))

        // A new screen on the same domain shows the conversation and goes on with it.
        let second = await DomainFixture.open(app, id)
        #expect(second.state.chat.sessionId == sessionId)
        #expect(second.state.chat.transcript.messages.map(\.text) == first.state.chat.transcript.messages.map(\.text))
        #expect(second.screenText(width: 140, height: 40).contains("object e - block"))
        say(second, "yes")
        await second.settle(until: { !$0.chat.isWaiting })
        #expect(second.state.chat.stage == .complete, "\(second.state.chat.transcript.messages.suffix(2).map(\.text))")
        #expect(second.state.chat.transcript.messages.last?.text.contains("Saved as a new revision") == true)
        #expect(second.state.problemEditor.text.contains(" e "), "the generated problem has the new object")
        let revisions = try await DomainFixture.revisions(app, id)
        #expect(revisions.count == 2)
        await second.settle(until: { !$0.hasUnsavedChanges })
        #expect(second.state.domainEditor.text == revisions[0].domainPddl)
    }

    @Test("export chat writes the transcript as Markdown into the export directory")
    func exportsChat() async throws {
        let app = try await TestApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        say(d, "show")
        await d.settle(until: { !$0.chat.isWaiting })
        d.dispatch(.exportChat)
        await d.settle()
        let toast = try #require(DomainFixture.toasts(d.requests).first { $0.hasPrefix("chat exported to ") })
        let path = String(toast.dropFirst("chat exported to ".count))
        #expect(path.hasPrefix(app.context.exportDirectory))
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        #expect(markdown.hasPrefix("# Chat about my-blocks"))
        #expect(markdown.contains("**you:** show"))
    }

    static let lampModel = """
    {"name":"lamp","description":"switch a lamp on","types":[{"name":"lamp"}],"objects":[{"name":"l1","type":"lamp"}],
     "predicates":[{"name":"on","parameters":[{"name":"l","type":"lamp"}]}],
     "actions":[{"name":"switch-on","parameters":[{"name":"l","type":"lamp"}],"preconditions":[],
       "effects":[{"predicate":"on","arguments":["l"],"negated":false}]}],
     "initialState":[],"goal":[{"predicate":"on","arguments":["l1"],"negated":false}]}
    """

    func llmApp(_ server: FakeLLMServer) async throws -> TestApp {
        try await TestApp.make(environment: ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-test-0000llmx"])
    }

    @Test("with a provider, free text streams the model's reply token by token, then the stored reply replaces it")
    func streamsTokenByToken() async throws {
        let chunks = Self.lampModel.split(separator: "\n").map { String($0) + "\n" }
        let server = FakeLLMServer(script: FakeScript(steps: [FakeStep(chunks: chunks, chunkDelayMs: 120)]))
        _ = try server.start()
        defer { server.stop() }
        let app = try await llmApp(server)
        #expect(app.context.hasUsableProvider)
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        say(d, "There is one lamp that must be switched on.")
        #expect(await d.settle(until: { $0.chat.isStreaming }))
        let early = try #require(d.state.chat.transcript.messages.last?.text)
        #expect(early.hasPrefix("{\"name\":\"lamp\""))
        #expect(!early.contains("initialState"), "only the first tokens have arrived")
        #expect(d.screenText(width: 140, height: 40).contains("(streaming)"))
        await d.settle(until: { !$0.chat.isWaiting })
        let reply = try #require(d.state.chat.transcript.messages.last)
        #expect(!reply.isStreaming && !reply.text.hasPrefix("{"), "the conversation's answer, not the raw JSON")
        #expect(server.requests.count == 1)
    }

    @Test("esc stops a streaming reply at once, keeps the partial text marked [stopped] and stores it")
    func escStopsStream() async throws {
        let chunks = Self.lampModel.split(separator: "\n").map { String($0) + "\n" }
        let server = FakeLLMServer(script: FakeScript(steps: [FakeStep(chunks: chunks, chunkDelayMs: 400)]))
        _ = try server.start()
        defer { server.stop() }
        let app = try await llmApp(server)
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        say(d, "There is one lamp that must be switched on.")
        #expect(await d.settle(until: { $0.chat.isStreaming }))
        #expect(DomainScreen.hints(d.state).first?.label == "stop reply")
        let clock = ContinuousClock()
        let stoppedIn = clock.measure { d.press(.escape) }
        #expect(stoppedIn < .milliseconds(50))
        let last = try #require(d.state.chat.transcript.messages.last)
        #expect(last.text.hasPrefix("{\"name\":\"lamp\"") && last.text.hasSuffix("[stopped]"))
        #expect(!d.state.chat.isWaiting && d.state.isTyping, "esc stopped the stream only; typing focus stays")
        await d.settle()
        let sessionId = try #require(d.state.chat.sessionId)
        let stored = try await app.store.chats.messages(in: sessionId, userId: app.session.userId)
        #expect(stored.contains { $0.content.hasSuffix("[stopped]") })
        // No late token lands after the stop.
        try await Task.sleep(for: .milliseconds(900))
        await d.settle(timeout: .milliseconds(200))
        #expect(d.state.chat.transcript.messages.last?.text.hasSuffix("[stopped]") == true)
        // The HTTP stream itself was abandoned, not just hidden.
        let deadline = ContinuousClock.now + .seconds(3)
        while server.openConnectionCount > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(server.openConnectionCount == 0)
        // The conversation goes on after a stop.
        say(d, "show")
        await d.settle(until: { !$0.chat.isWaiting })
        #expect(d.state.chat.transcript.messages.last?.text.contains("lamp") == false)
        #expect(d.state.chat.transcript.messages.last?.text.contains("handempty") == true)
        #expect(server.requests.count == 1, "controlled syntax needs no model")
    }

    @Test("a provider error is shown in the chat and as a toast; the user's message stays and the chat goes on")
    func providerErrorIsShown() async throws {
        let server = FakeLLMServer(script: FakeScript(steps: [FakeStep.error(401, message: "bad key")]))
        _ = try server.start()
        defer { server.stop() }
        let app = try await llmApp(server)
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        say(d, "There is one lamp that must be switched on.")
        await d.settle(until: { !$0.chat.isWaiting })
        let texts = d.state.chat.transcript.messages.map(\.text)
        #expect(texts.contains("There is one lamp that must be switched on."))
        #expect(texts.last?.hasPrefix("error:") == true, "\(texts)")
        #expect(DomainFixture.toasts(d.requests).contains { $0.hasPrefix("chat: ") })
        #expect(!DomainFixture.toasts(d.requests).contains { $0.contains("sk-test-0000llmx") })
        say(d, "show")
        await d.settle(until: { !$0.chat.isWaiting })
        #expect(d.state.chat.transcript.messages.last?.text.contains("handempty") == true)
    }
}
