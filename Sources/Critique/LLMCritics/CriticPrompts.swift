/// What LLM critics and the LLM reviser are told. The sound analyses go into every prompt: the
/// model reasons on top of facts the planner established, it does not have to rediscover them.
enum CriticPrompts {
    static let itemsSchema = CriticReplySchema(name: "critic_items", json: """
        {"type":"object","required":["items"],"properties":{"items":{"type":"array","items":{"type":"object",\
        "required":["severity","message"],"properties":{"id":{"type":"string"},\
        "severity":{"type":"string","enum":["critical","major","minor"]},"message":{"type":"string"},\
        "steps":{"type":"array","items":{"type":"integer"}},"edit":{"type":"object","required":["kind"],"properties":{\
        "kind":{"type":"string","enum":["delete-steps","reorder","replace-segment","replan-from"]},\
        "steps":{"type":"array","items":{"type":"integer"}},"order":{"type":"array","items":{"type":"integer"}},\
        "start":{"type":"integer"},"end":{"type":"integer"},"replacement":{"type":"array","items":{"type":"string"}},\
        "step":{"type":"integer"},"cost_bound":{"type":"integer"}}}}}}}}
        """)

    static let votesSchema = CriticReplySchema(name: "critic_votes", json: """
        {"type":"object","required":["votes"],"properties":{"votes":{"type":"array","items":{"type":"object",\
        "required":["id","vote"],"properties":{"id":{"type":"string"},"vote":{"type":"number","enum":[0,0.5,1]}}}}}}
        """)

    static func system(_ role: CriticRole) -> String {
        "You are one of several critics reviewing a PDDL plan. \(role.perspective) Answer with one JSON object only."
    }

    static func review(role: CriticRole, plan: PlanReview, task: CritiqueTask, domainText: String, problemText: String) -> String {
        context(domainText: domainText, problemText: problemText) + planSection(plan, task: task) + """

        Report up to \(CriticReplyParsing.maxItems) problems from your perspective as {"items": [...]}, each \
        {"severity": "critical"|"major"|"minor", "message": "...", "steps": [step numbers], "edit": {...}}. \
        Step numbers are 1-based. The optional edit is one of:
        {"kind": "delete-steps", "steps": [2, 5]}
        {"kind": "reorder", "order": [a permutation of 1..\(plan.steps.count)]}
        {"kind": "replace-segment", "start": 3, "end": 5, "replacement": ["(action arg ...)", ...]}  (steps start..end inclusive)
        {"kind": "replan-from", "step": 4, "cost_bound": 10}  (keep steps before 4, search the rest, total cost below the bound)
        Reply {"items": []} if you find nothing worth changing.
        """
    }

    static func votes(role: CriticRole, ballots: [Ballot], current: PlanReview, task: CritiqueTask) -> String {
        var text = planSection(current, task: task) + "\nItems to vote on (every critic votes on every item):\n"
        for ballot in ballots {
            let item = ballot.item
            text += "- id \(item.id) by \(item.author) [\(item.severity.rawValue)]: \(item.message)\n"
            guard let edit = item.edit else { text += "  no edit (an observation)\n"; continue }
            text += "  edit: \(edit); " + outcome(of: ballot.edited) + "\n"
        }
        return text + """

        From your perspective, vote 1.0 (agree: apply it), 0.5 (neutral) or 0.0 (disagree) on each item. Reply \
        {"votes": [{"id": "<item id>", "vote": 1.0}, ...]} with one entry per item.
        """
    }

    static func outcome(of edited: PlanReview?) -> String {
        guard let edited else { return "the edit cannot be applied to the plan" }
        if edited.isValid { return "the validator accepts the edited plan (cost \(edited.cost), \(edited.steps.count) steps)" }
        return "the validator REJECTS the edited plan: " + ProposalParsing.feedback(for: edited.validation, stepCount: edited.steps.count)
    }

    static func context(domainText: String, problemText: String) -> String {
        guard !domainText.isEmpty || !problemText.isEmpty else { return "" }
        return "Domain:\n\(domainText)\n\nProblem:\n\(problemText)\n\n"
    }

    /// The plan, numbered, with what the validator and the planner's analyses say about it.
    static func planSection(_ plan: PlanReview, task: CritiqueTask) -> String {
        var text = "Current plan (\(plan.steps.count) steps, cost \(plan.cost)):\n"
        for (i, step) in plan.steps.enumerated() { text += "\(i + 1) \(step)\n" }
        text += "\nWhat the sound analyses found:\n"
        if plan.isValid {
            text += "- validator: the plan is valid" + (task.costLowerBound.map { "; no plan costs less than \($0)" } ?? "") + "\n"
        } else {
            text += "- validator: " + ProposalParsing.feedback(for: plan.validation, stepCount: plan.steps.count) + "\n"
        }
        if let analysis = plan.analysis {
            if !analysis.redundantSteps.isEmpty { text += "- redundant steps: \(numbers(analysis.redundantSteps))\n" }
            if !analysis.stepsSupportingNoGoal.isEmpty { text += "- steps supporting no goal: \(numbers(analysis.stepsSupportingNoGoal))\n" }
            text += "- the steps fit in \(analysis.layers.count) parallel layer(s)\n"
        }
        if let deadEnd = plan.deadEndsAfterStep.first { text += "- after step \(deadEnd + 1) the goal is unreachable\n" }
        let irreversible = Set(plan.irreversibleDeletes.map(\.step)).sorted()
        if !irreversible.isEmpty { text += "- irreversible steps: \(numbers(irreversible))\n" }
        for regression in plan.goalRegressions.prefix(3) {
            text += "- goal \(regression.fact) destroyed by step \(regression.destroyedBy + 1), re-achieved by step \(regression.restoredBy + 1)\n"
        }
        return text
    }

    static func numbers(_ indices: [Int]) -> String { indices.map { String($0 + 1) }.joined(separator: ", ") }
}
