import Critique
import TerminalUI

/// The three panes' contents; each draws inside the rectangle it is given.
enum PlanPanes {
    static func title(_ pane: PlanScreen.Pane, _ state: PlanScreen.State) -> String {
        switch pane {
        case .scoreboard:
            var title = "Scoreboard · \(state.rowIds.count) item(s)"
            if !state.filter.isEmpty || state.filtering { title += " · filter: \(state.filter)" + (state.filtering ? "_" : "") }
            if state.paused { title += " · paused" }
            return title
        case .plan:
            let added = state.diff.filter { $0.kind == .added }.count, removed = state.diff.filter { $0.kind == .removed }.count
            let round = state.shown.rounds.last(where: \.finished)?.iteration
            let change = round != nil && added + removed == 0 ? "unchanged since the previous round" : "+\(added) -\(removed)"
            return "Plan · " + (round.map { "round \($0)" } ?? "initial") + " · " + change
        case .timeline:
            let current = state.layersPlan == state.shown.currentPlan ? state.layers : nil
            return "Timeline · " + (current.map { "\($0.count) parallel layer(s)" } ?? "parallel layers")
        }
    }

    static func scoreboard(_ state: PlanScreen.State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        let theme = look.theme
        guard !state.table.rows.isEmpty else {
            let text: String
            if !state.filter.isEmpty { text = "No item matches \"\(state.filter)\" (esc clears the filter)" }
            else if state.isRunning { text = "Waiting for round \(max(state.shown.latestIteration, 1))'s feedback…" }
            else if state.shown.rounds.isEmpty { text = "No rounds of critique were run." }
            else { text = "The critics had no feedback." }
            PlanDraw.wrapped(text, in: area, style: theme[.muted], into: &buffer)
            return
        }
        Table(columns: PlanTable.columns(critics: state.shown.critics), theme: theme).draw(state.table, in: area, into: &buffer)
    }

    static func plan(_ state: PlanScreen.State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        let theme = look.theme
        guard !state.diff.isEmpty else {
            PlanDraw.wrapped(state.isRunning ? "Waiting for the first plan…" : "No plan.", in: area, style: theme[.muted], into: &buffer)
            return
        }
        let offset = min(state.planScroll, max(0, state.diff.count - area.height))
        for (row, line) in state.diff.dropFirst(offset).prefix(area.height).enumerated() {
            let style: Style = switch line.kind {
            case .kept: theme[.text]
            case .added: theme[.ok].bolded()
            case .removed: theme[.warning].dimmed()
            }
            let number = line.kind == .removed ? "   " : String(repeating: " ", count: max(0, 3 - String(line.step).count)) + "\(line.step)"
            PlanDraw.text("\(line.marker) \(number) \(line.text)", in: area, row: row, style: style, into: &buffer)
        }
    }

    static func timeline(_ state: PlanScreen.State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        let theme = look.theme
        let plan = state.shown.currentPlan
        guard let layers = state.layers, state.layersPlan == plan else {
            let text = plan.isEmpty ? "No plan yet."
                : state.layersPlan == plan && !state.analysing ? "No layers: the plan analysis needs a plan the validator accepts."
                : state.task != nil ? "Analysing the plan's layers…"
                : "Layers need the domain's task (not available for this session)."
            PlanDraw.wrapped(text, in: area, style: theme[.muted], into: &buffer)
            return
        }
        guard !layers.isEmpty else {
            PlanDraw.wrapped("The plan has no steps.", in: area, style: theme[.muted], into: &buffer)
            return
        }
        let bar = theme.unicode ? "│" : "|"
        let offset = min(state.timelineScroll, max(0, layers.count - area.height))
        for (row, layer) in layers.dropFirst(offset).prefix(area.height).enumerated() {
            let label = "L\(offset + row + 1)"
            let steps = layer.map { i in "\(i + 1) " + (plan.indices.contains(i) ? plan[i] : "?") }.joined(separator: "  ")
            PlanDraw.line([Span(label.padding(toLength: 4, withPad: " ", startingAt: 0), theme[.accent]),
                           Span("\(bar) ", theme[.border]), Span(steps, theme[.text])], in: area, row: row, into: &buffer)
        }
    }
}
