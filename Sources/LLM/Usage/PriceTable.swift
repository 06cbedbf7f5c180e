/// USD per million tokens for one model (configuration data, never code).
public struct ModelPrice: Sendable, Equatable, Codable {
    public var input: Double
    public var output: Double
    /// Cache prices default to the input price when not configured.
    public var cacheRead: Double?
    public var cacheWrite: Double?

    public init(input: Double, output: Double, cacheRead: Double? = nil, cacheWrite: Double? = nil) {
        self.input = input
        self.output = output
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
    }

    enum CodingKeys: String, CodingKey {
        case input, output, cacheRead = "cache_read", cacheWrite = "cache_write"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let input = try c.decodeNumberIfPresent(forKey: .input),
              let output = try c.decodeNumberIfPresent(forKey: .output) else {
            throw DecodingError.keyNotFound(CodingKeys.input, .init(codingPath: c.codingPath,
                                                                    debugDescription: "a price needs input and output"))
        }
        self.init(input: input, output: output, cacheRead: try c.decodeNumberIfPresent(forKey: .cacheRead),
                  cacheWrite: try c.decodeNumberIfPresent(forKey: .cacheWrite))
    }
}

/// Prices by model id; answers the cost of a call.
public struct PriceTable: Sendable, Equatable {
    public var prices: [String: ModelPrice]

    public init(_ prices: [String: ModelPrice] = [:]) { self.prices = prices }

    /// The price of `model`, also for dated ids (`claude-sonnet-4-5-20250929` → `claude-sonnet-4-5`):
    /// exact match first, else the longest configured id that prefixes it.
    public func price(for model: String) -> ModelPrice? {
        if let exact = prices[model] { return exact }
        return prices.filter { model.hasPrefix($0.key + "-") }.max { $0.key.count < $1.key.count }?.value
    }

    /// Cost in USD; nil when the price or the usage is unknown.
    public func cost(of usage: TokenUsage, model: String) -> Double? {
        guard usage.isKnown, let price = price(for: model) else { return nil }
        let perMillion = Double(usage.inputTokens) * price.input
            + Double(usage.outputTokens) * price.output
            + Double(usage.cacheReadTokens) * (price.cacheRead ?? price.input)
            + Double(usage.cacheWriteTokens) * (price.cacheWrite ?? price.input)
        return perMillion / 1_000_000
    }
}
