/// The `[llm]` section used when config.toml has none, and the base that a user's sections
/// are merged onto (prices merge per model, tiers per name; `providers`, if given, replace these).
/// Prices: USD per million tokens, from `shared/docs/llm-wire-formats.md` §5 (compiled
/// 2026-11-25, not read from the vendors' live pages — re-check before billing use).
enum DefaultLLMConfiguration {
    static let toml = """
    [llm]
    preference = ["anthropic", "openai"]
    default_tier = "planner"
    max_retries = 2
    cost_aware = false

    [llm.circuit_breaker]
    failure_threshold = 3
    cooldown_seconds = 30

    [llm.timeouts]
    connect_seconds = 10
    idle_seconds = 120
    total_seconds = 600

    [llm.providers.anthropic]
    kind = "anthropic"
    api_key_env = "ANTHROPIC_API_KEY"
    base_url_env = "ANTHROPIC_BASE_URL"
    models = ["claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-5"]

    [llm.providers.openai]
    kind = "openai"
    api_key_env = "OPENAI_API_KEY"
    base_url_env = "OPENAI_BASE_URL"
    models = ["gpt-4.1", "gpt-5-mini", "gpt-5"]

    [llm.tiers]
    planner = ["anthropic/claude-sonnet-4-5", "openai/gpt-4.1"]
    critic = ["anthropic/claude-haiku-4-5", "openai/gpt-5-mini"]

    [llm.prices."claude-opus-4-5"]
    input = 5.0
    output = 25.0
    cache_read = 0.5
    cache_write = 6.25

    [llm.prices."claude-sonnet-4-5"]
    input = 3.0
    output = 15.0
    cache_read = 0.3
    cache_write = 3.75

    [llm.prices."claude-haiku-4-5"]
    input = 1.0
    output = 5.0
    cache_read = 0.1
    cache_write = 1.25

    [llm.prices."gpt-5"]
    input = 1.25
    output = 10.0

    [llm.prices."gpt-5-mini"]
    input = 0.25
    output = 2.0

    [llm.prices."gpt-4.1"]
    input = 2.0
    output = 8.0
    cache_read = 0.5

    [llm.prices."gpt-4o-mini"]
    input = 0.15
    output = 0.6
    """
}
