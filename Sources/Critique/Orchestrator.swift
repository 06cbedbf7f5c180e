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
    /// The planner configuration for the first plan: fast, not optimal.
    public var planning: SearchConfiguration

    public init(task: CritiqueTask, critics: [any Critic] = SoundCritics.all, configuration: CritiqueConfiguration = .default,
                proposer: (any PlanProposer)? = nil, recorder: (any CritiqueRecorder)? = nil,
                planning: SearchConfiguration = CritiqueOrchestrator.fastPlanning) {
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
        while true {
            if Task.isCancelled { return await finish(result, .cancelled, nil, events) }
            guard let (round, next) = await runRound(iteration, on: current, events: events) else {
                return await finish(result, .cancelled, nil, events)
            }
            if let failure = await persist(round, into: &result, events: events) { return await finish(result, .failed, failure, events) }
            let changed = !round.applied.isEmpty
            let hasCritical = round.items.contains { $0.severity == .critical }
            let improvement = quality(next) - quality(current)
            let cheaper = next.cost < current.cost
            current = next
            result.plan = current
            if !changed { return await finish(result, hasCritical ? .noImprovement : .noCriticalFeedback, nil, events) }
            if !cheaper && improvement < configuration.epsilon { return await finish(result, .noImprovement, nil, events) }
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
