import Foundation
import Planner

extension CritiqueOrchestrator {
    /// One round on a valid plan: review, vote, score, refine (and, with a reviser, ask for a
    /// revised plan). `diagnostics`: why the previous round's revision was rejected. Nil when
    /// cancelled part-way.
    func runRound(_ iteration: Int, on current: PlanReview, diagnostics: String?, context: (domain: String, problem: String),
                  events: EventSink) async -> (round: CritiqueRound, plan: PlanReview)? {
        let clock = ContinuousClock()
        let started = clock.now
        await events(.iterationStarted(iteration))
        var failures: [CriticFailure] = []
        let items = await reviewPhase(iteration, on: current, failures: &failures, events: events)
        let editor = PlanEditor(task: task, replanBudget: .milliseconds(configuration.replanMilliseconds))
        guard let voting = await votingPhase(iteration, items: items, on: current, editor: editor, failures: &failures, events: events)
        else { return nil }
        if Task.isCancelled { return nil }
        let acceptedIds = Set(voting.scores.filter(\.accepted).map(\.itemId))
        let accepted = items.filter { acceptedIds.contains($0.id) }
        var revision: (outcome: RevisionOutcome, steps: [PlanStep]?)?
        if let reviser, !accepted.isEmpty || diagnostics != nil {
            revision = await revise(with: reviser, current: current, accepted: accepted, diagnostics: diagnostics, context: context, events: events)
            if Task.isCancelled { return nil }
        }
        let extra = revision?.steps.map { [(items: [Self.revisionId] + accepted.map(\.id), steps: $0)] } ?? []
        let refinement = Refinement(task: task, editor: editor, configuration: configuration)
        let withEdits = accepted.filter { $0.edit != nil }
        guard let refined = await abandonable({ [candidates = voting.candidates] in
            refinement.refine(current, accepted: withEdits, candidates: candidates, extra: extra)
        }) else { return nil }
        if !refined.appliedItems.isEmpty {
            await events(.refinementApplied(iteration: iteration, items: refined.appliedItems, plan: refined.plan.stepTexts,
                                            cost: refined.plan.cost))
        }
        if var outcome = revision?.outcome {
            outcome.applied = refined.appliedItems.first == Self.revisionId
            revision?.outcome = outcome
        }
        let elapsed = clock.now - started
        var round = CritiqueRound(iteration: iteration, items: items, scores: voting.scores, applied: refined.appliedItems,
                                  plan: refined.plan.stepTexts, cost: refined.plan.cost, quality: quality(refined.plan),
                                  validation: ValidationSummary(refined.plan.validation),
                                  seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        round.agreedWithInvalid = voting.agreedWithInvalid
        round.invalidEdits = voting.invalidEdits
        round.criticFailures = failures
        round.revision = revision?.outcome
        return (round, refined.plan)
    }

    /// The pseudo item id under which an applied LLM revision is listed in `applied`.
    public static let revisionId = "revision"

    /// Every critic reviews the current plan in parallel; items are then ordered by critic so ids
    /// are deterministic. A critic that throws contributes no items and is recorded as failed.
    func reviewPhase(_ iteration: Int, on current: PlanReview, failures: inout [CriticFailure], events: EventSink) async -> [FeedbackItem] {
        for critic in critics { await events(.criticStarted(iteration: iteration, critic: critic.name)) }
        let reviews = await withTaskGroup(of: (Int, Result<[FeedbackItem], any Error>).self) { group in
            for (index, critic) in critics.enumerated() {
                group.addTask { [task] in (index, await Result { try await critic.review(current, in: task) }) }
            }
            var collected: [(Int, Result<[FeedbackItem], any Error>)] = []
            for await reviewed in group {
                collected.append(reviewed)
                let count = (try? reviewed.1.get().count) ?? 0
                await events(.criticFinished(iteration: iteration, critic: critics[reviewed.0].name, items: count))
            }
            return collected.sorted { $0.0 < $1.0 }
        }
        await publishUsage(events)
        var items: [FeedbackItem] = []
        for (index, outcome) in reviews {
            switch outcome {
            case .success(let found):
                for (n, var item) in found.enumerated() {
                    item.id = "\(iteration).\(critics[index].name).\(n + 1)"
                    items.append(item)
                    await events(.feedbackItem(iteration: iteration, item))
                }
            case .failure(let error):
                failures.append(CriticFailure(critic: critics[index].name, phase: .review, message: "\(error)"))
            }
        }
        return items
    }

    /// Token usage of model-backed critics and the reviser since the last report.
    func publishUsage(_ events: EventSink) async {
        let reporters = critics.compactMap { $0 as? any ReportsModelUsage } + [reviser].compactMap { $0 as? any ReportsModelUsage }
        for reporter in reporters {
            if let usage = reporter.takeUsage() {
                await events(.llmUsage(promptTokens: usage.prompt, completionTokens: usage.completion))
            }
        }
    }
}
