import Foundation
import TerminalUI

/// The checks pane: validation summary and diagnostics on top, the planner's progress or result
/// below; and the history popup.
extension DomainScreen {
    static func validationSummary(_ state: State, unicode: Bool) -> String {
        let v = state.validation
        let warnings = v.warningCount > 0 ? ", \(v.warningCount) warning\(v.warningCount == 1 ? "" : "s")" : ""
        let checking = state.isValidating ? (unicode ? " (checking…)" : " (checking...)") : ""
        if v.isValid { return "\(unicode ? "✓" : "[ok]") valid\(warnings)\(checking)" }
        return "\(unicode ? "✗" : "[X]") \(v.errorCount) error\(v.errorCount == 1 ? "" : "s")\(warnings)\(checking)"
    }

    static func plannerLines(_ state: State, _ look: ViewContext, width: Int) -> [(String, Theme.Role)] {
        let p = state.planner
        let unicode = look.theme.unicode
        if p.isRunning {
            let frames = unicode ? Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏") : Array("|/-\\")
            let spinner = look.reduceMotion ? "" : "\(frames[p.spinnerFrame % frames.count]) "
            let expanded = p.expanded.map { ", \($0) expanded" } ?? ""
            return [("\(spinner)planning\(unicode ? "…" : "...") \(String(format: "%.1f", p.elapsed)) s\(expanded) (esc cancels)", .accent)]
        }
        switch p.outcome {
        case .plan(let steps, let cost, let expanded, let seconds)?:
            let head = "\(unicode ? "✓" : "[ok]") plan: \(steps.count) steps, cost \(cost) (\(expanded) expanded, \(String(format: "%.2f", seconds)) s)"
            return [(head, .ok)] + steps.enumerated().map { ("\($0.offset + 1). \($0.element)", .text) }
        case .noPlan(let reason)?:
            return TextWrap.wrap("\(unicode ? "✗" : "[X]") no plan: \(reason)", width: max(1, width)).map { ($0, .warning) }
        case .cancelled?:
            return [("planner run cancelled after \(String(format: "%.1f", p.elapsed)) s", .muted)]
        case nil:
            return []
        }
    }

    static func drawChecks(_ state: State, _ rect: Rect, _ buffer: inout ScreenBuffer, _ look: ViewContext, focused: Bool) {
        let theme = look.theme
        let inner = Block(title: "Checks", focused: focused, theme: theme).draw(in: rect, into: &buffer)
        guard inner.height > 0 else { return }
        let planner = plannerLines(state, look, width: inner.width)
        let diagnostics = state.validation.diagnostics
        // Diagnostics get the top; the planner the rest (at least half when both have lines).
        let plannerRows = planner.isEmpty ? 0 : min(planner.count + 1, diagnostics.isEmpty ? inner.height - 1 : max(2, inner.height / 2))
        let checkRows = inner.height - plannerRows
        if checkRows > 0 {
            let summary = validationSummary(state, unicode: theme.unicode)
            buffer.put(summary, x: inner.x, y: inner.y, style: state.validation.isValid ? theme[.ok] : theme[.error], maxX: inner.maxX)
            let listRows = checkRows - 1
            if listRows > 0, !diagnostics.isEmpty {
                let top = max(0, min(state.validationSelected - listRows + 1, diagnostics.count - listRows))
                for row in 0..<min(listRows, diagnostics.count - top) {
                    let index = top + row
                    let selected = focused && index == state.validationSelected
                    let d = diagnostics[index]
                    let y = inner.y + 1 + row
                    let style = selected ? theme[.selection] : (d.isError ? theme[.error] : theme[.warning])
                    if selected { buffer.fill(inner.row(1 + row), style: style) }
                    let text = (selected ? "> " : "  ") + d.summary
                    buffer.put(TextWrap.truncate(text, width: inner.width), x: inner.x, y: y, style: style, maxX: inner.maxX)
                }
            }
        }
        guard plannerRows > 0 else { return }
        let y0 = inner.y + checkRows
        buffer.put(String(repeating: theme.unicode ? "─" : "-", count: inner.width), x: inner.x, y: y0, style: theme[.border], maxX: inner.maxX)
        for (row, line) in planner.prefix(plannerRows - 1).enumerated() {
            buffer.put(TextWrap.truncate(line.0, width: inner.width), x: inner.x, y: y0 + 1 + row, style: theme[line.1], maxX: inner.maxX)
        }
    }

    static func drawHistory(_ popup: HistoryPopup, _ area: Rect, _ buffer: inout ScreenBuffer, _ theme: Theme) {
        let rect = area.centered(width: min(70, area.width), height: min(max(5, popup.revisions.count + 2), area.height))
        let inner = Block(title: "History: enter restores, esc closes", focused: true, theme: theme).draw(in: rect, into: &buffer)
        guard inner.height > 0 else { return }
        if popup.isLoading {
            buffer.put("loading…", x: inner.x, y: inner.y, style: theme[.muted], maxX: inner.maxX)
            return
        }
        let top = max(0, popup.selected - inner.height + 1)
        for row in 0..<min(inner.height, popup.revisions.count - top) {
            let index = top + row
            let r = popup.revisions[index]
            let selected = index == popup.selected
            let style = selected ? theme[.selection] : theme[.text]
            if selected { buffer.fill(inner.row(row), style: style) }
            let text = "\(selected ? "> " : "  ")r\(r.revision)  \(r.date)  \(r.message)"
            buffer.put(TextWrap.truncate(text, width: inner.width), x: inner.x, y: inner.y + row, style: style, maxX: inner.maxX)
        }
    }
}
