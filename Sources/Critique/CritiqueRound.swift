import Planner

/// The validator's verdict as stored with each iteration.
public struct ValidationSummary: Codable, Sendable, Hashable {
    public var valid: Bool
    public var cost: Int
    public var failedStep: Int?
    public var unsatisfied: [String]
    public var unmetGoals: [String]

    public init(_ report: PlanValidationReport) {
        valid = report.isValid
        cost = report.cost
        failedStep = report.failure?.step
        unsatisfied = report.failure?.unsatisfied ?? []
        unmetGoals = report.unmetGoals
    }
}

/// One finished round (iteration 0 is the initial plan): what the critics said, how they voted,
/// what was applied, and the plan that came out. This is what gets persisted.
public struct CritiqueRound: Codable, Sendable, Hashable {
    public var iteration: Int
    public var items: [FeedbackItem]
    public var scores: [ItemScore]
    /// Ids of the items whose edit produced `plan`.
    public var applied: [String]
    /// The plan after this round: always valid (after the initial round, when planning succeeded).
    public var plan: [String]
    public var cost: Int
    /// Plan quality in [0, 1] after this round (`PlanReview.quality`).
    public var quality: Double
    public var validation: ValidationSummary
    public var seconds: Double
    /// Per critic: how many times it voted "agree" on an edit whose result the validator rejects
    /// (the Analytics screen's "critics that approved invalid plans").
    public var agreedWithInvalid: [CriticName: Int] = [:]
    /// Ids of the items whose edit yields no valid plan (does not apply, or the validator rejects
    /// the result): the denominator for `agreedWithInvalid`.
    public var invalidEdits: [String] = []
    /// Critics that produced nothing usable this round (garbage reply, timeout, error): they
    /// contributed no items (review) or abstained (vote).
    public var criticFailures: [CriticFailure] = []
    /// LLM mode: what became of this round's request for a revised plan.
    public var revision: RevisionOutcome?

    public func score(of itemId: String) -> ItemScore? { scores.first { $0.itemId == itemId } }
}

// In an extension, so the memberwise initialiser stays.
extension CritiqueRound {
    private enum CodingKeys: String, CodingKey {
        case iteration, items, scores, applied, plan, cost, quality, validation, seconds
        case agreedWithInvalid, invalidEdits, criticFailures, revision
    }

    /// Rounds written before a field existed still decode: the later additions default to empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        iteration = try c.decode(Int.self, forKey: .iteration)
        items = try c.decode([FeedbackItem].self, forKey: .items)
        scores = try c.decode([ItemScore].self, forKey: .scores)
        applied = try c.decode([String].self, forKey: .applied)
        plan = try c.decode([String].self, forKey: .plan)
        cost = try c.decode(Int.self, forKey: .cost)
        quality = try c.decode(Double.self, forKey: .quality)
        validation = try c.decode(ValidationSummary.self, forKey: .validation)
        seconds = try c.decode(Double.self, forKey: .seconds)
        agreedWithInvalid = try c.decodeIfPresent([CriticName: Int].self, forKey: .agreedWithInvalid) ?? [:]
        invalidEdits = try c.decodeIfPresent([String].self, forKey: .invalidEdits) ?? []
        criticFailures = try c.decodeIfPresent([CriticFailure].self, forKey: .criticFailures) ?? []
        revision = try c.decodeIfPresent(RevisionOutcome.self, forKey: .revision)
    }
}

/// Why the loop stopped; raw values are the `reason` of the `critique --json` final line.
public enum ConvergenceReason: String, Codable, Sendable {
    case noCriticalFeedback = "no-critical-feedback"
    case maxIterations = "max-iterations"
    case noImprovement = "no-improvement"
    case cancelled
    case failed
}

/// Where the first plan came from.
public enum InitialPlanSource: Codable, Sendable, Hashable {
    case classicalPlanner
    case proposer(name: String, rounds: Int)
    /// The proposer gave no valid plan within its rounds; the classical planner supplied one.
    case classicalFallback(proposer: String, rounds: Int)
    case resumed(fromIteration: Int)

    public var summary: String {
        switch self {
        case .classicalPlanner: "classical planner"
        case .proposer(let name, let rounds): "\(name) (valid after \(rounds) round(s))"
        case .classicalFallback(let name, let rounds): "classical planner (\(name) gave no valid plan in \(rounds) round(s))"
        case .resumed(let iteration): "resumed from iteration \(iteration)"
        }
    }
}

/// The end of a session.
public struct CritiqueResult: Sendable {
    public var reason: ConvergenceReason
    /// The final plan; nil only when no valid plan was ever found (reason `.failed`).
    public var plan: PlanReview?
    public var initialCost: Int?
    public var initialSource: InitialPlanSource?
    public var rounds: [CritiqueRound]
    /// Rounds of critique run (iteration 0, the initial plan, not counted).
    public var iterations: Int { rounds.filter { $0.iteration > 0 }.count }
    public var failure: String?
}

/// Persists each round the moment it finishes. PlansmithCore implements it on the Store.
public protocol CritiqueRecorder: Sendable {
    func record(_ round: CritiqueRound) async throws
}

/// Resume point: the plan of the last persisted round and the number of the next one.
public struct CritiqueResumePoint: Sendable, Hashable {
    public var plan: [PlanStep]
    public var nextIteration: Int
    public init(plan: [PlanStep], nextIteration: Int) {
        self.plan = plan
        self.nextIteration = nextIteration
    }
}

/// A critic that failed in one phase of a round.
public struct CriticFailure: Codable, Sendable, Hashable {
    public enum Phase: String, Codable, Sendable { case review, vote }
    public var critic: CriticName
    public var phase: Phase
    public var message: String

    public init(critic: CriticName, phase: Phase, message: String) {
        self.critic = critic
        self.phase = phase
        self.message = message
    }
}

/// The reviser's answer in one round: was the revised plan valid, was it applied, and if not, why.
public struct RevisionOutcome: Codable, Sendable, Hashable {
    public var reviser: String
    public var valid: Bool
    public var applied: Bool
    /// Cost of the revised plan when it was valid.
    public var cost: Int?
    /// The validator's diagnostics (first failing step first) or the error; fed back next round.
    public var feedback: String?

    public init(reviser: String, valid: Bool, applied: Bool, cost: Int? = nil, feedback: String? = nil) {
        self.reviser = reviser
        self.valid = valid
        self.applied = applied
        self.cost = cost
        self.feedback = feedback
    }
}
