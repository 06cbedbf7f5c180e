import Planner

/// Why no session could start.
struct InitialPlanFailure: Error {
    var message: String
}

extension CritiqueOrchestrator {
    /// The first valid plan: a resumed one, else the proposer's within `proposerRounds` (with the
    /// validator's first-failing-step feedback after each rejection), else the classical planner's.
    func initialPlan(resume: CritiqueResumePoint?, domainText: String, problemText: String,
                     events: EventSink) async -> Result<(plan: PlanReview, source: InitialPlanSource), InitialPlanFailure> {
        if let resume {
            guard let review = await abandonable({ [task] in task.review(resume.plan) }) else {
                return .failure(InitialPlanFailure(message: "cancelled"))
            }
            if review.isValid { return .success((review, .resumed(fromIteration: resume.nextIteration - 1))) }
        }
        guard let proposer else { return await classicalPlan(source: .classicalPlanner) }
        var request = PlanProposalRequest(domainText: domainText, problemText: problemText)
        let rounds = max(configuration.proposerRounds, 1)
        for round in 1...rounds {
            if Task.isCancelled { return .failure(InitialPlanFailure(message: "cancelled")) }
            request.round = round
            let reply: PlanProposal
            do { reply = try await proposer.propose(request) } catch {
                await events(.proposalRejected(round: round, feedback: "the proposer failed: \(error)"))
                continue
            }
            if let prompt = reply.promptTokens, let completion = reply.completionTokens {
                await events(.llmUsage(promptTokens: prompt, completionTokens: completion))
            }
            let steps = ProposalParsing.steps(in: reply.text)
            guard let review = await abandonable({ [task] in task.review(steps) }) else {
                return .failure(InitialPlanFailure(message: "cancelled"))
            }
            if review.isValid && !steps.isEmpty || review.isValid && task.validator.validate([]).isValid {
                return .success((review, .proposer(name: proposer.name, rounds: round)))
            }
            let feedback = ProposalParsing.feedback(for: review.validation, stepCount: steps.count)
            await events(.proposalRejected(round: round, feedback: feedback))
            request.previousReply = reply.text
            request.feedback = feedback
        }
        return await classicalPlan(source: .classicalFallback(proposer: proposer.name, rounds: rounds))
    }

    private func classicalPlan(source: InitialPlanSource) async -> Result<(plan: PlanReview, source: InitialPlanSource), InitialPlanFailure> {
        let (task, planning) = (self.task, self.planning)
        guard let outcome = await abandonable({ isCancelled in
            PlanSearch.solve(task.grounded, configuration: planning, isCancelled: isCancelled)
        }) else { return .failure(InitialPlanFailure(message: "cancelled")) }
        switch outcome {
        case .solved(let plan, _):
            guard let review = await abandonable({ [task] in task.review(plan.steps) }) else {
                return .failure(InitialPlanFailure(message: "cancelled"))
            }
            // The planner's plan goes through the same veto as any other.
            guard review.isValid else { return .failure(InitialPlanFailure(message: "the planner's plan was rejected by the validator")) }
            return .success((review, source))
        case .provenUnsolvable: return .failure(InitialPlanFailure(message: "no plan exists (search space exhausted)"))
        case .exhausted(let limit, _): return .failure(InitialPlanFailure(message: "no plan found within the \(limit.rawValue) limit"))
        case .cancelled: return .failure(InitialPlanFailure(message: "cancelled"))
        }
    }
}
