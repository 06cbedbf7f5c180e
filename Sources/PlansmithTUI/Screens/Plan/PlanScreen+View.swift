import PlansmithCore
import Critique
import TerminalUI

extension PlanScreen {
    /// Full layout when the screen's area is at least 70×18 (an 80×24 terminal minus the shell's status
    /// line and footer): header, scoreboard on top, plan diff and timeline side by side below.
    /// Smaller: the header and one pane at a time (Tab switches). Nothing is drawn outside `area`.
    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        guard !area.isEmpty else { return }
        let theme = look.theme
        buffer.fill(area, style: theme[.text])
        if let error = state.openError {
            PlanDraw.wrapped(error, in: area, style: theme[.error], into: &buffer)
            return
        }
        guard state.loaded else {
            let text = state.starting ? "Starting critique… (parsing and grounding the domain)" : "Opening session…"
            PlanDraw.wrapped(text, in: area, style: theme[.muted], into: &buffer)
            return
        }
        let header = PlanHeader.lines(state, look)
        let compact = area.width < 70 || area.height < 18
        let headerHeight = compact ? min(area.height >= 8 ? 2 : 1, header.count) : min(3, header.count)
        for (row, line) in header.prefix(headerHeight).enumerated() {
            PlanDraw.line(line, in: area, row: row, into: &buffer)
        }
        let body = Rect(x: area.x, y: area.y + headerHeight, width: area.width, height: area.height - headerHeight)
        guard !body.isEmpty else { return }
        if compact {
            let tabs: StyledLine = Pane.allCases.flatMap { pane -> [Span] in
                let focused = pane == state.focus
                return [Span(focused ? "[\(pane.title)]" : " \(pane.title) ", focused ? theme[.title].reversed() : theme[.muted]),
                        Span(" ")]
            }
            PlanDraw.line(tabs, in: body, row: 0, into: &buffer)
            let pane = Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
            draw(state.focus, state, in: pane, bordered: pane.height >= 4, focused: true, into: &buffer, look)
        } else {
            let parts = Layout.split(body, .vertical, [.percentage(50), .fill])
            let bottom = Layout.split(parts[1], .horizontal, [.percentage(55), .fill])
            draw(.scoreboard, state, in: parts[0], bordered: true, focused: state.focus == .scoreboard, into: &buffer, look)
            draw(.plan, state, in: bottom[0], bordered: true, focused: state.focus == .plan, into: &buffer, look)
            draw(.timeline, state, in: bottom[1], bordered: true, focused: state.focus == .timeline, into: &buffer, look)
        }
        if let id = state.detail { PlanDetail.draw(id, state, in: area, into: &buffer, look) }
    }

    private static func draw(_ pane: Pane, _ state: State, in area: Rect, bordered: Bool, focused: Bool,
                             into buffer: inout ScreenBuffer, _ look: ViewContext) {
        guard !area.isEmpty else { return }
        let title = PlanPanes.title(pane, state)
        let inner = bordered ? Block(title: title, focused: focused, theme: look.theme).draw(in: area, into: &buffer) : area
        guard !inner.isEmpty else { return }
        switch pane {
        case .scoreboard: PlanPanes.scoreboard(state, in: inner, into: &buffer, look)
        case .plan: PlanPanes.plan(state, in: inner, into: &buffer, look)
        case .timeline: PlanPanes.timeline(state, in: inner, into: &buffer, look)
        }
    }
}

/// Drawing helpers that clip to a rectangle (the buffer only clips to its own edges).
enum PlanDraw {
    static func line(_ line: StyledLine, in rect: Rect, row: Int, into buffer: inout ScreenBuffer) {
        guard row >= 0, row < rect.height, rect.width > 0 else { return }
        buffer.put(line, x: rect.x, y: rect.y + row, maxX: rect.maxX)
    }

    static func text(_ text: String, in rect: Rect, row: Int, style: Style, into buffer: inout ScreenBuffer) {
        line([Span(text, style)], in: rect, row: row, into: &buffer)
    }

    /// Word-wrapped text from the top of `rect`, cut at its bottom.
    static func wrapped(_ text: String, in rect: Rect, style: Style, into buffer: inout ScreenBuffer) {
        for (row, line) in TextWrap.wrap(text, width: rect.width).prefix(rect.height).enumerated() {
            self.text(line, in: rect, row: row, style: style, into: &buffer)
        }
    }
}
