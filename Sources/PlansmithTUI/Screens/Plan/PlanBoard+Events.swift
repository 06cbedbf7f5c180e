import Critique

extension PlanBoard {
    /// What an event changed, so `update` knows whether to recompute the diff and the timeline.
    public enum Change: Sendable, Equatable { case nothing, rows, plan, finished }

    /// Folds one orchestrator event into the board. Events may repeat what the stored iterations
    /// already said (a session re-opened while running): a finished round is replaced, never doubled.
    @discardableResult
    public mutating func apply(_ event: CritiqueEvent) -> Change {
        switch event {
        case .sessionStarted(let source, let plan, let cost):
            self.source = source.summary
            // A resumed session starts from the last saved round's plan, which the board already shows.
            if case .resumed = source, !rounds.isEmpty { return .rows }
            initialPlan = plan
            initialCost = cost
            return .plan
        case .proposalRejected(let round, let feedback):
            notes.append("proposal \(round) rejected: \(feedback)")
            return .rows
        case .iterationStarted(let iteration):
            _ = round(iteration)
            return .rows
        case .criticStarted, .criticFinished, .llmTokens, .llmUsage:
            return .nothing
        case .feedbackItem(let iteration, let item):
            let r = round(iteration)
            guard !rounds[r].finished, !rounds[r].items.contains(where: { $0.item.id == item.id }) else { return .nothing }
            rounds[r].items.append(PlanBoardItem(item: item))
            return .rows
        case .vote(let iteration, let itemId, let critic, let vote):
            let r = round(iteration)
            guard !rounds[r].finished, let i = rounds[r].items.firstIndex(where: { $0.item.id == itemId }) else { return .nothing }
            rounds[r].items[i].votes[critic] = vote
            return .rows
        case .itemScored(let iteration, let item, let score):
            let r = round(iteration)
            guard !rounds[r].finished else { return .nothing }
            if let i = rounds[r].items.firstIndex(where: { $0.item.id == item.id }) {
                rounds[r].items[i].score = score
                rounds[r].items[i].votes = score.votes
            } else {
                rounds[r].items.append(PlanBoardItem(item: item, votes: score.votes, score: score))
            }
            return .rows
        case .refinementApplied(let iteration, let items, _, _):
            let r = round(iteration)
            for i in rounds[r].items.indices where items.contains(rounds[r].items[i].item.id) { rounds[r].items[i].applied = true }
            return .rows
        case .iterationFinished(let finished):
            let r = round(finished.iteration)
            rounds[r].finish(with: finished)
            return .plan
        case .converged(let reason):
            self.reason = reason
            return .rows
        case .sessionFinished(let result):
            reason = result.reason
            if let failure = result.failure { self.failure = failure }
            return .finished
        case .failure(let message):
            failure = message
            return .rows
        @unknown default:
            unknownEvents += 1
            return .nothing
        }
    }
}
