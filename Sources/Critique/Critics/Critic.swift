/// A critic reviews the current plan from one perspective and votes on every item of every critic.
///
/// Votes judge consequences, not authorship: `edited` is the review of the plan the item's edit
/// produces (nil when the item has no edit or the edit could not be applied), and each critic asks
/// whether that plan is better or worse *from its own perspective*.
public protocol Critic: Sendable {
    var name: CriticName { get }
    /// Findings about `plan`. Ids are assigned by the orchestrator; leave them empty.
    func review(_ plan: PlanReview, in task: CritiqueTask) async throws -> [FeedbackItem]
    func vote(on item: FeedbackItem, current: PlanReview, edited: PlanReview?, in task: CritiqueTask) async throws -> Vote
}

extension Critic {
    /// Votes that do not depend on a perspective: an edit that cannot be applied is disagreed with by
    /// all; an item without an edit is an observation its author stands by and others take as neutral.
    func commonVote(on item: FeedbackItem, edited: PlanReview?) -> Vote? {
        if item.edit == nil { return item.author == name ? .agree : .neutral }
        if edited == nil { return .disagree }
        return nil
    }
}

/// The three sound critics of the offline default.
public enum SoundCritics {
    public static var all: [any Critic] { [CompletenessCritic(), EfficiencyCritic(), SafetyCritic()] }
}
