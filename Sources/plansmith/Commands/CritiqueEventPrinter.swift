import Critique
import Foundation
import Planner

/// Turns critique events into text lines or `critique --json` lines (architecture.md, schema 1).
struct CritiqueEventPrinter {
    let json: Bool

    func print(_ event: CritiqueEvent, sessionId: Int64, task: CritiqueTask) {
        json ? printJSON(event, sessionId: sessionId, task: task) : printText(event, sessionId: sessionId)
    }

    private func printJSON(_ event: CritiqueEvent, sessionId: Int64, task: CritiqueTask) {
        switch event {
        case .sessionStarted(let source, let plan, let cost):
            Console.json(["type": "session", "session_id": sessionId, "source": source.summary, "plan": plan, "cost": cost])
        case .proposalRejected(let round, let feedback):
            Console.json(["type": "proposal-rejected", "round": round, "feedback": feedback])
        case .iterationStarted(let i):
            Console.json(["type": "iteration", "iteration": i])
        case .itemScored(let i, let item, let score):
            var votes: [String: Double] = [:]
            for (critic, vote) in score.votes { votes[critic.rawValue] = vote.rawValue }
            var object: [String: Any] = ["type": "item", "iteration": i, "id": item.id, "critic": item.author.rawValue,
                                         "severity": item.severity.rawValue, "message": item.message, "steps": item.steps.map { $0 + 1 },
                                         "votes": votes, "score": score.score, "accepted": score.accepted]
            object["edit"] = item.edit.map { ["kind": $0.kind, "description": $0.description] } ?? NSNull()
            Console.json(object)
        case .refinementApplied(let i, let items, let plan, let cost):
            Console.json(["type": "refinement", "iteration": i, "items": items, "plan": plan, "cost": cost])
        case .iterationFinished(let round):
            var object: [String: Any] = ["type": "round", "iteration": round.iteration, "cost": round.cost, "quality": round.quality,
                                         "applied": round.applied, "valid": round.validation.valid,
                                         "time_s": (round.seconds * 1000).rounded() / 1000]
            if !round.criticFailures.isEmpty {
                object["critic_failures"] = round.criticFailures.map { ["critic": $0.critic.rawValue, "phase": $0.phase.rawValue, "message": $0.message] }
            }
            if !round.agreedWithInvalid.isEmpty {
                object["agreed_with_invalid"] = Dictionary(uniqueKeysWithValues: round.agreedWithInvalid.map { ($0.key.rawValue, $0.value) })
            }
            if let revision = round.revision {
                object["revision"] = ["reviser": revision.reviser, "valid": revision.valid, "applied": revision.applied,
                                      "cost": revision.cost.map { $0 as Any } ?? NSNull(), "feedback": revision.feedback.map { $0 as Any } ?? NSNull()]
            }
            Console.json(object)
        case .llmUsage(let prompt, let completion):
            Console.json(["type": "llm-usage", "prompt_tokens": prompt, "completion_tokens": completion])
        case .failure(let message):
            Console.json(["type": "failure", "message": message])
        case .sessionFinished(let result):
            // The final verdict is the validator's, taken again on the final plan.
            let valid = result.plan.map { task.validator.validate($0.steps).isValid } ?? false
            var object: [String: Any] = ["type": "final", "session_id": sessionId, "valid": valid,
                                         "plan": result.plan?.stepTexts ?? [], "cost": result.plan.map { $0.cost as Any } ?? NSNull(),
                                         "initial_cost": result.initialCost.map { $0 as Any } ?? NSNull(),
                                         "iterations": result.iterations, "reason": Self.reason(result)]
            if let failure = result.failure { object["failure"] = failure }
            Console.json(object)
        case .criticStarted, .criticFinished, .feedbackItem, .vote, .converged, .llmTokens:
            break  // folded into the item and round lines
        }
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
    static func reason(_ result: CritiqueResult) -> String {
        result.plan == nil && (result.reason == .failed || result.reason == .cancelled) && result.rounds.isEmpty
            ? "no-plan" : result.reason.rawValue
    }
}
