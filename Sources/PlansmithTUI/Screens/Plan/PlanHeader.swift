import Critique
import Foundation
import PlansmithCore
import TerminalUI

/// The three header lines: session and status (with the convergence reason), the score sparkline
/// and the plan's validator verdict, then what the user can do or what went wrong.
enum PlanHeader {
    static func lines(_ state: PlanScreen.State, _ look: ViewContext) -> [StyledLine] {
        let theme = look.theme
        let board = state.shown
        // Status first: on a narrow terminal it is what must still fit.
        var first: StyledLine = [Span(status(state, unicode: theme.unicode), statusStyle(state.status, theme)),
                                 Span(" · session \(state.sessionId.map(String.init) ?? "–")", theme[.title]),
                                 Span(" · \(state.domainName)", theme[.muted])]
        if let reason = board.reason, !state.isRunning {
            first.append(Span(" · reason: \(reason.rawValue)" + (board.reasonInferred ? " (from stored rounds)" : ""), theme[.text]))
        }
        if state.paused { first.append(Span(" · PAUSED (space resumes)", theme[.warning])) }

        let qualities = board.qualities
        var second: StyledLine = [Span("Score ", theme[.muted])]
        if qualities.isEmpty {
            second.append(Span("–", theme[.muted]))
        } else {
            second.append(Span(Sparkline(qualities, theme: theme).glyphs(width: 24), theme[.accent]))
            let shown = qualities.count > 1 ? "\(fmt(qualities[0])) → \(fmt(qualities[qualities.count - 1]))" : fmt(qualities[0])
            second.append(Span(" \(shown)", theme[.text]))
        }
        if let cost = board.currentCost {
            let initial = board.initialCost.map { $0 != cost ? "\($0) → " : "" } ?? ""
            second.append(Span(" · cost \(initial)\(cost)", theme[.text]))
        }
        if let validation = board.currentValidation {
            let label = state.status.isFinished ? " · final plan " : " · current plan "
            second.append(Span(label, theme[.muted]))
            second.append(Span(PlanWords.verdict(validation.valid, unicode: theme.unicode) + " (validator)",
                               validation.valid ? theme[.ok] : theme[.error]))
        }
        return [first, second, third(state, look)]
    }

    private static func third(_ state: PlanScreen.State, _ look: ViewContext) -> StyledLine {
        let theme = look.theme
        if let notice = state.notice { return [Span(notice, theme[.warning])] }
        if state.canResume {
            let last = state.board.rounds.last(where: \.finished)?.iteration ?? 0
            let from = last == 0 ? "the initial plan" : "round \(last)"
            return [Span("Press r (or palette: resume session) to resume from \(from)", theme[.keyHint])]
        }
        if let failure = state.board.failure { return [Span("Failure: \(failure)", theme[.error])] }
        if [.interrupted, .failed, .cancelled].contains(state.status), let problem = state.resumeProblem {
            return [Span("Cannot resume: \(problem)", theme[.warning])]
        }
        var parts: [String] = []
        if let source = state.board.source { parts.append("first plan: \(source)") }
        if let note = state.board.notes.last { parts.append(note) }
        if let remark = state.board.rounds.last(where: \.finished)?.remarks.last { parts.append(remark) }
        if state.board.unknownEvents > 0 { parts.append("\(state.board.unknownEvents) event(s) of unknown kinds ignored") }
        return [Span(parts.joined(separator: " · "), theme[.muted])]
    }

    static func status(_ state: PlanScreen.State, unicode: Bool) -> String {
        let ellipsis = unicode ? "…" : "..."
        if state.starting { return (unicode ? "▶ " : "> ") + "starting" + ellipsis }
        let word = state.status.rawValue
        var text: String
        switch state.status {
        case .pending: text = (unicode ? "○ " : "o ") + word
        case .running:
            let round = max(state.board.latestIteration, 1)
            text = (unicode ? "▶ " : "> ") + "\(word) round \(round)/\(state.configuration.maxIterations)"
        case .completed: text = (unicode ? "✓ " : "[ok] ") + word
        case .failed: text = (unicode ? "✗ " : "[X] ") + word
        case .cancelled: text = (unicode ? "■ " : "[-] ") + word
        case .interrupted: text = "! " + word
        }
        if state.cancelling { text += " · cancelling" + ellipsis }
        return text
    }

    static func statusStyle(_ status: SessionStatus, _ theme: Theme) -> Style {
        switch status {
        case .completed: theme[.ok]
        case .failed: theme[.error]
        case .cancelled, .interrupted: theme[.warning]
        default: theme[.accent]
        }
    }

    static func fmt(_ value: Double) -> String { String(format: "%.3f", value) }
}
