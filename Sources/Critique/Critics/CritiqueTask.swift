import PDDL
import Planner

/// The planning task under critique: the parsed PDDL, the lifted validator (the hard critic), the
/// grounded task for analyses and replanning. Built once per session; reviews of plans are cached.
public final class CritiqueTask: Sendable {
    public let domain: Domain
    public let problem: Problem
    public let validator: PlanValidator
    public let grounded: GroundedTask
    public let execution: GroundedExecution
    let reachability: RelaxedReachability
    /// Admissible lower bound on the cost of any plan (LM-cut of the initial state), when known.
    public let costLowerBound: Int?
    private let cache = ReviewCache()

    public init(domain: Domain, problem: Problem, grounding: GroundingOptions = GroundingOptions()) throws {
        self.domain = domain
        self.problem = problem
        validator = try PlanValidator(domain: domain, problem: problem)
        grounded = try Grounder.ground(domain: domain, problem: problem, options: grounding)
        execution = GroundedExecution(task: grounded)
        reachability = RelaxedReachability(task: grounded)
        // LM-cut of the initial state through the planner's public analysis of the empty plan.
        costLowerBound = PlanAnalysis.analyse([], task: grounded, validator: validator)?.costLowerBound
    }

    /// Everything the critics need to know about `steps`; computed once per distinct plan.
    public func review(_ steps: [PlanStep]) -> PlanReview {
        if let cached = cache.review(for: steps) { return cached }
        let review = PlanReview(steps: steps, task: self)
        cache.store(review)
        return review
    }

    /// True when the goal is unreachable from `state` even in the delete relaxation.
    public func isDeadEnd(_ state: Set<Int32>) -> Bool { reachability.isDeadEnd(state) }
}
