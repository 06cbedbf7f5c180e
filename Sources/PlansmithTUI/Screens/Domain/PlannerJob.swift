import Foundation
import PDDL
import Planner
import PlansmithCore
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

    /// Runs the planner on the editor's texts through the planning service, as `plansmith plan`
    /// does (same time limit over parsing, grounding and search); cancelling the calling task
    /// returns at once.
    enum PlannerJob {
        /// F5's time limit (Esc stops a run sooner).
        static let timeout = Duration.seconds(60)

        static func run(_ planning: any PlanningService, domain: String, problem: String, configuration: SearchConfiguration,
                        progress: PlannerProgress) async -> PlannerOutcome {
            guard !problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .noPlan("no problem: write one in the problem tab")
            }
            let job = PlanJob(domain: SourceText(name: PDDLFile.domain.sourceName, text: domain),
                              problem: SourceText(name: PDDLFile.problem.sourceName, text: problem),
                              configuration: configuration, timeout: timeout)
            switch await planning.plan(job, progress: { progress.set($0) }) {
            case .solved(let plan, let statistics, _):
                return .plan(steps: plan.steps.map(\.description), cost: plan.cost, expanded: statistics.expanded,
                             seconds: statistics.seconds)
            case .cancelled: return .cancelled
            case let other: return .noPlan(other.explanation)
            }
        }
    }
}
