extension LLMRouter {
    /// Sends a tiny request to each provider (or just `provider`) through the full chain.
    /// Providers without a key are reported as failed without a request.
    public func ping(provider: String? = nil) async -> [PingResult] {
        let names = provider.map { [$0] } ?? configuration.providers.map(\.name)
        var results: [PingResult] = []
        for name in names {
            results.append(await pingOne(name))
        }
        return results
    }

    private func pingOne(_ name: String) async -> PingResult {
        guard let provider = configuration.provider(named: name) else {
            return PingResult(provider: name, model: nil, ok: false, latencyMs: 0, attempts: 0,
                              error: "unknown provider \(name)", redactedKey: nil, baseURL: "")
        }
        var result = PingResult(provider: name, model: nil, ok: false, latencyMs: 0, attempts: 0, error: nil,
                                redactedKey: provider.endpoint.apiKey?.redacted, baseURL: provider.endpoint.baseURL)
        guard provider.isUsable else {
            result.model = provider.models.first
            result.error = "no API key (\(provider.apiKeyVariable ?? "api_key_env") is not set)"
            return result
        }
        let request = ChatRequest(messages: [.user("Reply with the single word: pong")], maxTokens: 16, stream: false,
                                  purpose: .ping)
        let model = (try? configuration.candidates(tier: nil, provider: name))?.first?.model ?? provider.models.first
        result.model = model
        let start = ContinuousClock.now
        do {
            let answer = try await complete(request, provider: name, session: "llm-ping")
            result.ok = true
            // The model that answered: a local server's real model rather than `auto`.
            result.model = answer.reply.model.isEmpty ? answer.target.model : answer.reply.model
            result.attempts = answer.attempts
        } catch {
            result.error = provider.endpoint.apiKey?.scrub(String(describing: error)) ?? String(describing: error)
            if case .allProvidersFailed(let failures) = error as? LLMError { result.attempts = failures.filter(\.wasSent).count }
            if case .rejected = error as? LLMError { result.attempts = 1 }
        }
        result.latencyMs = Int((ContinuousClock.now - start).milliseconds)
        return result
    }

    /// Every configured provider with its models, tiers, prices and (redacted) key.
    public func listModels() -> [ModelListing] {
        configuration.providers.map { provider in
            var tiers: [String: [String]] = [:]
            for (tier, targets) in configuration.tiers {
                let models = targets.filter { $0.provider == provider.name }.map(\.model)
                if !models.isEmpty { tiers[tier] = models }
            }
            let models = provider.models + tiers.values.flatMap { $0 }.filter { !provider.models.contains($0) }
            var prices: [String: ModelPrice?] = [:]
            for model in models {
                prices[model] = provider.endpoint.isFree ? ModelPrice(input: 0, output: 0) : configuration.prices.price(for: model)
            }
            return ModelListing(provider: provider.name, kind: provider.endpoint.kind, baseURL: provider.endpoint.baseURL,
                                apiKeyVariable: provider.apiKeyVariable, redactedKey: provider.endpoint.apiKey?.redacted,
                                usable: provider.isUsable, models: models, tiers: tiers, prices: prices)
        }
    }
}
