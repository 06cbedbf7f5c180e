import PDDL

/// Why a domain/problem pair could not be turned into a grounded task.
public enum PlanningError: Error, Sendable, CustomStringConvertible {
    /// The PDDL uses something the planner does not handle (numeric fluents, derived predicates…).
    case unsupported(String, SourceRange)
    /// The domain and problem do not fit together (unknown predicate, object, type, arity).
    case invalidTask(String, SourceRange)
    /// Grounding would create more operators than the configured limit.
    case tooManyOperators(limit: Int, schema: String)
    /// Normalising a precondition into disjunctive normal form produced too many disjuncts.
    case formulaTooLarge(action: String, disjuncts: Int)
    /// The run's time or memory budget ran out while grounding (`GroundingOptions.deadline`).
    case limitReached(Limit)

    public var description: String {
        switch self {
        case .unsupported(let message, _): "unsupported: \(message)"
        case .invalidTask(let message, _): "invalid task: \(message)"
        case .tooManyOperators(let limit, let schema):
            "grounding stopped: more than \(limit) ground operators (while grounding '\(schema)'); raise the operator limit or simplify the problem"
        case .formulaTooLarge(let action, let disjuncts):
            "grounding stopped: the precondition of '\(action)' expands to more than \(disjuncts) disjuncts"
        case .limitReached(let limit): "grounding stopped: the \(limit.rawValue) limit was reached"
        }
    }
}
