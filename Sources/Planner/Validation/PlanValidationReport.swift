/// The verdict on a plan, with everything a user needs to repair it.
public struct PlanValidationReport: Sendable, Hashable {
    public var isValid: Bool
    /// Total cost of the steps that were executed (the whole plan when it executes).
    public var cost: Int
    /// The first step that could not be executed, if any.
    public var failure: StepFailure?
    /// Goal literals false after the plan (empty when a step failed before the end).
    public var unmetGoals: [String]
    /// For each unsatisfied precondition or unmet goal literal: the actions that could achieve it.
    public var advice: [RepairAdvice]
    /// Number of steps executed successfully.
    public var executedSteps: Int
}

/// Why a step failed.
public struct StepFailure: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case unknownAction = "unknown-action"
        case wrongArity = "wrong-arity"
        case unknownObject = "unknown-object"
        case wrongType = "wrong-type"
        case unsatisfiedPrecondition = "unsatisfied-precondition"
    }
    /// 1-based position in the plan.
    public var step: Int
    public var action: String
    public var kind: Kind
    public var message: String
    /// Ground precondition literals that do not hold, e.g. `(at truck1 depot)`, `(not (holding a))`.
    public var unsatisfied: [String]
}

/// "`(at t1 l2)` could be achieved by `(drive ?t ?from l2)`".
public struct RepairAdvice: Sendable, Hashable {
    public var literal: String
    public var achievers: [String]
}
