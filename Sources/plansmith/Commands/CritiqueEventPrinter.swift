import Critique
import Foundation
import Planner
import PlansmithCore

/// Turns critique events into text lines or `critique --json` lines (architecture.md, schema 1).
struct CritiqueEventPrinter {
    let json: Bool

    func print(_ event: CritiqueEvent, sessionId: Int64, task: CritiqueTask) {
        json ? printJSON(event, sessionId: sessionId, task: task) : printText(event, sessionId: sessionId)
    }

    private func printJSON(_ event: CritiqueEvent, sessionId: Int64, task: CritiqueTask) {
        if let object = JSONForms.critiqueEvent(event, sessionId: sessionId, task: task) { Console.json(object) }
    }

    private func printText(_ event: CritiqueEvent, sessionId: Int64) {
        switch event {
        case .sessionStarted(let source, let plan, let cost):
            Console.out("session \(sessionId): initial plan from the \(source.summary): \(plan.count) steps, cost \(cost)\n")
        case .proposalRejected(let round, let feedback):
            Console.out("proposal \(round) rejected: \(feedback)\n")
        case .iterationStarted(let i):
            Console.out("\nround \(i)\n")
        case .itemScored(_, let item, let score):
            let votes = score.votes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.rawValue)" }.joined(separator: ", ")
            let verdict = score.accepted ? "accepted" : "rejected"
            Console.out("  [\(item.severity.rawValue)] \(item.author): \(item.message)\n")
            Console.out("      \(item.edit.map { "edit: \($0) · " } ?? "")votes \(votes) → \(String(format: "%.2f", score.score)) \(verdict)\n")
        case .refinementApplied(_, let items, let plan, let cost):
            Console.out("  applied \(items.joined(separator: ", ")): \(plan.count) steps, cost \(cost)\n")
        case .iterationFinished(let round):
            for failure in round.criticFailures {
                Console.out("  critic \(failure.critic) failed (\(failure.phase.rawValue)): \(failure.message)\n")
            }
            if let revision = round.revision {
                let verdict = revision.applied ? "applied" : revision.valid ? "valid, not better: kept the current plan"
                    : "rejected by the validator, kept the current plan: \(revision.feedback ?? "")"
                Console.out("  revised plan from \(revision.reviser): \(verdict)\n")
            }
            Console.out("  round \(round.iteration) done: cost \(round.cost), quality \(String(format: "%.3f", round.quality)), "
                        + "\(String(format: "%.2f", round.seconds)) s\n")
        case .failure(let message):
            Console.error("plansmith critique: \(message)\n")
        case .converged(let reason):
            Console.out("\nstopped: \(reason.rawValue)\n")
        case .sessionFinished(let result):
            guard let plan = result.plan else {
                Console.out("\nno plan: \(result.failure ?? "no valid plan was found within the limits") (reason: \(Self.reason(result)))\n")
                return
            }
            Console.out("\nfinal plan (\(plan.isValid ? "valid" : "INVALID"), cost \(plan.cost), initial cost \(result.initialCost ?? plan.cost), "
                        + "\(result.iterations) round(s)):\n")
            for step in plan.steps { Console.out(step.description + "\n") }
        case .criticStarted, .criticFinished, .feedbackItem, .vote, .llmTokens, .llmUsage:
            break
        }
    }

    /// The final line's reason: "no-plan" when the session ended without any valid plan.
    static func reason(_ result: CritiqueResult) -> String { JSONForms.finalReason(result) }
}
