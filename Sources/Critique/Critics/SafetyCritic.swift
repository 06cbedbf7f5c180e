/// Can executing the plan go wrong? Dead ends along the plan (states from which the goal is
/// unreachable), steps that delete facts nothing can restore, goal facts destroyed and re-achieved.
public struct SafetyCritic: Critic {
    public let name = CriticName.safety
    public init() {}

    public func review(_ plan: PlanReview, in task: CritiqueTask) async throws -> [FeedbackItem] {
        var items: [FeedbackItem] = []
        if let deadEnd = plan.deadEndsAfterStep.first {
            items.append(FeedbackItem(id: "", author: name, severity: .critical,
                                      message: "after step \(deadEnd + 1) \(plan.steps[deadEnd]) the goal can no longer be reached",
                                      steps: [deadEnd], edit: .replanFrom(step: deadEnd, costBound: nil)))
        }
        let irreversible = Dictionary(grouping: plan.irreversibleDeletes, by: \.step)
        for step in irreversible.keys.sorted().prefix(3) {
            let facts = irreversible[step]!.map(\.fact).joined(separator: ", ")
            items.append(FeedbackItem(id: "", author: name, severity: .minor,
                                      message: "step \(step + 1) \(plan.steps[step]) is irreversible: nothing can restore \(facts)",
                                      steps: [step]))
        }
        for regression in plan.goalRegressions.prefix(3) {
            items.append(FeedbackItem(id: "", author: name, severity: .major,
                                      message: "goal \(regression.fact) is destroyed by step \(regression.destroyedBy + 1) and re-achieved by step \(regression.restoredBy + 1)",
                                      steps: [regression.destroyedBy, regression.restoredBy]))
        }
        return items
    }

    /// Safety disagrees with an edit that leads into a dead end, adds irreversible deletions or
    /// undoes more goal facts; agrees with one that removes such risks.
    public func vote(on item: FeedbackItem, current: PlanReview, edited: PlanReview?, in task: CritiqueTask) async throws -> Vote {
        if let vote = commonVote(on: item, edited: edited) { return vote }
        guard let edited else { return .disagree }
        if !edited.deadEndsAfterStep.isEmpty && current.deadEndsAfterStep.isEmpty { return .disagree }
        let risk = { (r: PlanReview) in (r.deadEndsAfterStep.isEmpty ? 0 : 1000) + r.irreversibleDeletes.count + r.goalRegressions.count }
        let before = risk(current), after = risk(edited)
        return after < before ? .agree : after > before ? .disagree : .neutral
    }
}
