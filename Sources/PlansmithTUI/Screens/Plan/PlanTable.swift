import Critique
import Foundation
import TerminalUI

/// The scoreboard table: one row per feedback item, one vote column per critic, then the weighted
/// score, accept/reject and a text flag for approvals of invalid plans (colour never carries it).
enum PlanTable {
    static func columns(critics: [CriticName]) -> [TableColumn] {
        [TableColumn("Rnd", width: .fixed(3), alignment: .right), TableColumn("Sev", width: .fixed(5)),
         TableColumn("By", width: .fixed(5))]
            + critics.map { TableColumn(String($0.rawValue.prefix(8)), width: .fixed(8)) }
            + [TableColumn("Score", width: .fixed(5), alignment: .right), TableColumn("Verdict", width: .fixed(7)),
               TableColumn("Flag", width: .fixed(12)), TableColumn("Message", width: .fill)]
    }

    /// Rows (in arrival order) and the item id of each; `filter` keeps rows containing it anywhere.
    static func rows(for board: PlanBoard, critics: [CriticName], filter: String) -> ([[String]], [String]) {
        var rows: [[String]] = []
        var ids: [String] = []
        let needle = filter.lowercased()
        for round in board.rounds {
            for row in round.items {
                let cells = self.cells(row, round: round.iteration, critics: critics)
                if !needle.isEmpty, !(cells + [row.item.id]).contains(where: { $0.lowercased().contains(needle) }) { continue }
                rows.append(cells)
                ids.append(row.item.id)
            }
        }
        return (rows, ids)
    }

    static func cells(_ row: PlanBoardItem, round: Int, critics: [CriticName]) -> [String] {
        let approvers = Set(row.approversOfInvalid)
        let votes = critics.map { critic -> String in
            guard let vote = row.votes[critic] else { return "..." }
            // The vote itself approved an edit the validator rejects: flagged in the cell too.
            return PlanWords.vote(vote) + (approvers.contains(critic) ? "!" : "")
        }
        return ["\(round)", severity(row.item.severity), String(row.item.author.rawValue.prefix(5))] + votes
            + [row.score.map { String(format: "%.2f", $0.score) } ?? "...", verdict(row), flag(row), row.item.message]
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "CRIT"
        case .major: "major"
        case .minor: "minor"
        }
    }

    static func verdict(_ row: PlanBoardItem) -> String {
        if row.applied { return "applied" }
        guard let score = row.score else { return "voting" }
        return score.accepted ? "accept" : "reject"
    }

    static func flag(_ row: PlanBoardItem) -> String {
        if !row.approversOfInvalid.isEmpty { return "OK'D INVALID" }
        return row.editValid == false ? "invalid edit" : ""
    }
}
