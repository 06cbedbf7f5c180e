import Testing
@testable import LLM

@Suite("LLM configuration from config.toml and the environment")
struct ConfigurationTests {
    @Test("with no config and no keys nothing is usable, and a call says how to fix it")
    func nothingConfigured() async throws {
        let configuration = try LLMConfiguration.load(configText: nil, environment: [:])
        #expect(configuration.providers.map(\.name) == ["anthropic", "openai"])
        #expect(configuration.providers.allSatisfy { !$0.isUsable })
        let router = LLMRouter(configuration: configuration)
        await #expect(throws: LLMError.noProviderAvailable(tier: nil)) {
            try await router.complete(ChatRequest(messages: [.user("hi")]))
        }
        #expect(LLMError.noProviderAvailable(tier: nil).description.contains("ANTHROPIC_API_KEY"))
    }

    @Test("keys and base URLs come from the environment; default tiers and prices apply")
    func environmentOverrides() throws {
        let configuration = try LLMConfiguration.load(configText: nil, environment: [
            "ANTHROPIC_API_KEY": "sk-ant-abcdefghijkl", "OPENAI_BASE_URL": "http://localhost:11434/v1",
        ])
        let anthropic = try #require(configuration.provider(named: "anthropic"))
        #expect(anthropic.isUsable && anthropic.endpoint.baseURL == "https://api.anthropic.com")
        let openai = try #require(configuration.provider(named: "openai"))
        #expect(openai.endpoint.baseURL == "http://localhost:11434/v1")
        #expect(openai.isUsable)  // a loopback server needs no key
        #expect(openai.endpoint.maxTokensField == "max_tokens")
        #expect(try configuration.candidates(tier: "critic", provider: nil).map(\.model) == ["claude-haiku-4-5", "gpt-5-mini"])
        #expect(configuration.prices.price(for: "claude-sonnet-4-5-20250929")?.output == 15)
    }

    @Test("config.toml providers, tiers, prices and limits replace or extend the defaults")
    func fullConfig() throws {
        let text = """
        [ui]
        theme = "dark"

        [llm]
        preference = ["local", "anthropic"]
        default_tier = "critic"
        max_retries = 4
        session_budget_usd = 2.5
        cost_aware = true

        [llm.providers.local]
        kind = "openai"
        base_url = "http://127.0.0.1:8080/v1"
        models = ["qwen3:8b"]

        [llm.providers.anthropic]
        kind = "anthropic"
        api_key_env = "MY_ANTHROPIC_KEY"
        models = ["claude-haiku-4-5"]

        [llm.tiers]
        critic = ["qwen3:8b", "claude-haiku-4-5"]

        [llm.prices."qwen3:8b"]
        input = 0
        output = 0
        """
        let configuration = try LLMConfiguration.load(configText: text, environment: ["MY_ANTHROPIC_KEY": "sk-ant-0123456789"])
        #expect(configuration.providers.map(\.name) == ["local", "anthropic"])
        #expect(configuration.retry.maxRetries == 4 && configuration.sessionBudgetUSD == 2.5)
        #expect(configuration.provider(named: "anthropic")?.isUsable == true)
        let critic = try configuration.candidates(tier: nil, provider: nil)
        #expect(critic == [ModelTarget(provider: "local", model: "qwen3:8b"),
                           ModelTarget(provider: "anthropic", model: "claude-haiku-4-5")])
        #expect(configuration.prices.price(for: "gpt-4.1") != nil)  // default prices still merged in
    }

    @Test("bad configuration gives a clear error naming the problem")
    func badConfig() {
        #expect(throws: LLMConfigurationError.self) {
            try LLMConfiguration.load(configText: "[llm\npreference = 1", environment: [:])
        }
        #expect(throws: LLMConfigurationError.unknownProvider(tier: "planner", entry: "nobody/x")) {
            try LLMConfiguration.load(configText: "[llm.tiers]\nplanner = [\"nobody/x\"]", environment: [:])
        }
        #expect(throws: LLMConfigurationError.unknownModel(tier: "critic", entry: "mystery-model")) {
            try LLMConfiguration.load(configText: "[llm.tiers]\ncritic = [\"mystery-model\"]", environment: [:])
        }
    }

    @Test("an unknown tier or provider in a call is an error, not a silent default")
    func unknownNames() throws {
        let configuration = try LLMConfiguration.load(configText: nil, environment: ["ANTHROPIC_API_KEY": "sk-ant-abcdefghijkl"])
        #expect(throws: LLMError.unknownTier("poet")) { try configuration.candidates(tier: "poet", provider: nil) }
        #expect(throws: LLMError.unknownProvider("mistral")) { try configuration.candidates(tier: nil, provider: "mistral") }
    }
}
