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
        if plan.isValid, let order = await abandonable({ Self.deferringIrreversibleSteps(plan, task: task) }) ?? nil {
            let moved = Set(plan.irreversibleDeletes.map(\.step)).filter { order.firstIndex(of: $0) != $0 }.sorted()
            items.append(FeedbackItem(id: "", author: name, severity: .minor,
                                      message: "irreversible step(s) \(moved.map { String($0 + 1) }.joined(separator: ", ")) can come later: commit to them as late as the plan allows",
                                      steps: moved, edit: .reorder(order)))
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
        // A plan that fails part-way is not safe to execute, however few risky steps it reaches
        // before failing (its trace stops early, so counting its risks would flatter it).
        guard let edited, edited.isValid || !current.isValid else { return .disagree }
        if !edited.deadEndsAfterStep.isEmpty && current.deadEndsAfterStep.isEmpty { return .disagree }
        let risk = { (r: PlanReview) in (r.deadEndsAfterStep.isEmpty ? 0 : 1000) + r.irreversibleDeletes.count + r.goalRegressions.count }
        let before = risk(current), after = risk(edited)
        if after != before { return after < before ? .agree : .disagree }
        // Same risks: committing to irreversible steps later is safer, earlier is riskier.
        let earlier = edited.irreversibleEarliness - current.irreversibleEarliness
        return abs(earlier) < 1e-9 ? .neutral : earlier < 0 ? .agree : .disagree
    }

    /// A valid reordering that moves each irreversible step (the last five, latest first) to the
    /// latest position where the validator still accepts the plan; nil when none moves. Plans of
    /// more than 40 steps are left alone: each try is a full validation.
    static func deferringIrreversibleSteps(_ plan: PlanReview, task: CritiqueTask) -> [Int]? {
        let n = plan.steps.count
        guard n <= 40 else { return nil }
        var order = Array(0..<n)
        for step in Set(plan.irreversibleDeletes.map(\.step)).sorted(by: >).prefix(5) {
            guard let position = order.firstIndex(of: step) else { continue }
            for target in stride(from: n - 1, to: position, by: -1) {
                var candidate = order
                candidate.remove(at: position)
                candidate.insert(step, at: target)
                if task.validator.validate(candidate.map { plan.steps[$0] }).isValid {
                    order = candidate
                    break
                }
            }
        }
        return order == Array(0..<n) ? nil : order
    }
}
