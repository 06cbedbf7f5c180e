/// Is the plan cheap? Redundant steps (greedy action elimination), parallel layers, cost against
/// the admissible LM-cut lower bound, and replanning under a cost bound.
public struct EfficiencyCritic: Critic {
    public let name = CriticName.efficiency
    /// Plans at least this long also get a "replan the second half" item.
    public var segmentThreshold = 6
    /// Time for looking for a cheaper replacement of a window of the plan.
    public var segmentBudget: Duration = .milliseconds(300)
    public init() {}

    public func review(_ plan: PlanReview, in task: CritiqueTask) async throws -> [FeedbackItem] {
        guard plan.isValid, let analysis = plan.analysis else { return [] }
        var items: [FeedbackItem] = []
        if !analysis.redundantSteps.isEmpty {
            items.append(FeedbackItem(id: "", author: name, severity: .major,
                                      message: "\(analysis.redundantSteps.count) redundant step(s) can be removed: \(describe(analysis.redundantSteps, in: plan))",
                                      steps: analysis.redundantSteps, edit: .deleteSteps(analysis.redundantSteps)))
        }
        if analysis.layers.count < plan.steps.count {
            items.append(FeedbackItem(id: "", author: name, severity: .minor,
                                      message: "\(plan.steps.count) steps fit in \(analysis.layers.count) parallel layer(s)",
                                      steps: []))
        }
        if let bound = task.costLowerBound, plan.cost > bound {
            items.append(FeedbackItem(id: "", author: name, severity: .minor,
                                      message: "cost \(plan.cost) is above the lower bound \(bound): replan with cost below \(plan.cost)",
                                      steps: [], edit: .replanFrom(step: 0, costBound: plan.cost)))
            if plan.steps.count >= segmentThreshold {
                let k = plan.steps.count / 2
                items.append(FeedbackItem(id: "", author: name, severity: .minor,
                                          message: "replan from step \(k + 1) with cost below \(plan.cost)",
                                          steps: Array(k..<plan.steps.count), edit: .replanFrom(step: k, costBound: plan.cost)))
            }
            // A concrete replace-segment edit: a window the planner re-solved more cheaply, spliced
            // and validated already (the replan items above leave the search to refinement).
            let replanner = SegmentReplanner(task: task, budget: segmentBudget)
            if let found = await abandonable({ isCancelled in replanner.cheaperSegment(in: plan, isCancelled: isCancelled) }) ?? nil {
                items.append(FeedbackItem(id: "", author: name, severity: .major,
                                          message: "steps \(found.start + 1)–\(found.end) can be replaced by \(found.steps.count) step(s), saving \(found.saving)",
                                          steps: Array(found.start..<found.end),
                                          edit: .replaceSegment(start: found.start, end: found.end, steps: found.steps.map(\.description))))
            }
        }
        return items
    }

    /// Efficiency compares costs of valid plans: cheaper agrees, dearer disagrees. An invalid
    /// result has no meaningful cost, so it is disagreed with.
    public func vote(on item: FeedbackItem, current: PlanReview, edited: PlanReview?, in task: CritiqueTask) async throws -> Vote {
        if let vote = commonVote(on: item, edited: edited) { return vote }
        guard let edited, edited.isValid else { return .disagree }
        if !current.isValid { return .agree }
        return edited.cost < current.cost ? .agree : edited.cost > current.cost ? .disagree : .neutral
    }
}
