import Planner

/// The outcome of applying a round's accepted items.
public struct RefinementResult: Sendable {
    /// The plan for the next round: always one the validator accepts.
    public var plan: PlanReview
    /// Items whose edit produced `plan` (empty when the plan did not change).
    public var appliedItems: [String]
}

/// Refinement with the validator's veto: among the plans that accepted edits produce (each alone,
/// plus all accepted deletions together), keep the best one the validator accepts and that costs
/// no more than the current plan. Nothing else can become the current plan.
public struct Refinement: Sendable {
    let task: CritiqueTask
    let editor: PlanEditor
    let configuration: CritiqueConfiguration

    public init(task: CritiqueTask, editor: PlanEditor, configuration: CritiqueConfiguration) {
        self.task = task
        self.editor = editor
        self.configuration = configuration
    }

    /// `candidates` maps item id → the edited plan computed while voting.
    /// `extra` are further candidate plans (an LLM's revision) with the item ids to credit them to.
    public func refine(_ current: PlanReview, accepted: [FeedbackItem], candidates: [String: [PlanStep]],
                       extra: [(items: [String], steps: [PlanStep])] = []) -> RefinementResult {
        var options: [(items: [String], steps: [PlanStep])] = accepted.compactMap { item in
            candidates[item.id].map { ([item.id], $0) }
        } + extra
        let deletions = accepted.filter { if case .deleteSteps = $0.edit { true } else { false } }
        if deletions.count > 1 {
            let all = Set(deletions.flatMap { item -> [Int] in if case .deleteSteps(let s) = item.edit { s } else { [] } })
            if let merged = editor.apply(.deleteSteps(all.sorted()), to: current.steps) {
                options.append((deletions.map(\.id), merged))
            }
        }
        let quality = { (r: PlanReview) in r.quality(lowerBound: self.task.costLowerBound, configuration: self.configuration) }
        var best: (items: [String], review: PlanReview)?
        for option in options {
            let review = task.review(option.steps)
            guard review.isValid else { continue }  // the hard critic's veto
            if current.isValid && review.cost > current.cost { continue }  // cost never increases
            if current.isValid && review.cost == current.cost && quality(review) <= quality(current) { continue }
            if let b = best, (b.review.cost, -quality(b.review)) <= (review.cost, -quality(review)) { continue }
            best = (option.items, review)
        }
        guard let best else { return RefinementResult(plan: current, appliedItems: []) }
        return RefinementResult(plan: best.review, appliedItems: best.items)
    }
}
