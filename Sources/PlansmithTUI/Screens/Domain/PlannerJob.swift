import Critique
import Foundation
import PDDL
import Planner
import Synchronization

extension DomainScreen {
    /// What a planner run ended with, in words the panel shows as they are.
    public enum PlannerOutcome: Sendable, Equatable {
        case plan(steps: [String], cost: Int, expanded: Int, seconds: Double)
        /// No plan: PDDL errors, proven unsolvable, a limit ran out, or grounding refused.
        case noPlan(String)
        case cancelled
    }

    /// The latest search progress, written by the planner thread and read on each tick.
    final class PlannerProgress: Sendable {
        private let latest = Mutex<SearchProgress?>(nil)
        init() {}
        func set(_ progress: SearchProgress) { latest.withLock { $0 = progress } }
        var expanded: Int? { latest.withLock { $0?.expanded } }
    }

    /// Runs the planner on the editor's texts, as `plansmith plan` does, on a thread of its own
    /// (`abandonable`): cancelling the calling task returns at once, and the search itself stops at
    /// its next check of `isCancelled`.
    enum PlannerJob {
        static func run(domain: String, problem: String, configuration: SearchConfiguration,
                        progress: PlannerProgress) async -> PlannerOutcome {
            let result = await abandonable { isCancelled in
                solve(domain: domain, problem: problem, configuration: configuration, progress: progress, isCancelled: isCancelled)
            }
            return result ?? .cancelled
        }

        static func solve(domain: String, problem: String, configuration: SearchConfiguration, progress: PlannerProgress,
                          isCancelled: @escaping @Sendable () -> Bool) -> PlannerOutcome {
            guard !problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .noPlan("no problem: write one in the problem tab")
            }
            let report = ValidationReport.validate(domain: SourceText(name: PDDLFile.domain.sourceName, text: domain),
                                                   problem: SourceText(name: PDDLFile.problem.sourceName, text: problem))
            guard let domainAST = report.domain, let problemAST = report.problem, !report.hasErrors else {
                let errors = report.diagnostics.filter(\.isError)
                let first = errors.first.map { ": \($0.file):\($0.range.start.line) \($0.message)" } ?? ""
                return .noPlan("the PDDL has \(errors.count) error(s)\(first)")
            }
            do {
                let outcome = try PlanSearch.plan(domain: domainAST, problem: problemAST, configuration: configuration,
                                                  isCancelled: isCancelled, progress: { progress.set($0) })
                switch outcome {
                case .solved(let plan, let statistics):
                    return .plan(steps: plan.steps.map(\.description), cost: plan.cost, expanded: statistics.expanded,
                                 seconds: statistics.seconds)
                case .provenUnsolvable(let statistics):
                    return .noPlan("no plan exists (search space exhausted after \(statistics.expanded) expansions)")
                case .exhausted(let limit, let statistics):
                    return .noPlan("no plan found within the \(limit.rawValue) limit (\(statistics.expanded) expansions)")
                case .cancelled:
                    return .cancelled
                }
            } catch {
                return .noPlan("the planner refused the task: \(error)")
            }
        }
    }
}
