// Public initialisers, for modules that rebuild rounds from storage (the memberwise ones are internal).

extension ValidationSummary {
    public init(valid: Bool, cost: Int, failedStep: Int? = nil, unsatisfied: [String] = [], unmetGoals: [String] = []) {
        self.valid = valid
        self.cost = cost
        self.failedStep = failedStep
        self.unsatisfied = unsatisfied
        self.unmetGoals = unmetGoals
    }
}

extension CritiqueRound {
    /// A round rebuilt from storage (public: the memberwise initialiser is internal).
    public static func restored(iteration: Int, items: [FeedbackItem], scores: [ItemScore], applied: [String], plan: [String],
                                cost: Int, quality: Double, validation: ValidationSummary, seconds: Double,
                                agreedWithInvalid: [CriticName: Int] = [:], invalidEdits: [String] = [],
                                criticFailures: [CriticFailure] = [], revision: RevisionOutcome? = nil) -> CritiqueRound {
        CritiqueRound(iteration: iteration, items: items, scores: scores, applied: applied, plan: plan, cost: cost, quality: quality,
                      validation: validation, seconds: seconds, agreedWithInvalid: agreedWithInvalid, invalidEdits: invalidEdits,
                      criticFailures: criticFailures, revision: revision)
    }
}
