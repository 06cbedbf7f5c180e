import Critique
import Foundation
import PDDL
import Planner

/// The JSON objects of schema 1 (architecture.md, "JSON output"), built in one place so the
/// command line's `--json` and the server's responses and events are the same shapes.
/// Objects are `[String: Any]` for `JSONSerialization`: the shapes have optional members that are
/// written as `null`, and field order does not matter (writers sort keys).
public enum JSONForms {
    /// A diagnostic (`validate --format json`).
    public static func diagnostic(_ d: Diagnostic) -> [String: Any] {
        var object: [String: Any] = [
            "code": d.code.rawValue, "severity": d.severity.rawValue, "message": d.message, "file": d.file,
            "line": Int(d.range.start.line), "column": Int(d.range.start.column), "offset": Int(d.range.start.offset),
            "end_line": Int(d.range.end.line), "end_column": Int(d.range.end.column), "end_offset": Int(d.range.end.offset),
        ]
        if !d.notes.isEmpty { object["notes"] = d.notes }
        if let suggestion = d.suggestion { object["suggestion"] = suggestion }
        return object
    }

    public static func domainSummary(_ domain: PDDL.Domain) -> [String: Any] {
        ["name": domain.name.text, "actions": domain.actions.count, "predicates": domain.predicates.count,
         "types": domain.types.count, "requirements": domain.requirements.map(\.name.text)]
    }

    public static func problemSummary(_ problem: Problem) -> [String: Any] {
        ["name": problem.name.text, "domain": problem.domainName.text, "objects": problem.objects.count,
         "init": problem.initialState.count]
    }

    /// `validate --format json` for a report (the diagnostics given, which callers may filter).
    public static func validation(_ report: ValidationReport?, diagnostics: [Diagnostic], failed: Bool) -> [String: Any] {
        var object: [String: Any] = [
            "valid": !failed,
            "errors": diagnostics.filter { $0.severity == .error }.count,
            "warnings": diagnostics.filter { $0.severity == .warning }.count,
            "diagnostics": diagnostics.map(diagnostic),
        ]
        if let domain = report?.domain { object["domain"] = domainSummary(domain) }
        if let problem = report?.problem { object["problem"] = problemSummary(problem) }
        return object
    }

    /// `plan --json`.
    public static func planResult(status: String, plan: Plan?, seconds: Double, statistics: SearchStatistics?,
                                  limit: Limit?) -> [String: Any] {
        var object: [String: Any] = ["status": status, "time_s": (seconds * 1000).rounded() / 1000,
                                     "expanded": statistics?.expanded ?? 0]
        object["plan"] = plan.map { $0.steps.map(\.description) } ?? NSNull()
        object["cost"] = plan.map(\.cost) ?? NSNull()
        if let statistics {
            // Additive diagnostics beyond the schema-1 contract (benchmarks read them).
            object["evaluated"] = statistics.evaluated
            object["stored_states"] = statistics.storedStates
            object["bytes_per_state"] = statistics.bytesPerState
            object["search_memory_bytes"] = statistics.peakMemoryBytes
        }
        if let limit { object["limit"] = limit.rawValue }
        return object
    }

    /// `check-plan --json`.
    public static func planCheck(_ report: PlanValidationReport, steps: [ParsedPlanStep]) -> [String: Any] {
        var object: [String: Any] = ["valid": report.isValid, "cost": report.cost, "unmet_goals": report.unmetGoals,
                                     "advice": report.advice.map { ["literal": $0.literal, "achievers": $0.achievers] }]
        if let failure = report.failure {
            object["first_failure"] = ["step": failure.step, "action": failure.action, "kind": failure.kind.rawValue,
                                       "message": failure.message, "unsatisfied": failure.unsatisfied,
                                       "line": steps[failure.step - 1].line] as [String: Any]
        } else {
            object["first_failure"] = NSNull()
        }
        return object
    }

    /// One `critique --json` line for an event, or nil for events folded into others (critic
    /// start/finish, single votes, streamed tokens). `task` re-validates the final plan: the final
    /// verdict is always the validator's.
    public static func critiqueEvent(_ event: CritiqueEvent, sessionId: Int64, task: CritiqueTask?) -> [String: Any]? {
        switch event {
        case .sessionStarted(let source, let plan, let cost):
            return ["type": "session", "session_id": sessionId, "source": source.summary, "plan": plan, "cost": cost]
        case .proposalRejected(let round, let feedback):
            return ["type": "proposal-rejected", "round": round, "feedback": feedback]
        case .iterationStarted(let i):
            return ["type": "iteration", "iteration": i]
        case .itemScored(let i, let item, let score):
            return critiqueItem(item, score: score, iteration: i)
        case .refinementApplied(let i, let items, let plan, let cost):
            return ["type": "refinement", "iteration": i, "items": items, "plan": plan, "cost": cost]
        case .iterationFinished(let round):
            return critiqueRound(round)
        case .llmUsage(let prompt, let completion):
            return ["type": "llm-usage", "prompt_tokens": prompt, "completion_tokens": completion]
        case .failure(let message):
            return ["type": "failure", "message": message]
        case .sessionFinished(let result):
            let valid = result.plan.map { plan in task.map { $0.validator.validate(plan.steps).isValid } ?? plan.isValid } ?? false
            var object: [String: Any] = ["type": "final", "session_id": sessionId, "valid": valid,
                                         "plan": result.plan?.stepTexts ?? [], "cost": result.plan.map { $0.cost as Any } ?? NSNull(),
                                         "initial_cost": result.initialCost.map { $0 as Any } ?? NSNull(),
                                         "iterations": result.iterations, "reason": finalReason(result)]
            if let failure = result.failure { object["failure"] = failure }
            return object
        case .criticStarted, .criticFinished, .feedbackItem, .vote, .converged, .llmTokens:
            return nil
        }
    }

    public static func critiqueItem(_ item: FeedbackItem, score: ItemScore, iteration: Int) -> [String: Any] {
        var votes: [String: Double] = [:]
        for (critic, vote) in score.votes { votes[critic.rawValue] = vote.rawValue }
        var object: [String: Any] = ["type": "item", "iteration": iteration, "id": item.id, "critic": item.author.rawValue,
                                     "severity": item.severity.rawValue, "message": item.message, "steps": item.steps.map { $0 + 1 },
                                     "votes": votes, "score": score.score, "accepted": score.accepted]
        object["edit"] = item.edit.map { ["kind": $0.kind, "description": $0.description] } ?? NSNull()
        return object
    }

    public static func critiqueRound(_ round: CritiqueRound) -> [String: Any] {
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
        return object
    }

    /// The final line's reason: "no-plan" when the session ended without any valid plan.
    public static func finalReason(_ result: CritiqueResult) -> String {
        result.plan == nil && (result.reason == .failed || result.reason == .cancelled) && result.rounds.isEmpty
            ? "no-plan" : result.reason.rawValue
    }

    /// Serialised with sorted keys and unescaped slashes (the CLI adds `"schema": 1` first).
    public static func data(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
