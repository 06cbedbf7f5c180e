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

    /// A score when some critics abstained (a failed LLM critic): the weighted votes of those who
    /// voted, scaled up to `sessionWeight` (the summed weight of all the session's critics), so a
    /// failed critic's weight is shared among the others instead of counting as "disagree". With
    /// every critic voting this equals the plain score.
    public init(itemId: String, votes: [CriticName: Vote], configuration: CritiqueConfiguration, sessionWeight: Double) {
        self.init(itemId: itemId, votes: votes, configuration: configuration)
        let voted = votes.keys.reduce(0.0) { $0 + configuration.weight(of: $1) }
        guard voted > 0, voted < sessionWeight - 1e-12 else { return }
        score = (score * sessionWeight / voted * 1e9).rounded() / 1e9
        accepted = score >= configuration.threshold
    }
}
