import FakeLLMServer
import Foundation
import Testing
@testable import LLM

/// `kind = "local"`: a llama.cpp / Ollama / vLLM server on loopback, here the fake server speaking
/// the same OpenAI wire format (and `GET /v1/models`) over real HTTP.
@Suite("Local model provider")
struct LocalProviderTests {
    static func configuration(_ server: FakeLLMServer, extra: String = "", header: String = "[llm.providers.local]") throws -> LLMConfiguration {
        try LLMConfiguration.load(configText: """
            [llm]
            max_retries = 0
            \(header)
            base_url = "\(server.baseURL)/v1"
            \(extra)
            """, environment: [:])
    }

    @Test("[llm.providers.local] needs no kind, no key and no model, and gets the local limits")
    func localSectionDefaults() throws {
        let configuration = try LLMConfiguration.load(configText: "[llm.providers.local]\n", environment: [:])
        let local = try #require(configuration.provider(named: "local"))
        #expect(local.endpoint.kind == .local)
        #expect(local.endpoint.baseURL == "http://127.0.0.1:8080/v1")
        #expect(local.isUsable && !local.requiresKey)
        #expect(local.models == ["auto"])
        #expect(local.endpoint.maxTokensField == "max_tokens")
        #expect(local.endpoint.limits == .localDefaults)
        #expect(try configuration.candidates(tier: nil, provider: "local") == [ModelTarget(provider: "local", model: "auto")])
    }

    @Test("per-call token caps, timeouts and the concurrency limit can be set per provider")
    func limitsFromConfig() throws {
        let configuration = try LLMConfiguration.load(configText: """
            [llm.providers.ollama]
            kind = "local"
            base_url = "http://localhost:11434/v1"
            models = ["qwen3:8b"]
            max_concurrent_requests = 2
            max_tokens = { critic_votes = 64, plan = 1000 }
            call_timeouts = { plan = 20, critic_items = 7.5 }
            [llm.providers.vllm]
            kind = "openai"
            base_url = "http://gpu-box:8000/v1"
            requires_key = false
            max_tokens = { general = 300 }
            """, environment: [:])
        let limits = try #require(configuration.provider(named: "ollama")).endpoint.limits
        #expect(limits.maxConcurrentRequests == 2)
        #expect(limits.maxTokens(for: .criticVotes, asked: 2048) == 64)
        #expect(limits.maxTokens(for: .plan, asked: 2048) == 1000)
        #expect(limits.maxTokens(for: .plan, asked: 200) == 200)  // a cap never raises a request
        #expect(limits.maxTokens(for: .criticItems, asked: 2048) == CallLimits.localDefaults.maxTokens[.criticItems])
        #expect(limits.timeout(for: .plan) == .seconds(20))
        #expect(limits.timeout(for: .criticItems) == .milliseconds(7500))
        let vllm = try #require(configuration.provider(named: "vllm")).endpoint.limits
        #expect(vllm.maxTokens(for: .criticVotes, asked: 2048) == 300)
        #expect(vllm.maxConcurrentRequests == nil && vllm.timeout(for: .plan) == nil)
    }

    @Test("configuration mistakes are named: a missing kind, an unknown call kind, a zero limit")
    func configurationMistakes() {
        #expect(throws: LLMConfigurationError.missingKind(provider: "mine")) {
            try LLMConfiguration.load(configText: "[llm.providers.mine]\nbase_url = \"http://127.0.0.1:1/v1\"", environment: [:])
        }
        #expect(throws: LLMConfigurationError.unknownCallKind(provider: "local", key: "critics")) {
            try LLMConfiguration.load(configText: "[llm.providers.local]\nmax_tokens = { critics = 5 }", environment: [:])
        }
        #expect(throws: LLMConfigurationError.invalidLimit(provider: "local", detail: "max_concurrent_requests must be positive")) {
            try LLMConfiguration.load(configText: "[llm.providers.local]\nmax_concurrent_requests = 0", environment: [:])
        }
    }

    @Test("the model name is asked of the server once and sent on every call; ping reports it")
    func modelNameFromServer() async throws {
        try await withFakeServer { server in
            server.serveModels(["SmolLM2-135M-Instruct.Q4_1.gguf"])
            let router = LLMRouter(configuration: try Self.configuration(server))
            let first = try await router.complete(ChatRequest(messages: [.user("hi")], stream: false), provider: "local")
            _ = try await router.complete(ChatRequest(messages: [.user("again")], stream: true), provider: "local")
            let ping = await router.ping(provider: "local")
            #expect(first.reply.model == "SmolLM2-135M-Instruct.Q4_1.gguf")
            #expect(ping.first?.ok == true && ping.first?.model == "SmolLM2-135M-Instruct.Q4_1.gguf")
            let sent = server.requests
            #expect(sent.filter { $0.method == "GET" }.map(\.path) == ["/v1/models"])
            let models = sent.filter { $0.method == "POST" }.compactMap { $0.json?["model"] as? String }
            #expect(models == Array(repeating: "SmolLM2-135M-Instruct.Q4_1.gguf", count: 3))
            #expect(sent.allSatisfy { $0.headers["authorization"] == nil })
        }
    }

    @Test("a server that lists no model gives a clear error, not a request for model 'auto'")
    func noModelListed() async throws {
        try await withFakeServer { server in
            server.serveModels([])
            let router = LLMRouter(configuration: try Self.configuration(server))
            await #expect {
                _ = try await router.complete(ChatRequest(messages: [.user("hi")], stream: false), provider: "local")
            } throws: { error in
                String(describing: error).contains("lists no model")
            }
            #expect(server.requests.allSatisfy { $0.method == "GET" })
        }
    }

    @Test("local calls cost nothing, even for a model name that has a price")
    func localCallsAreFree() async throws {
        try await withFakeServer([.reply("pong", inputTokens: 1_000, outputTokens: 500)]) { server in
            let recorder = InMemoryUsageRecorder()
            let router = LLMRouter(configuration: try Self.configuration(server, extra: #"models = ["gpt-4.1"]"#), recorder: recorder)
            #expect(router.configuration.prices.price(for: "gpt-4.1") != nil)
            let result = try await router.complete(ChatRequest(messages: [.user("hi")], stream: false), provider: "local")
            #expect(result.costUSD == 0)
            #expect(await recorder.records.first?.costUSD == 0)
            #expect(router.listModels().first?.prices["gpt-4.1"] == ModelPrice(input: 0, output: 0))
        }
    }

    @Test("max_tokens is capped by the call's kind on a local server and left alone on a hosted one",
          arguments: [(CallPurpose.criticVotes, 192), (.criticItems, 320), (.plan, 384), (.elicitation, 768), (.general, 512)])
    func maxTokensByPurpose(purpose: CallPurpose, expected: Int) async throws {
        try await withFakeServer { server in
            server.serveModels(["m"])
            let configuration = try LLMConfiguration.load(configText: """
                [llm]
                max_retries = 0
                [llm.providers.local]
                base_url = "\(server.baseURL)/v1"
                [llm.providers.hosted]
                kind = "openai"
                base_url = "\(server.baseURL)/v1"
                requires_key = false
                models = ["gpt-4.1"]
                """, environment: [:])
            let router = LLMRouter(configuration: configuration)
            let request = ChatRequest(messages: [.user("hi")], maxTokens: 2048, stream: false, purpose: purpose)
            _ = try await router.complete(request, provider: "local")
            _ = try await router.complete(request, provider: "hosted")
            let sent = server.requests.filter { $0.method == "POST" }.compactMap { $0.json?["max_tokens"] as? Int }
            #expect(sent == [expected, 2048])
        }
    }

    @Test("a call that outlives its kind's timeout fails as a timeout, long before the server answers")
    func perCallTimeout() async throws {
        try await withFakeServer([FakeStep(text: "late", chunkDelayMs: 5_000)]) { server in
            server.serveModels(["m"])
            let router = LLMRouter(configuration: try Self.configuration(server, extra: "call_timeouts = { critic_votes = 0.5 }"))
            let clock = ContinuousClock()
            let start = clock.now
            await #expect(throws: LLMError.self) {
                _ = try await router.complete(ChatRequest(messages: [.user("vote")], stream: false, purpose: .criticVotes),
                                              provider: "local")
            }
            #expect(clock.now - start < .seconds(4))
        }
    }

    @Test("one request at a time reaches a one-slot local server; a higher limit lets them overlap", arguments: [1, 3])
    func concurrencyLimit(limit: Int) async throws {
        try await withFakeServer { server in
            server.serveModels(["m"])
            server.setFallback(FakeStep(chunks: ["a", "b", "c", "d"], chunkDelayMs: 150))
            let router = LLMRouter(configuration: try Self.configuration(server, extra: "max_concurrent_requests = \(limit)"))
            try await withThrowingTaskGroup(of: String.self) { group in
                for n in 0..<3 {
                    group.addTask {
                        try await router.complete(ChatRequest(messages: [.user("call \(n)")], stream: true), provider: "local").reply.text
                    }
                }
                for try await text in group { #expect(text == "abcd") }
            }
            if limit == 1 { #expect(server.maxConcurrentRequests == 1) } else { #expect(server.maxConcurrentRequests >= 2) }
        }
    }

    @Test("a request waiting for the gate leaves at once when cancelled, and the queue moves on")
    func gateWaiterCancellation() async throws {
        let gate = ConcurrencyGate(limit: 1)
        let release = AsyncStream<Void>.makeStream()
        let holder = Task { try await gate.run { for await _ in release.stream { break } } }
        while await gate.inFlight == 0 { await Task.yield() }
        let waiter = Task { try await gate.run { "ran" } }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        let next = Task { try await gate.run { "next" } }
        release.continuation.yield()
        try await holder.value
        #expect(try await next.value == "next")
        #expect(await gate.inFlight == 0)
    }
}
