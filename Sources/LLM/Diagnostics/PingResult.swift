/// Whether one provider answered, for `plansmith llm ping`.
public struct PingResult: Sendable, Equatable {
    public var provider: String
    public var model: String?
    public var ok: Bool
    public var latencyMs: Int
    public var attempts: Int
    /// Already free of secrets.
    public var error: String?
    public var redactedKey: String?
    public var baseURL: String

    /// The `llm ping --json` object (architecture.md, schema 1), one line.
    public var jsonText: String {
        let object: JSONValue = [
            "schema": 1, "provider": .string(provider), "model": model.map { .string($0) } ?? .null,
            "ok": .bool(ok), "latency_ms": .number(Double(latencyMs)), "attempts": .number(Double(attempts)),
            "error": error.map { .string($0) } ?? .null,
        ]
        return object.jsonText
    }

    /// One human-readable line.
    public var summary: String {
        let status = ok ? "ok" : "FAILED"
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        var line = "\(provider)  \(model ?? "-")  \(status)  \(latencyMs) ms  \(tries)  key \(redactedKey ?? "(none)")  \(baseURL)"
        if let error { line += "\n  \(error)" }
        return line
    }
}

/// One configured provider, for `plansmith llm models`.
public struct ModelListing: Sendable, Equatable {
    public var provider: String
    public var kind: ProviderKind
    public var baseURL: String
    public var apiKeyVariable: String?
    public var redactedKey: String?
    public var usable: Bool
    public var models: [String]
    /// Tier names whose candidates include this provider, with the model each uses.
    public var tiers: [String: [String]]
    /// Prices per model (USD per million tokens), nil where none is configured.
    public var prices: [String: ModelPrice?]

    public var summary: String {
        let key = redactedKey.map { "key \($0)" } ?? "no key\(apiKeyVariable.map { " (\($0) not set)" } ?? "")"
        var lines = ["\(provider) (\(kind.rawValue)) \(baseURL)  \(key)\(usable ? "" : "  [not usable]")"]
        for model in models {
            let price = kind == .local ? "free (runs locally)"
                : (prices[model] ?? nil).map { "$\($0.input)/$\($0.output) per 1M in/out" } ?? "no price"
            let shown = kind == .local && model == LocalServerAdapter.discoveredModel ? "auto (the model the server has loaded)" : model
            let inTiers = tiers.filter { $0.value.contains(model) }.keys.sorted()
            lines.append("  \(shown)  \(price)\(inTiers.isEmpty ? "" : "  tiers: " + inTiers.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
