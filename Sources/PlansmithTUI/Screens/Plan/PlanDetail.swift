import Critique
import Foundation
import TerminalUI

/// The details of one feedback item (Enter on a scoreboard row): full message, the steps and edit,
/// each critic's vote with its weight, the score against the threshold, and the validator's verdict
/// on the edited plan.
enum PlanDetail {
    static func lines(_ id: String, _ state: PlanScreen.State, unicode: Bool) -> [String] {
        let board = state.shown
        guard let round = board.rounds.first(where: { $0.items.contains { $0.item.id == id } }),
              let row = round.items.first(where: { $0.item.id == id }) else { return ["Item \(id) is no longer on the board."] }
        let item = row.item
        var lines = ["Round \(round.iteration) · \(item.severity.rawValue) · by \(item.author.rawValue)", "", item.message, ""]
        if !item.steps.isEmpty {
            let plan = round.iteration == 1 ? board.initialPlan
                : board.rounds.last(where: { $0.iteration < round.iteration && $0.finished })?.plan ?? board.initialPlan
            lines.append("Steps: " + item.steps.map { i in "\(i + 1) " + (plan.indices.contains(i) ? plan[i] : "") }.joined(separator: ", "))
        }
        lines.append("Edit: " + (item.edit?.description ?? "none (an observation)"))
        lines.append("")
        lines.append("Votes (weight × vote):")
        for critic in row.votes.keys.sorted() {
            let vote = row.votes[critic]!
            let weight = state.configuration.weight(of: critic)
            lines.append("  \(critic.rawValue): \(PlanWords.vote(vote)) (\(vote.rawValue)) × \(weight) = "
                         + String(format: "%.2f", weight * vote.rawValue))
        }
        if let score = row.score {
            lines.append("Score \(String(format: "%.2f", score.score)) vs threshold \(state.configuration.threshold): "
                         + (score.accepted ? "accepted" : "rejected") + (row.applied ? ", applied to the plan" : ""))
        } else {
            lines.append("Votes still arriving.")
        }
        switch row.editValid {
        case true?: lines.append("Edited plan: " + PlanWords.verdict(true, unicode: unicode) + " (validator)")
        case false?:
            lines.append("Edited plan: " + PlanWords.verdict(false, unicode: unicode) + " (validator)")
            let approvers = row.approversOfInvalid
            if !approvers.isEmpty {
                lines.append("Approved an invalid plan: " + approvers.map(\.rawValue).joined(separator: ", "))
            }
        case nil: if item.edit != nil { lines.append("Edited plan: not checked (yet)") }
        }
        return lines
    }

    static func draw(_ id: String, _ state: PlanScreen.State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        let width = min(area.width, 90)
        let text = lines(id, state, unicode: look.theme.unicode)
        let wrapped = text.flatMap { $0.isEmpty ? [""] : TextWrap.wrap($0, width: max(1, width - 2)) }
        let box = area.centered(width: width, height: min(area.height, wrapped.count + 2))
        guard box.width >= 2, box.height >= 2 else {
            PlanDraw.wrapped(text.first ?? "", in: area, style: look.theme[.text], into: &buffer)
            return
        }
        let inner = Block(title: "Item \(id) · esc closes", focused: true, theme: look.theme).draw(in: box, into: &buffer)
        for (row, line) in wrapped.prefix(inner.height).enumerated() {
            PlanDraw.text(line, in: inner, row: row, style: look.theme[.text], into: &buffer)
        }
    }
}
