import Critique
import Foundation

/// The exported record of a session: the final plan and the whole critique (every round's items,
/// votes, scores, acceptance and applied edits). Encoded as JSON, or rendered as Markdown.
public struct PlanReport: Sendable, Encodable {
    public struct Item: Sendable, Encodable {
        var id: String
        var author: String
        var severity: String
        var message: String
        var steps: [Int]
        var edit: String?
        var votes: [String: String]
        var score: Double?
        var accepted: Bool?
        var applied: Bool
        /// The validator's verdict on the plan the edit produces (nil: not checked or no edit).
        var editValid: Bool?
        var approvedInvalidBy: [String]
    }

    public struct Round: Sendable, Encodable {
        var iteration: Int
        var plan: [String]
        var cost: Int?
        var quality: Double?
        var valid: Bool?
        var seconds: Double?
        /// Failed critics and the LLM reviser's outcome.
        var remarks: [String]
        var items: [Item]
    }

    var sessionId: Int64
    var domain: String
    var status: String
    var reason: String?
    var failure: String?
    var initialPlan: [String]
    var initialCost: Int?
    var finalPlan: [String]
    var finalCost: Int?
    /// The validator's verdict on the final plan: the only source of "valid".
    var finalPlanValid: Bool?
    var weights: [String: Double]
    var threshold: Double
    var rounds: [Round]

    init(state: PlanScreen.State) {
        let board = state.board
        sessionId = state.sessionId ?? 0
        domain = state.domainName
        status = state.status.rawValue
        reason = board.reason?.rawValue
        failure = board.failure
        initialPlan = board.initialPlan
        initialCost = board.initialCost
        finalPlan = board.currentPlan
        finalCost = board.currentCost
        finalPlanValid = board.currentValidation?.valid
        weights = state.configuration.weights
        threshold = state.configuration.threshold
        rounds = board.rounds.map { round in
            Round(iteration: round.iteration, plan: round.plan ?? [], cost: round.cost, quality: round.quality,
                  valid: round.validation?.valid, seconds: round.seconds, remarks: round.remarks, items: round.items.map { row in
                Item(id: row.item.id, author: row.item.author.rawValue, severity: row.item.severity.rawValue,
                     message: row.item.message, steps: row.item.steps.map { $0 + 1 }, edit: row.item.edit?.description,
                     votes: Dictionary(uniqueKeysWithValues: row.votes.map { ($0.key.rawValue, PlanWords.vote($0.value)) }),
                     score: row.score?.score, accepted: row.score?.accepted, applied: row.applied, editValid: row.editValid,
                     approvedInvalidBy: row.approversOfInvalid.map(\.rawValue))
            })
        }
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    public func markdown() -> String {
        var out = "# Plansmith critique report: \(domain), session \(sessionId)\n\n"
        out += "- Status: \(status)" + (reason.map { " (\($0))" } ?? "") + "\n"
        if let failure { out += "- Failure: \(failure)\n" }
        out += "- Final plan: " + PlanWords.verdict(finalPlanValid, unicode: true) + (finalCost.map { ", cost \($0)" } ?? "")
        out += initialCost.map { " (initial cost \($0))" } ?? ""
        out += "\n- Weights: " + weights.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        out += "; threshold \(threshold)\n\n## Final plan\n\n```\n" + finalPlan.joined(separator: "\n") + "\n```\n"
        for round in rounds {
            out += "\n## Round \(round.iteration)\n\n"
            out += "Cost \(round.cost.map(String.init) ?? "?"), quality " + (round.quality.map { String(format: "%.3f", $0) } ?? "?")
            out += ", plan " + PlanWords.verdict(round.valid, unicode: true) + "\n\n"
            for remark in round.remarks { out += "- \(remark)\n" }
            if !round.remarks.isEmpty { out += "\n" }
            guard !round.items.isEmpty else { out += "No feedback items.\n"; continue }
            let critics = Array(Set(round.items.flatMap(\.votes.keys))).sorted()
            out += "| Item | Severity | " + critics.joined(separator: " | ") + " | Score | Verdict | Flag | Message |\n"
            out += "|" + String(repeating: "---|", count: critics.count + 6) + "\n"
            for item in round.items {
                let verdict = item.applied ? "applied" : item.accepted.map { $0 ? "accept" : "reject" } ?? "pending"
                let flag = item.approvedInvalidBy.isEmpty ? (item.editValid == false ? "invalid edit" : "")
                    : "approved invalid plan: " + item.approvedInvalidBy.joined(separator: ", ")
                let cells = [item.id, item.severity] + critics.map { item.votes[$0] ?? "" }
                    + [item.score.map { String(format: "%.2f", $0) } ?? "", verdict, flag,
                       item.message.replacingOccurrences(of: "|", with: "\\|")]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }
}

/// Words the screen and the reports share.
enum PlanWords {
    static func vote(_ vote: Vote) -> String {
        switch vote {
        case .agree: "agree"
        case .neutral: "neutral"
        case .disagree: "disagree"
        }
    }

    /// The validator's verdict in glyph + word (never colour alone); ASCII when the theme is.
    static func verdict(_ valid: Bool?, unicode: Bool) -> String {
        switch valid {
        case true?: unicode ? "✓ valid" : "[ok] valid"
        case false?: unicode ? "✗ invalid" : "[X] invalid"
        case nil: "not validated"
        }
    }
}
