import Critique

/// One feedback item on the scoreboard with what is known of it so far (votes arrive one by one).
public struct PlanBoardItem: Sendable, Equatable {
    public var item: FeedbackItem
    public var votes: [CriticName: Vote] = [:]
    public var score: ItemScore?
    /// Its edit produced the round's new plan.
    public var applied = false
    /// The validator's verdict on the plan this item's edit produces (nil: no edit, or not checked yet).
    public var editValid: Bool?

    /// Critics that voted "agree" on an edit the validator rejects: the scoreboard's flag column.
    public var approversOfInvalid: [CriticName] {
        guard editValid == false else { return [] }
        return votes.filter { $0.value == .agree }.map(\.key).sorted()
    }
}

/// One critique round: items in arrival order, then (once finished) the plan it produced.
public struct PlanBoardRound: Sendable, Equatable {
    public var iteration: Int
    public var items: [PlanBoardItem] = []
    public var finished = false
    public var plan: [String]?
    public var cost: Int?
    public var quality: Double?
    /// The validator's verdict on the round's plan.
    public var validation: ValidationSummary?
    public var seconds: Double?
    public var agreedWithInvalid: [CriticName: Int] = [:]
    /// Failed critics and the LLM reviser's outcome, in words.
    public var remarks: [String] = []

    /// Fills the round from the orchestrator's finished record, keeping any edit verdicts already computed.
    mutating func finish(with round: CritiqueRound) {
        finish(items: round.items, scores: round.scores, applied: round.applied, plan: round.plan, cost: round.cost,
               quality: round.quality, validation: round.validation, seconds: round.seconds,
               agreedWithInvalid: round.agreedWithInvalid,
               remarks: Self.remarks(failures: round.criticFailures, revision: round.revision))
    }

    static func remarks(failures: [CriticFailure], revision: RevisionOutcome?) -> [String] {
        failures.map { "\($0.critic.rawValue) failed to \($0.phase.rawValue): \($0.message)" }
            + (revision.map { r in
                ["\(r.reviser) revision: " + (r.valid ? "valid" : "invalid") + (r.applied ? ", applied" : ", not applied")
                    + (r.feedback.map { " (\($0))" } ?? "")]
            } ?? [])
    }

    /// Fills the round from a finished record (events or the store).
    mutating func finish(items: [FeedbackItem], scores: [ItemScore], applied: [String], plan: [String], cost: Int,
                         quality: Double, validation: ValidationSummary?, seconds: Double, agreedWithInvalid: [CriticName: Int],
                         remarks: [String] = []) {
        let known = Dictionary(self.items.map { ($0.item.id, $0.editValid) }, uniquingKeysWith: { a, _ in a })
        self.items = items.map { item in
            let score = scores.first { $0.itemId == item.id }
            return PlanBoardItem(item: item, votes: score?.votes ?? [:], score: score, applied: applied.contains(item.id),
                             editValid: known[item.id] ?? nil)
        }
        finished = true
        self.plan = plan
        self.cost = cost
        self.quality = quality
        self.validation = validation
        self.seconds = seconds
        self.agreedWithInvalid = agreedWithInvalid
        self.remarks = remarks
    }
}

/// Everything the scoreboard shows about one session, built from bus events as they arrive or from
/// the stored iterations. Pure data: `view` reads it, `update` changes it.
public struct PlanBoard: Sendable, Equatable {
    public var initialPlan: [String] = []
    public var initialCost: Int?
    public var initialQuality: Double?
    public var initialValidation: ValidationSummary?
    public var source: String?
    /// Rounds of critique (iteration ≥ 1), oldest first; may include earlier sessions' rounds when resumed.
    public var rounds: [PlanBoardRound] = []
    public var reason: ConvergenceReason?
    /// The reason was re-derived from stored rounds (a completed session's reason is not stored).
    public var reasonInferred = false
    public var failure: String?
    /// The proposer's rejected plans and similar notes ("round 1 rejected: …").
    public var notes: [String] = []
    /// Events of kinds this screen does not know (new critics may add some); counted, not lost silently.
    public var unknownEvents = 0

    public init() {}

    /// Critics in the order they first appear (votes, authors), for the table's vote columns.
    public var critics: [CriticName] {
        var seen: [CriticName] = []
        for round in rounds {
            for row in round.items {
                for name in [row.item.author] + row.votes.keys.sorted() where !seen.contains(name) { seen.append(name) }
            }
        }
        return seen
    }

    /// The newest plan: the last finished round's, else the initial one.
    public var currentPlan: [String] { rounds.last(where: \.finished)?.plan ?? initialPlan }

    /// The plan before the newest one (for the diff).
    public var previousPlan: [String] {
        let finished = rounds.filter(\.finished)
        return finished.count >= 2 ? finished[finished.count - 2].plan ?? [] : (finished.isEmpty ? [] : initialPlan)
    }

    /// The validator's verdict on the current plan.
    public var currentValidation: ValidationSummary? { rounds.last(where: \.finished)?.validation ?? initialValidation }

    public var currentCost: Int? { rounds.last(where: \.finished)?.cost ?? initialCost }

    /// Plan quality after each finished round, starting with the initial plan (the sparkline).
    public var qualities: [Double] {
        (initialQuality.map { [$0] } ?? []) + rounds.filter(\.finished).compactMap(\.quality)
    }

    /// The round number being worked on or last finished.
    public var latestIteration: Int { rounds.last?.iteration ?? 0 }

    mutating func round(_ iteration: Int) -> Int {
        if let index = rounds.lastIndex(where: { $0.iteration == iteration }) { return index }
        rounds.append(PlanBoardRound(iteration: iteration))
        rounds.sort { $0.iteration < $1.iteration }
        return rounds.lastIndex { $0.iteration == iteration }!
    }
}
