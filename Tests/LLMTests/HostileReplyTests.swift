import FakeLLMServer
import Foundation
import Testing
@testable import LLM

/// Replies no real provider should send — impossible token counts, bodies without end — reach the
/// client over real HTTP from the fake server; the client must answer with a result or a clear
/// error, never trap and never read without bound.
@Suite("Hostile provider replies")
struct HostileReplyTests {
    static let badCounts: [Double] = [1e300, -1, 1.5, 9.3e18]
    static let kinds: [ProviderKind] = [.anthropic, .openAI]

    @Test("JSON numbers that are not whole Ints give no intValue instead of trapping")
    func intValueNeverTraps() throws {
        for text in ["1e300", "-1e300", "1.5", "9223372036854775808", "1.7976931348623157e308"] {
            #expect(try JSONValue.parse(text).intValue == nil, "\(text)")
        }
        #expect(try JSONValue.parse("-1").intValue == -1)
        #expect(try JSONValue.parse("42").intValue == 42)
        #expect(JSONValue.number(.nan).intValue == nil && JSONValue.number(.infinity).intValue == nil)
    }

    @Test("the router returns a result with unknown usage for impossible token counts",
          arguments: badCounts, [false, true])
    func impossibleCountsThroughTheRouter(count: Double, stream: Bool) async throws {
        try await withRouterFixture { f in
            // Anthropic primary answers directly; the second call goes to the OpenAI secondary.
            f.primary.enqueue(FakeStep(text: "odd counts", inputTokensNumber: count, outputTokensNumber: count),
                              .error(401))
            f.secondary.enqueue(FakeStep(text: "odd counts", inputTokensNumber: count, outputTokensNumber: count))
            let router = try f.router(extraTOML: """
            [llm.prices."claude-sonnet-4-5"]
            input = 3
            output = 15
            [llm.prices."gpt-4.1"]
            input = 2
            output = 8
            """)
            let request = ChatRequest(messages: [.user("hello")], maxTokens: 20, stream: stream)
            for provider in ["anthropic", "openai"] {
                let result = try await router.complete(request, session: "hostile")
                #expect(result.reply.text == "odd counts", "\(provider)")
                #expect(!result.reply.usage.isKnown, "\(provider): \(result.reply.usage)")
                #expect(result.costUSD == nil, "\(provider)")
            }
            let rows = await f.recorder.records
            #expect(rows.count == 2 && rows.allSatisfy { $0.succeeded && !$0.usage.isKnown })
            #expect(router.ledger.spent(by: "hostile") == 0)
        }
    }

    @Test("a sane count next to an impossible one still makes the whole usage unknown", arguments: kinds)
    func oneBadCountSpoilsTheUsage(kind: ProviderKind) async throws {
        try await withFakeServer([FakeStep(text: "x", inputTokens: 10, outputTokensNumber: -1),
                                  FakeStep(text: "x", outputTokens: 3, inputTokensNumber: 1e300)]) { server in
            let adapter = fakeEndpoint(server, kind).makeAdapter()
            for stream in [false, true] {
                let reply = try await adapter.complete(ChatRequest(messages: [.user("hi")], maxTokens: 9, stream: stream),
                                                       model: "m", onText: { _ in })
                #expect(!reply.usage.isKnown, "stream \(stream): \(reply.usage)")
            }
        }
    }

    @Test("an endless streamed line ends with the reply-size error", arguments: kinds)
    func endlessLine(kind: ProviderKind) async throws {
        try await expectCapped(kind, FakeStep(fault: .endlessLine))
    }

    @Test("an endless stream of text deltas ends with the reply-size error", arguments: kinds)
    func endlessDeltas(kind: ProviderKind) async throws {
        try await expectCapped(kind, FakeStep(text: "and on ", fault: .endlessDeltas))
    }

    @Test("the router fails an endless stream over instead of retrying it")
    func endlessStreamFailsOver() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(FakeStep(fault: .endlessDeltas))
            f.secondary.enqueue(.reply("from the secondary"))
            let router = try f.router(llmSettings: "max_reply_bytes = 65536")
            let result = try await router.complete(ChatRequest(messages: [.user("hi")], maxTokens: 9, stream: true))
            #expect(result.reply.text == "from the secondary")
            #expect(f.eventLog.failoverActions == [.failover])
        }
    }

    @Test("out-of-range numbers in config.toml are refused by name, not turned into traps")
    func configRanges() {
        let cases = ["[llm.timeouts]\ntotal_seconds = 1e300", "[llm.timeouts]\nidle_seconds = nan",
                     "[llm.timeouts]\nconnect_seconds = -1", "[llm.circuit_breaker]\ncooldown_seconds = inf",
                     "[llm]\nsession_budget_usd = nan", "[llm]\nmax_retries = 9223372036854775807",
                     "[llm]\nmax_reply_bytes = 0", "[llm.prices.\"m\"]\ninput = inf\noutput = 1"]
        for text in cases {
            #expect(throws: LLMConfigurationError.self, "\(text)") { try LLMConfiguration.load(configText: text, environment: [:]) }
        }
    }

    /// Streams `step` into an adapter whose reply cap is 256 KiB: the call must fail with
    /// `.bodyTooLarge` soon after the cap, with the partial text far below it.
    private func expectCapped(_ kind: ProviderKind, _ step: FakeStep) async throws {
        let cap = 256 << 10
        try await withFakeServer([step]) { server in
            var endpoint = fakeEndpoint(server, kind)
            endpoint.maxReplyBytes = cap
            let received = ByteCounter()
            let start = ContinuousClock.now
            await #expect(throws: ProviderError.transport(.bodyTooLarge(limit: cap))) {
                _ = try await endpoint.makeAdapter().complete(ChatRequest(messages: [.user("hi")], maxTokens: 9),
                                                              model: "m", onText: { received.add($0.utf8.count) })
            }
            #expect(received.total <= cap)
            #expect(ContinuousClock.now - start < .seconds(20))
        }
    }
}

/// Counts streamed text bytes from a `@Sendable` callback.
private final class ByteCounter: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
    var total: Int { lock.lock(); defer { lock.unlock() }; return count }
}
