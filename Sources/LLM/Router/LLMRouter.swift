// How a call travels (each link is a small `LLMMiddleware`, outermost first):
//
//   UsageLogMiddleware   publishes .started / .token / .finished | .failed and writes one
//                        UsageRecord per call (whatever happened below)
//   BudgetMiddleware     refuses the call if the session's budget is spent; charges the cost
//   FailoverMiddleware   walks the candidates (tier list, usable providers, cost-aware order),
//                        skips open circuits, retries per RetryPolicy, fails over, and emits
//                        .restart to the caller when a stream that already sent text is retried
//   ProviderLink         the adapter for the target's wire format; prices the reply
//
// Failure policy (RetryPolicy.classify): retry the same provider on 408/409/429/5xx/529, timeouts,
// lost connections, truncated or garbled answers (waiting `retry-after` when it is ≤ 60 s, else
// back-off 0.5 s·2ⁿ capped at 8 s, minus up to 25 % jitter); go straight to the next provider on
// 401/402/403, spent quotas, `retry-after` > 60 s, `x-should-retry: false`; stop on other 4xx.

/// The entry point for model calls: builds the chain usage log → budget → retry/failover →
/// provider from a configuration, and runs calls through it.
public final class LLMRouter: Sendable {
    public let configuration: LLMConfiguration
    public let ledger: BudgetLedger
    public let breaker: CircuitBreaker
    let adapters: [String: ProviderAdapter]
    private let chain: @Sendable (LLMCall) async throws -> LLMResult

    /// - Parameters:
    ///   - recorder: receives one usage row per call (the Store's implementation in the app).
    ///   - events: receives every `LLMEvent`; see `LLMEvent.makeStream()` for an `AsyncStream`.
    ///   - environment: clock, sleep and randomness (tests pass a `ManualClock`'s).
    public init(configuration: LLMConfiguration, client: HTTPClient = CurlHTTPClient(),
                recorder: UsageRecorder = InMemoryUsageRecorder(),
                events: @escaping @Sendable (LLMEvent) -> Void = { _ in },
                environment: RouterEnvironment = .live) {
        self.configuration = configuration
        let ledger = BudgetLedger(defaultLimitUSD: configuration.sessionBudgetUSD)
        let breaker = CircuitBreaker(threshold: configuration.breakerThreshold,
                                     cooldown: configuration.breakerCooldown, now: environment.now)
        var adapters: [String: ProviderAdapter] = [:]
        for provider in configuration.providers {
            adapters[provider.name] = provider.endpoint.makeAdapter(client: client)
        }
        self.ledger = ledger
        self.breaker = breaker
        self.adapters = adapters
        let paths = Dictionary(uniqueKeysWithValues: configuration.providers.map {
            ($0.name, $0.endpoint.kind == .anthropic ? "/v1/messages" : "/chat/completions")
        })
        let links: [LLMMiddleware] = [
            UsageLogMiddleware(recorder: recorder, events: events, now: environment.now,
                               endpointPath: { name in name.flatMap { paths[$0] } }),
            BudgetMiddleware(ledger: ledger),
            FailoverMiddleware(policy: configuration.retry, breaker: breaker, environment: environment,
                               candidates: { call in try configuration.candidates(tier: call.tier, provider: call.provider) },
                               events: events),
        ]
        let terminal = ProviderLink(adapters: adapters, prices: configuration.prices, now: environment.now)
        var next: @Sendable (LLMCall) async throws -> LLMResult = { try await terminal($0) }
        for link in links.reversed() {
            let inner = next
            next = { try await link.handle($0, next: inner) }
        }
        chain = next
    }

    /// Runs one call. Throws `LLMError`.
    public func complete(_ request: ChatRequest, tier: String? = nil, provider: String? = nil,
                         session: String = "default",
                         onText: @escaping @Sendable (TextDelta) -> Void = { _ in }) async throws -> LLMResult {
        try await chain(LLMCall(request: request, tier: tier, provider: provider, session: session, onText: onText))
    }
}
