import FakeLLMServer
import Foundation
import Testing
@testable import LLM

@Suite("Router circuit breaker, budget, cost, events and usage rows")
struct RouterAccountingTests {
    let hello = ChatRequest(messages: [.user("hello")], maxTokens: 20, stream: false)

    @Test("prices the call from the configured table and records one usage row")
    func costAndUsageRow() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(.reply("priced", inputTokens: 1000, outputTokens: 500))
            let router = try f.router(extraTOML: """
            [llm.prices."claude-sonnet-4-5"]
            input = 3
            output = 15.0
            """)
            let result = try await router.complete(hello, session: "s1")
            let cost = try #require(result.costUSD)
            #expect(abs(cost - 0.0105) < 1e-12)  // 1000·3/1e6 + 500·15/1e6
            let rows = await f.recorder.records
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(row.succeeded && row.provider == "anthropic" && row.model == "claude-sonnet-4-5")
            #expect(row.endpoint == "/v1/messages" && row.statusCode == 200 && row.session == "s1")
            #expect(row.usage == TokenUsage(inputTokens: 1000, outputTokens: 500) && row.costUSD == result.costUSD)
            #expect(row.requestID == "req_fake_1")
            #expect(router.ledger.spent(by: "s1") == cost)
        }
    }

    @Test("only the successful attempt's usage is billed")
    func billsOnlySuccess() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(.error(500), .reply("ok", inputTokens: 100, outputTokens: 100))
            let result = try await f.router().complete(hello)
            #expect(result.reply.usage.inputTokens == 100 && result.attempts == 2)
            #expect(await f.recorder.records.count == 1)
        }
    }

    @Test("a spent session budget stops further calls before any request is sent")
    func budgetStopsCalls() async throws {
        try await withRouterFixture { f in
            f.primary.setFallback(.reply("costly", inputTokens: 10_000, outputTokens: 10_000))
            let router = try f.router()
            router.ledger.setLimit(0.1, for: "tight")
            _ = try await router.complete(hello, session: "tight")  // costs 0.03 + 0.15 = 0.18
            await #expect(throws: LLMError.self) { try await router.complete(hello, session: "tight") }
            #expect(f.primary.requests.count == 1)
            _ = try await router.complete(hello, session: "other")  // other sessions are unaffected
            #expect(f.primary.requests.count == 2)
        }
    }

    @Test("session_budget_usd from config.toml applies to every session")
    func budgetFromConfig() async throws {
        try await withRouterFixture { f in
            let configuration = try LLMConfiguration.load(
                configText: RouterFixture.baseTOML.replacingOccurrences(of: "max_retries = 2", with: "max_retries = 2\nsession_budget_usd = 0"),
                environment: f.environment)
            #expect(configuration.sessionBudgetUSD == 0)
            let router = LLMRouter(configuration: configuration, environment: f.clock.environment())
            await #expect(throws: LLMError.budgetExhausted(session: "default", spentUSD: 0, limitUSD: 0)) {
                try await router.complete(hello)
            }
            #expect(f.primary.requests.isEmpty)
        }
    }

    @Test("an open circuit skips the provider until the cooldown, then lets one trial through")
    func circuitBreaker() async throws {
        try await withRouterFixture { f in
            f.primary.setFallback(.error(500))
            f.secondary.setFallback(.reply("backup"))
            let router = try f.router(extraTOML: """
            [llm.circuit_breaker]
            failure_threshold = 3
            cooldown_seconds = 30
            """)
            _ = try await router.complete(hello)
            #expect(f.primary.requests.count == 3)
            #expect(router.breaker.state(of: "anthropic") == .open)
            _ = try await router.complete(hello)
            #expect(f.primary.requests.count == 3)  // skipped while open
            f.clock.advance(by: .seconds(31))
            #expect(router.breaker.state(of: "anthropic") == .halfOpen)
            f.primary.setFallback(.reply("recovered"))
            let result = try await router.complete(hello)
            #expect(result.target.provider == "anthropic" && f.primary.requests.count == 4)
            #expect(router.breaker.state(of: "anthropic") == .closed)
        }
    }

    @Test("publishes start, tokens and end with usage and cost, in order")
    func eventsForSuccess() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(FakeStep(text: "one two", chunkSize: 4))
            var request = hello
            request.stream = true
            _ = try await f.router().complete(request, tier: "critic")
            let events = f.eventLog.all
            guard case .started(_, let tier, _) = events.first else { Issue.record("no start"); return }
            #expect(tier == "critic")
            let tokens = events.compactMap { if case .token(_, .text(let t)) = $0 { return t }; return nil }
            #expect(tokens == ["one ", "two"])
            guard case .finished(let record) = events.last else { Issue.record("no end"); return }
            #expect(record.model == "claude-haiku-4-5" && record.usage.outputTokens == 7)
            #expect(record.costUSD != nil)  // haiku has a default price
        }
    }

    @Test("a failed call publishes its attempts and an error event, and records a failed row")
    func eventsForFailure() async throws {
        try await withRouterFixture { f in
            f.primary.setFallback(.error(503))
            f.secondary.setFallback(.error(503))
            await #expect(throws: LLMError.self) { try await f.router().complete(hello) }
            #expect(f.eventLog.failoverActions.count == 6)
            guard case .failed(let record) = f.eventLog.all.last else { Issue.record("no error event"); return }
            #expect(!record.succeeded && record.provider == "openai" && record.attempts == 6)
            #expect(record.error?.contains("HTTP 503") == true)
            #expect(await f.recorder.records.last?.succeeded == false)
        }
    }

    @Test("forcing a provider gives no failover to others")
    func forcedProvider() async throws {
        try await withRouterFixture { f in
            f.primary.setFallback(.error(500))
            await #expect(throws: LLMError.self) { try await f.router().complete(hello, provider: "anthropic") }
            #expect(f.secondary.requests.isEmpty)
        }
    }

    @Test("cost-aware ordering tries the cheapest model of a tier first")
    func costAware() async throws {
        try await withRouterFixture { f in
            // The fixture's TOML ends inside [llm.tiers], so a bare key adds a tier.
            let router = try f.router(extraTOML: #"mixed = ["anthropic/claude-sonnet-4-5", "openai/gpt-5-mini"]"#)
            #expect(try router.configuration.candidates(tier: "mixed", provider: nil).first?.provider == "anthropic")
            var configuration = router.configuration
            configuration.costAware = true
            #expect(try configuration.candidates(tier: "mixed", provider: nil).first?.model == "gpt-5-mini")
        }
    }
}
