/// What a model call is for. Providers may size each kind differently (`CallLimits`): a critic's
/// vote needs a few dozen tokens, a plan a few hundred, an extracted domain model more.
public enum CallPurpose: String, Sendable, Codable, CaseIterable, Equatable {
    case general
    case ping
    /// A first plan (LLM mode's proposer).
    case plan
    /// A revised plan from the accepted critique items.
    case revision
    /// An LLM critic's feedback items (JSON).
    case criticItems = "critic_items"
    /// An LLM critic's votes on a round's items (JSON).
    case criticVotes = "critic_votes"
    /// Free text turned into a domain model (JSON).
    case elicitation
}
