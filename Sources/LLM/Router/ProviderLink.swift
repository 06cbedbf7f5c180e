/// The terminal link: applies the provider's `CallLimits` (token cap and timeout for the call's
/// purpose, the concurrency gate), sends the call to its target's adapter and prices the reply
/// (nothing for a local server).
struct ProviderLink: Sendable {
    let adapters: [String: ProviderAdapter]
    let gates: [String: ConcurrencyGate]
    let prices: PriceTable
    let now: @Sendable () -> Duration

    init(adapters: [String: ProviderAdapter], prices: PriceTable, now: @escaping @Sendable () -> Duration) {
        self.adapters = adapters
        self.prices = prices
        self.now = now
        var gates: [String: ConcurrencyGate] = [:]
        for (name, adapter) in adapters {
            if let limit = adapter.endpoint.limits.maxConcurrentRequests { gates[name] = ConcurrencyGate(limit: limit) }
        }
        self.gates = gates
    }

    func callAsFunction(_ call: LLMCall) async throws -> LLMResult {
        guard let target = call.target, let adapter = adapters[target.provider] else {
            throw LLMError.unknownProvider(call.target?.provider ?? "(none)")
        }
        let limits = adapter.endpoint.limits
        var request = call.request
        request.maxTokens = limits.maxTokens(for: request.purpose, asked: request.maxTokens)
        if let timeout = limits.timeout(for: request.purpose) { request.timeout = min(request.timeout ?? timeout, timeout) }
        let onText = call.onText
        let send: @Sendable () async throws -> (ChatReply, Duration) = { [request, now] in
            // Timed from when the request leaves, not from when it joined the queue.
            let start = now()
            let reply = try await adapter.complete(request, model: target.model, onText: { onText(.text($0)) })
            return (reply, now() - start)
        }
        let (reply, latency): (ChatReply, Duration)
        if let gate = gates[target.provider] { (reply, latency) = try await gate.run(send) } else { (reply, latency) = try await send() }
        let cost = adapter.endpoint.isFree ? 0
            : prices.cost(of: reply.usage, model: reply.model) ?? prices.cost(of: reply.usage, model: target.model)
        return LLMResult(reply: reply, target: target, attempts: 1, latency: latency, costUSD: cost)
    }
}
