import Critique

/// Stored rounds (read back by the critique service) onto a board.
enum PlanStoredRounds {
    /// Iteration 0 is the initial plan, later ones are rounds.
    static func add(_ rounds: [CritiqueRound], to board: inout PlanBoard) {
        for round in rounds.sorted(by: { $0.iteration < $1.iteration }) {
            if round.iteration == 0 {
                board.initialPlan = round.plan
                board.initialCost = round.cost
                board.initialQuality = round.quality
                board.initialValidation = round.validation
            } else {
                let r = board.round(round.iteration)
                board.rounds[r].finish(items: round.items, scores: round.scores, applied: round.applied, plan: round.plan,
                                       cost: round.cost, quality: round.quality, validation: round.validation,
                                       seconds: round.seconds, agreedWithInvalid: round.agreedWithInvalid,
                                       remarks: PlanBoardRound.remarks(failures: round.criticFailures, revision: round.revision))
            }
        }
    }
}
