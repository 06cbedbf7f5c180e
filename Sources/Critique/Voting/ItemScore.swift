/// The weighted vote on one item: score = Σ weight(critic) × vote(critic).
public struct ItemScore: Codable, Sendable, Hashable {
    public var itemId: String
    public var votes: [CriticName: Vote]
    public var score: Double
    public var accepted: Bool

    /// Critics without a configured weight count with weight 0 (they are recorded, not counted).
    public init(itemId: String, votes: [CriticName: Vote], configuration: CritiqueConfiguration) {
        self.itemId = itemId
        self.votes = votes
        let raw = votes.reduce(0.0) { $0 + configuration.weight(of: $1.key) * $1.value.rawValue }
        // Round away float noise so 0.3 + 0.2 compares equal to a 0.5 threshold.
        score = (raw * 1e9).rounded() / 1e9
        accepted = score >= configuration.threshold
    }
}
