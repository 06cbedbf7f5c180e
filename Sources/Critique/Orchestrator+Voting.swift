import Planner

/// What the voting phase of a round produced.
struct VotingOutcome {
    var scores: [ItemScore]
    /// Item id → the plan its edit produces (when it applies).
    var candidates: [String: [PlanStep]]
    var agreedWithInvalid: [CriticName: Int]
    var invalidEdits: [String]
}

extension CritiqueOrchestrator {
    /// Applies every item's edit (the validator reviews each result), then every critic votes on
    /// the whole ballot — in parallel across critics — and each item is scored. A critic that
    /// fails abstains (its weight counts as 0 on the items it did not vote on) and is recorded.
    /// Nil when cancelled.
    func votingPhase(_ iteration: Int, items: [FeedbackItem], on current: PlanReview, editor: PlanEditor,
                     failures: inout [CriticFailure], events: EventSink) async -> VotingOutcome? {
        var ballots: [Ballot] = []
        var candidates: [String: [PlanStep]] = [:]
        for item in items {
            if Task.isCancelled { return nil }
            let task = self.task
            guard let (edited, editedReview) = await abandonable({ () -> ([PlanStep]?, PlanReview?) in
                let edited = item.edit.flatMap { editor.apply($0, to: current.steps) }
                return (edited, edited.map { task.review($0) })
            }) else { return nil }
            if let edited { candidates[item.id] = edited }
            ballots.append(Ballot(item: item, edited: editedReview))
        }
        let ballotList = ballots
        let results = await withTaskGroup(of: (Int, Result<[String: Vote], any Error>).self) { group in
            for (index, critic) in critics.enumerated() {
                group.addTask { [task] in (index, await Result { try await critic.votes(on: ballotList, current: current, in: task) }) }
            }
            var collected: [Int: Result<[String: Vote], any Error>] = [:]
            for await (index, result) in group { collected[index] = result }
            return collected
        }
        if Task.isCancelled { return nil }
        await publishUsage(events)
        var votesByCritic: [CriticName: [String: Vote]] = [:]
        for (index, critic) in critics.enumerated() {
            switch results[index] {
            case .success(let votes)?:
                votesByCritic[critic.name] = votes
                let missing = ballots.map(\.item.id).filter { votes[$0] == nil }
                if !missing.isEmpty {
                    failures.append(CriticFailure(critic: critic.name, phase: .vote, message: "no vote on \(missing.joined(separator: ", "))"))
                }
            case .failure(let error)?:
                failures.append(CriticFailure(critic: critic.name, phase: .vote, message: "\(error)"))
            case nil:
                break
            }
        }
        let sessionWeight = critics.reduce(0.0) { $0 + configuration.weight(of: $1.name) }
        var scores: [ItemScore] = []
        var agreedWithInvalid: [CriticName: Int] = [:]
        for ballot in ballots {
            var votes: [CriticName: Vote] = [:]
            for critic in critics {
                guard let vote = votesByCritic[critic.name]?[ballot.item.id] else { continue }
                votes[critic.name] = vote
                // An edit that does not apply or that the validator rejects: an invalid plan.
                if vote == .agree, ballot.item.edit != nil, ballot.edited?.isValid != true { agreedWithInvalid[critic.name, default: 0] += 1 }
                await events(.vote(iteration: iteration, itemId: ballot.item.id, critic: critic.name, vote))
            }
            let score = ItemScore(itemId: ballot.item.id, votes: votes, configuration: configuration, sessionWeight: sessionWeight)
            scores.append(score)
            await events(.itemScored(iteration: iteration, ballot.item, score))
        }
        let invalidEdits = ballots.filter { $0.item.edit != nil && $0.edited?.isValid != true }.map(\.item.id)
        return VotingOutcome(scores: scores, candidates: candidates, agreedWithInvalid: agreedWithInvalid, invalidEdits: invalidEdits)
    }
}
