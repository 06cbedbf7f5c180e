import FakeLLMServer
import Foundation
import Testing
@testable import LLM

@Suite("ChatModel over the router")
struct ChatModelTests {
    @Test("send returns the whole reply; stream yields the fragments")
    func sendAndStream() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(.reply("whole reply"), FakeStep(text: "a b c", chunkSize: 2))
            let model: any ChatModel = RoutedChatModel(router: try f.router(), tier: "planner")
            #expect(try await model.send([.user("hi")], options: ChatOptions()) == "whole reply")
            var fragments: [TextDelta] = []
            for try await delta in model.stream([.user("hi")], options: ChatOptions()) { fragments.append(delta) }
            #expect(fragments == [.text("a "), .text("b "), .text("c")])
        }
    }

    @Test("cancelling a consumer stops the stream within 200 ms and does not retry")
    func cancelStopsStream() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(FakeStep(text: String(repeating: "word ", count: 400), chunkSize: 5, chunkDelayMs: 40))
            let model = RoutedChatModel(router: try f.router())
            let firstToken = AsyncStream<Void>.makeStream()
            let consumer = Task {
                for try await _ in model.stream([.user("talk")], options: ChatOptions()) {
                    firstToken.continuation.yield()
                }
            }
            for await _ in firstToken.stream { break }
            let clock = ContinuousClock()
            let start = clock.now
            consumer.cancel()
            _ = await consumer.result
            #expect(clock.now - start < .milliseconds(200))
            #expect(await eventually(within: .milliseconds(500)) { f.primary.openConnectionCount == 0 })
            try await Task.sleep(for: .milliseconds(100))
            #expect(f.primary.requests.count == 1 && f.secondary.requests.isEmpty)
            #expect(await eventually { f.eventLog.all.contains { if case .failed(let r) = $0 { return r.error == "cancelled" }; return false } })
        }
    }
}

@Suite("fake-llm-server executable")
struct FakeServerExecutableTests {
    /// The test bundle (`.build/<config>/PlansmithPackageTests.xctest` on Linux) sits next to
    /// the package's executables.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("fake-llm-server")
    }

    @Test("serves a JSON script file and queued steps, reports its port, exits on stdin EOF")
    func scriptedProcess() async throws {
        let url = Self.binary
        try #require(FileManager.default.isExecutableFile(atPath: url.path), "build fake-llm-server first: \(url.path)")
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("fake-script-\(UUID().uuidString).json")
        try Data(#"{"steps": [{"status": 429, "retry_after": "0"}, {"text": "from the script"}], "api_key": "sk-proc-key-00000000"}"#.utf8)
            .write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }

        let process = Process()
        process.executableURL = url
        process.arguments = ["--script", script.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let info = try JSONValue.parse(line.trimmingCharacters(in: .whitespacesAndNewlines))
        let base = try #require(info["base_url"]?.stringValue)
        #expect(base.hasPrefix("http://127.0.0.1:"))

        let endpoint = ProviderEndpoint(name: "proc", kind: .openAI, baseURL: base + "/v1", apiKey: APIKey("sk-proc-key-00000000"))
        let adapter = endpoint.makeAdapter()
        let request = ChatRequest(messages: [.user("hi")], stream: true)
        await #expect(throws: ProviderError.self) { try await adapter.complete(request, model: "m", onText: { _ in }) }
        #expect(try await adapter.complete(request, model: "m", onText: { _ in }).text == "from the script")

        // Queue more at run time through the control endpoint.
        let control = HTTPRequest(url: base + "/_fake/script", body: Array(#"{"steps": [{"text": "queued later"}]}"#.utf8))
        #expect(try await CurlHTTPClient().send(control).status == 200)
        #expect(try await adapter.complete(request, model: "m", onText: { _ in }).text == "queued later")

        try input.fileHandleForWriting.close()
        let exited = await eventually(within: .seconds(3)) { !process.isRunning }
        if !exited { process.terminate() }
        #expect(exited && process.terminationStatus == 0)
    }
}

@Suite("Live providers (only with real keys)")
struct LiveSmokeTests {
    static let environment = ProcessInfo.processInfo.environment
    static let hasKeys = ["ANTHROPIC_API_KEY", "OPENAI_API_KEY"].contains { !(environment[$0] ?? "").isEmpty }

    @Test("every provider with a real key answers a ping",
          .enabled(if: hasKeys, "skipped: no ANTHROPIC_API_KEY or OPENAI_API_KEY in the environment"))
    func livePing() async throws {
        let configuration = try LLMConfiguration.load(configText: nil, environment: Self.environment)
        let router = LLMRouter(configuration: configuration)
        let usable = configuration.providers.filter(\.isUsable).map(\.name)
        for name in usable {
            let result = try #require(await router.ping(provider: name).first)
            print("live ping: \(result.summary)")
            #expect(result.ok, "\(result.summary)")
        }
    }
}
