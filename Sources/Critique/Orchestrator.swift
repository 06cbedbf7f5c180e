import Foundation
import Planner

/// The critique loop.
///
/// A session starts from a valid plan (classical planner, a `PlanProposer` checked by the
/// validator, or the last persisted round when resuming). Each round every critic reviews the
/// current plan; every critic then votes on every item by reviewing the plan the item's edit would
/// produce; items whose weighted score reaches the threshold are accepted; refinement keeps the
/// best plan those edits produce *that the validator accepts and that costs no more*. So whatever
/// the votes say, the current plan is always valid and its cost never rises.
///
/// LLM mode adds model-backed critics (`LLMCritic`, voting like the sound ones) and a `reviser`
/// asked each round for a revised plan from the accepted items; the revision is one more
/// candidate for refinement, under the same veto. A rejected revision's first-failing-step
/// diagnostics go back to the reviser in the next round (the loop continues for it). A critic
/// that fails (garbage, timeout) is recorded in the round and abstains.
///
/// Convergence after a round: the plan did not change (reason `no-critical-feedback`, or
/// `no-improvement` if critical items were left unresolved), it changed by less than `epsilon`
/// in quality without getting cheaper (`no-improvement`), or the round was the last allowed
/// (`max-iterations`). Cancelling the surrounding task ends the loop at the next check, keeping
/// the last valid plan (`cancelled`).
public struct CritiqueOrchestrator: Sendable {
    public let task: CritiqueTask
    public var critics: [any Critic]
    public var configuration: CritiqueConfiguration
    public var proposer: (any PlanProposer)?
    public var recorder: (any CritiqueRecorder)?
    /// LLM mode: asked each round for a revised plan given the accepted items (see `PlanReviser`).
    public var reviser: (any PlanReviser)?
    /// The planner configuration for the first plan: fast, not optimal.
    public var planning: SearchConfiguration

    public init(task: CritiqueTask, critics: [any Critic] = SoundCritics.all, configuration: CritiqueConfiguration = .default,
                proposer: (any PlanProposer)? = nil, recorder: (any CritiqueRecorder)? = nil,
                planning: SearchConfiguration = CritiqueOrchestrator.fastPlanning, reviser: (any PlanReviser)? = nil) {
        self.reviser = reviser
        self.task = task
        self.critics = critics
        self.configuration = configuration
        self.proposer = proposer
        self.recorder = recorder
        self.planning = planning
    }

    public static var fastPlanning: SearchConfiguration {
        var configuration = SearchConfiguration.default
        configuration.limits.timeLimit = .seconds(60)
        return configuration
    }

    public typealias EventSink = @Sendable (CritiqueEvent) async -> Void

    public func run(resumingFrom resume: CritiqueResumePoint? = nil, domainText: String = "", problemText: String = "",
                    events: EventSink = { _ in }) async -> CritiqueResult {
        var result = CritiqueResult(reason: .failed, plan: nil, initialCost: nil, initialSource: nil, rounds: [], failure: nil)
        let start: (plan: PlanReview, source: InitialPlanSource)
        switch await initialPlan(resume: resume, domainText: domainText, problemText: problemText, events: events) {
        case .success(let initial): start = initial
        case .failure(let failure):
            if Task.isCancelled { result.reason = .cancelled } else { result.failure = failure.message }
            if let message = result.failure { await events(.failure(message)) }
            await events(.converged(result.reason))
            await events(.sessionFinished(result))
            return result
        }
        var current = start.plan
        result.plan = current
        result.initialCost = current.cost
        result.initialSource = start.source
        await events(.sessionStarted(source: start.source, plan: current.stepTexts, cost: current.cost))
        let first = resume?.nextIteration ?? 1
        if resume == nil {
            let round = CritiqueRound(iteration: 0, items: [], scores: [], applied: [], plan: current.stepTexts, cost: current.cost,
                                      quality: quality(current), validation: ValidationSummary(current.validation), seconds: 0)
            if let failure = await persist(round, into: &result, events: events) { return await finish(result, .failed, failure, events) }
        }
        var iteration = first
        var diagnostics: String?
        while true {
            if Task.isCancelled { return await finish(result, .cancelled, nil, events) }
            guard let (round, next) = await runRound(iteration, on: current, diagnostics: diagnostics, context: (domainText, problemText),
                                                     events: events) else {
                return await finish(result, .cancelled, nil, events)
            }
            if let failure = await persist(round, into: &result, events: events) { return await finish(result, .failed, failure, events) }
            let changed = !round.applied.isEmpty
            let hasCritical = round.items.contains { $0.severity == .critical }
            let improvement = quality(next) - quality(current)
            let cheaper = next.cost < current.cost
            current = next
            result.plan = current
            // A rejected revision gets another round (until max-iterations) with the diagnostics.
            diagnostics = round.revision.flatMap { $0.valid ? nil : $0.feedback }
            let retry = diagnostics != nil && iteration - first + 1 < configuration.maxIterations
            if !changed && !retry {
                // Out of rounds with the last revision rejected: the reviser would have had another try.
                let reason: ConvergenceReason = diagnostics != nil ? .maxIterations : hasCritical ? .noImprovement : .noCriticalFeedback
                return await finish(result, reason, nil, events)
            }
            if changed && !cheaper && improvement < configuration.epsilon { return await finish(result, .noImprovement, nil, events) }
            if iteration - first + 1 >= configuration.maxIterations { return await finish(result, .maxIterations, nil, events) }
            iteration += 1
        }
    }

    func quality(_ review: PlanReview) -> Double { review.quality(lowerBound: task.costLowerBound, configuration: configuration) }

    private func persist(_ round: CritiqueRound, into result: inout CritiqueResult, events: EventSink) async -> String? {
        result.rounds.append(round)
        // A finished round is saved even if cancellation arrives meanwhile: a fresh task does not inherit it.
        if let recorder {
            let failure = await Task { () -> String? in
                do { try await recorder.record(round); return nil } catch { return "could not save iteration \(round.iteration): \(error)" }
            }.value
            if let failure { return failure }
        }
        if round.iteration > 0 { await events(.iterationFinished(round)) }
        return nil
    }

    private func finish(_ result: CritiqueResult, _ reason: ConvergenceReason, _ failure: String?, _ events: EventSink) async -> CritiqueResult {
        var result = result
        result.reason = reason
        result.failure = failure
        if let failure { await events(.failure(failure)) }
        await events(.converged(reason))
        await events(.sessionFinished(result))
        return result
    }
}
