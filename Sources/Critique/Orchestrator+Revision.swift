import Planner

extension CritiqueOrchestrator {
    /// Asks the reviser for a revised plan and has the validator judge it. Returns the outcome and,
    /// when the revision is valid, its steps (a candidate for refinement, which still requires it to
    /// cost no more than the current plan). An invalid revision yields the first-failing-step
    /// diagnostics that go back to the reviser next round.
    func revise(with reviser: any PlanReviser, current: PlanReview, accepted: [FeedbackItem], diagnostics: String?,
                context: (domain: String, problem: String), events: EventSink) async -> (outcome: RevisionOutcome, steps: [PlanStep]?) {
        let request = PlanRevisionRequest(domainText: context.domain, problemText: context.problem, plan: current.stepTexts,
                                          cost: current.cost, accepted: accepted, diagnostics: diagnostics)
        let reply: PlanProposal
        do { reply = try await reviser.revise(request) } catch {
            await publishUsage(events)
            return (RevisionOutcome(reviser: reviser.name, valid: false, applied: false, feedback: "the reviser failed: \(error)"), nil)
        }
        await publishUsage(events)
        if let prompt = reply.promptTokens, let completion = reply.completionTokens {
            await events(.llmUsage(promptTokens: prompt, completionTokens: completion))
        }
        let steps = ProposalParsing.steps(in: reply.text)
        let task = self.task
        guard let review = await abandonable({ task.review(steps) }) else {
            return (RevisionOutcome(reviser: reviser.name, valid: false, applied: false, feedback: "cancelled"), nil)
        }
        guard review.isValid, !steps.isEmpty else {
            let feedback = ProposalParsing.feedback(for: review.validation, stepCount: steps.count)
            return (RevisionOutcome(reviser: reviser.name, valid: false, applied: false, feedback: feedback), nil)
        }
        return (RevisionOutcome(reviser: reviser.name, valid: true, applied: false, cost: review.cost), steps)
    }
}
