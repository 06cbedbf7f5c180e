/// The perspective an LLM critic takes: the same three roles as the sound critics.
public enum CriticRole: String, Sendable, CaseIterable, Codable {
    case completeness, efficiency, safety

    /// The sound critic's name for this role.
    public var soundName: CriticName { CriticName(rawValue) }
    /// The LLM critic's name: `llm-completeness`, … (its weight key in the configuration).
    public var llmName: CriticName { CriticName("llm-" + rawValue) }

    var perspective: String {
        switch self {
        case .completeness:
            "You judge COMPLETENESS: does every step execute, is the goal reached, does every step contribute to the goal?"
        case .efficiency:
            "You judge EFFICIENCY: is the plan as cheap as possible? Look for redundant steps, detours and segments that a cheaper sequence could replace."
        case .safety:
            "You judge SAFETY: can executing the plan go wrong? Look for irreversible steps, dead ends, and goal facts that are destroyed and re-achieved."
        }
    }
}

extension CritiqueConfiguration {
    /// The configuration for sound + LLM critics: each role's weight is split between its sound
    /// critic and its LLM critic (`share` to the LLM critic, default half). The total weight stays
    /// what it was, so scores stay in [0, 1] and the threshold keeps its meaning — and, with the
    /// default split, the three LLM critics agreeing reach the 0.5 threshold on their own. That is
    /// deliberate: the validator's veto, not the vote, is what keeps invalid plans out, and the
    /// session records how often LLM critics approved an edit the validator rejected.
    public func withLLMCritics(share: Double = 0.5) -> CritiqueConfiguration {
        var copy = self
        for role in CriticRole.allCases {
            let weight = weights[role.rawValue] ?? 0
            copy.weights[role.rawValue] = weight * (1 - share)
            copy.weights[role.llmName.rawValue] = weight * share
        }
        return copy
    }
}
