/// Everything the orchestrator reports while it runs, in order. PlansmithCore publishes these on
/// its event bus; `isProgress` marks the ones a slow subscriber may receive coalesced.
public enum CritiqueEvent: Sendable {
    case sessionStarted(source: InitialPlanSource, plan: [String], cost: Int)
    case proposalRejected(round: Int, feedback: String)
    case iterationStarted(Int)
    case criticStarted(iteration: Int, critic: CriticName)
    case criticFinished(iteration: Int, critic: CriticName, items: Int)
    case feedbackItem(iteration: Int, FeedbackItem)
    case vote(iteration: Int, itemId: String, critic: CriticName, Vote)
    case itemScored(iteration: Int, FeedbackItem, ItemScore)
    case refinementApplied(iteration: Int, items: [String], plan: [String], cost: Int)
    case iterationFinished(CritiqueRound)
    case converged(ConvergenceReason)
    /// Streaming text from a model (progress: may be coalesced).
    case llmTokens(text: String)
    case llmUsage(promptTokens: Int, completionTokens: Int)
    case sessionFinished(CritiqueResult)
    case failure(String)

    /// Progress events carry nothing that a later one does not make up for; lifecycle events do.
    public var isProgress: Bool { if case .llmTokens = self { true } else { false } }
}
