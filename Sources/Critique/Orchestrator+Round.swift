import Foundation
import Planner

extension CritiqueOrchestrator {
    /// One round on a valid plan: review, vote, score, refine. Nil when cancelled part-way.
    func runRound(_ iteration: Int, on current: PlanReview, events: EventSink) async -> (round: CritiqueRound, plan: PlanReview)? {
        let clock = ContinuousClock()
        let started = clock.now
        await events(.iterationStarted(iteration))
        for critic in critics { await events(.criticStarted(iteration: iteration, critic: critic.name)) }
        // Critics review in parallel; items are then ordered by critic so ids are deterministic.
        let reviews = await withTaskGroup(of: (Int, [FeedbackItem]).self) { group in
            for (index, critic) in critics.enumerated() {
                group.addTask { (index, (try? await critic.review(current, in: task)) ?? []) }
            }
            var collected: [(Int, [FeedbackItem])] = []
            for await reviewed in group {
                collected.append(reviewed)
                await events(.criticFinished(iteration: iteration, critic: critics[reviewed.0].name, items: reviewed.1.count))
            }
            return collected.sorted { $0.0 < $1.0 }
        }
        var items: [FeedbackItem] = []
        for (index, found) in reviews {
            for (n, var item) in found.enumerated() {
                item.id = "\(iteration).\(critics[index].name).\(n + 1)"
                items.append(item)
                await events(.feedbackItem(iteration: iteration, item))
            }
        }
        let editor = PlanEditor(task: task, replanBudget: .milliseconds(configuration.replanMilliseconds))
        var candidates: [String: [PlanStep]] = [:]
        var scores: [ItemScore] = []
        var agreedWithInvalid: [CriticName: Int] = [:]
        for item in items {
            if Task.isCancelled { return nil }
            let task = self.task
            guard let (edited, editedReview) = await abandonable({ () -> ([PlanStep]?, PlanReview?) in
                let edited = item.edit.flatMap { editor.apply($0, to: current.steps) }
                return (edited, edited.map { task.review($0) })
            }) else { return nil }
            if let edited { candidates[item.id] = edited }
            var votes: [CriticName: Vote] = [:]
            for critic in critics {
                let vote = (try? await critic.vote(on: item, current: current, edited: editedReview, in: task)) ?? .neutral
                votes[critic.name] = vote
                if vote == .agree, let editedReview, !editedReview.isValid { agreedWithInvalid[critic.name, default: 0] += 1 }
                await events(.vote(iteration: iteration, itemId: item.id, critic: critic.name, vote))
            }
            let score = ItemScore(itemId: item.id, votes: votes, configuration: configuration)
            scores.append(score)
            await events(.itemScored(iteration: iteration, item, score))
        }
        if Task.isCancelled { return nil }
        let accepted = items.filter { item in scores.first { $0.itemId == item.id }?.accepted == true && item.edit != nil }
        let refinement = Refinement(task: task, editor: editor, configuration: configuration)
        guard let refined = await abandonable({ [candidates] in refinement.refine(current, accepted: accepted, candidates: candidates) })
        else { return nil }
        if !refined.appliedItems.isEmpty {
            await events(.refinementApplied(iteration: iteration, items: refined.appliedItems, plan: refined.plan.stepTexts,
                                            cost: refined.plan.cost))
        }
        let elapsed = clock.now - started
        var round = CritiqueRound(iteration: iteration, items: items, scores: scores, applied: refined.appliedItems,
                             plan: refined.plan.stepTexts, cost: refined.plan.cost, quality: quality(refined.plan),
                             validation: ValidationSummary(refined.plan.validation),
                             seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        round.agreedWithInvalid = agreedWithInvalid
        return (round, refined.plan)
    }
}
