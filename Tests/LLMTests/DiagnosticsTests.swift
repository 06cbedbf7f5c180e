import FakeLLMServer
import Testing
@testable import LLM

@Suite("llm ping and llm models data")
struct DiagnosticsTests {
    @Test("ping reports each provider's model, success, attempts and the architecture JSON shape")
    func ping() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(.error(500), .reply("pong"))
            f.secondary.setFallback(.error(401))
            let results = await (try f.router()).ping()
            #expect(results.map(\.provider) == ["anthropic", "openai"])
            let anthropic = results[0], openai = results[1]
            #expect(anthropic.ok && anthropic.attempts == 2 && anthropic.model == "claude-sonnet-4-5")
            #expect(anthropic.redactedKey == "sk-…abcd")
            #expect(!openai.ok && openai.error?.contains("HTTP 401") == true)
            let json = try JSONValue.parse(anthropic.jsonText)
            #expect(json.objectValue?.keys.sorted() == ["attempts", "error", "latency_ms", "model", "ok", "provider", "schema"])
            #expect(json["schema"] == 1 && json["error"] == .null)
            #expect(f.secondary.requests.count == 1)  // 401: no retry
        }
    }

    @Test("ping of a provider without a key fails without sending anything")
    func pingWithoutKey() async throws {
        let configuration = try LLMConfiguration.load(configText: nil, environment: [:])
        let results = await LLMRouter(configuration: configuration).ping(provider: "anthropic")
        #expect(results.count == 1 && !results[0].ok && results[0].attempts == 0)
        #expect(results[0].error?.contains("ANTHROPIC_API_KEY") == true)
    }

    @Test("models lists providers with models, tiers, prices and a redacted key")
    func models() throws {
        let configuration = try LLMConfiguration.load(configText: nil, environment: ["OPENAI_API_KEY": "sk-abcdefghijklmnop"])
        let listings = LLMRouter(configuration: configuration).listModels()
        let openai = try #require(listings.first { $0.provider == "openai" })
        #expect(openai.usable && openai.redactedKey == "sk-…mnop")
        #expect(openai.tiers["critic"] == ["gpt-5-mini"])
        #expect(openai.prices["gpt-4.1"]??.input == 2)
        #expect(openai.summary.contains("gpt-5-mini") && openai.summary.contains("tiers: critic"))
        let anthropic = try #require(listings.first { $0.provider == "anthropic" })
        #expect(!anthropic.usable && anthropic.summary.contains("ANTHROPIC_API_KEY not set"))
    }
}
