/// Does the plan reach the goal, and does every step help? Built on the validator (first failing
/// step, unmet goals) and the planner's goal-contribution analysis.
public struct CompletenessCritic: Critic {
    public let name = CriticName.completeness
    public init() {}

    public func review(_ plan: PlanReview, in task: CritiqueTask) async throws -> [FeedbackItem] {
        let report = plan.validation
        if let failure = report.failure {
            let unsatisfied = failure.unsatisfied.isEmpty ? failure.message : "unsatisfied " + failure.unsatisfied.joined(separator: ", ")
            return [FeedbackItem(id: "", author: name, severity: .critical,
                                 message: "step \(failure.step) \(failure.action) cannot be executed: \(unsatisfied)",
                                 steps: [failure.step - 1], edit: .replanFrom(step: failure.step - 1, costBound: nil))]
        }
        if !report.unmetGoals.isEmpty {
            return [FeedbackItem(id: "", author: name, severity: .critical,
                                 message: "the plan ends with goals unmet: \(report.unmetGoals.joined(separator: ", "))",
                                 steps: [], edit: .replanFrom(step: plan.steps.count, costBound: nil))]
        }
        guard let analysis = plan.analysis, !analysis.stepsSupportingNoGoal.isEmpty else { return [] }
        let useless = analysis.stepsSupportingNoGoal
        return [FeedbackItem(id: "", author: name, severity: .major,
                             message: "\(useless.count) step(s) support no goal: \(describe(useless, in: plan))",
                             steps: useless, edit: .deleteSteps(useless))]
    }

    /// Completeness disagrees with any edit whose result the validator rejects, agrees with edits
    /// that make an invalid plan valid or remove steps that support no goal.
    public func vote(on item: FeedbackItem, current: PlanReview, edited: PlanReview?, in task: CritiqueTask) async throws -> Vote {
        if let vote = commonVote(on: item, edited: edited) { return vote }
        guard let edited, edited.isValid else { return .disagree }
        if !current.isValid { return .agree }
        let before = current.analysis?.stepsSupportingNoGoal.count ?? 0
        let after = edited.analysis?.stepsSupportingNoGoal.count ?? 0
        return after < before ? .agree : after > before ? .disagree : .neutral
    }
}

func describe(_ indices: [Int], in plan: PlanReview, limit: Int = 4) -> String {
    let shown = indices.prefix(limit).map { "\($0 + 1) \(plan.steps[$0])" }
    return shown.joined(separator: ", ") + (indices.count > limit ? ", …" : "")
}
