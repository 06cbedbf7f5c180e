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
    /// Votes on all of a round's items at once, by item id. The default asks `vote` item by item;
    /// an LLM critic answers the whole ballot in one model call. An id missing from the result is
    /// an abstention, recorded as a failure of this critic.
    func votes(on ballots: [Ballot], current: PlanReview, in task: CritiqueTask) async throws -> [String: Vote]
}

/// One item up for a vote, with the review of the plan its edit produces (nil: no edit, or the
/// edit does not apply).
public struct Ballot: Sendable {
    public var item: FeedbackItem
    public var edited: PlanReview?
    public init(item: FeedbackItem, edited: PlanReview?) {
        self.item = item
        self.edited = edited
    }
}

extension Critic {
    public func votes(on ballots: [Ballot], current: PlanReview, in task: CritiqueTask) async throws -> [String: Vote] {
        var votes: [String: Vote] = [:]
        for ballot in ballots {
            votes[ballot.item.id] = try await vote(on: ballot.item, current: current, edited: ballot.edited, in: task)
        }
        return votes
    }
}

/// A critic or reviser backed by a model reports the tokens it used since it was last asked, so
/// the orchestrator can publish them as `.llmUsage` events.
public protocol ReportsModelUsage: Sendable {
    func takeUsage() -> (prompt: Int, completion: Int)?
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
