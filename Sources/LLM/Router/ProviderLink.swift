/// The terminal link: sends the call to its target's adapter and prices the reply.
struct ProviderLink: Sendable {
    let adapters: [String: ProviderAdapter]
    let prices: PriceTable
    let now: @Sendable () -> Duration

    func callAsFunction(_ call: LLMCall) async throws -> LLMResult {
        guard let target = call.target, let adapter = adapters[target.provider] else {
            throw LLMError.unknownProvider(call.target?.provider ?? "(none)")
        }
        let start = now()
        let onText = call.onText
        let reply = try await adapter.complete(call.request, model: target.model, onText: { onText(.text($0)) })
        let cost = prices.cost(of: reply.usage, model: reply.model) ?? prices.cost(of: reply.usage, model: target.model)
        return LLMResult(reply: reply, target: target, attempts: 1, latency: now() - start, costUSD: cost)
    }
}
