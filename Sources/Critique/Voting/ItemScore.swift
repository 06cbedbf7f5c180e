/// The weighted vote on one item: score = Σ weight(critic) × vote(critic). An item is accepted
/// when its score reaches the threshold *and* at least one critic agrees with it: neutral votes
/// alone add up to exactly 0.5, and an item nobody supports must not pass on them.
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
        accepted = Self.passes(score, votes, configuration)
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
        accepted = Self.passes(score, votes, configuration)
    }

    private static func passes(_ score: Double, _ votes: [CriticName: Vote], _ configuration: CritiqueConfiguration) -> Bool {
        score >= configuration.threshold && votes.contains { $0.value == .agree && configuration.weight(of: $0.key) > 0 }
    }
}
