import TerminalUI

extension AppShell {
    public static func view(_ state: AppState, in area: Rect, into buffer: inout ScreenBuffer) {
        _ = draw(state, in: area, into: &buffer)
    }

    /// Status line on top, the screen, the footer of key hints; overlays drawn last. The cursor is
    /// the screen's, unless an overlay covers it.
    public static func draw(_ state: AppState, in area: Rect, into buffer: inout ScreenBuffer) -> Point? {
        let theme = state.look.theme
        let notice = TooSmallNotice(minimum: minimumSize, theme: theme)
        if notice.applies(to: area.size) {
            notice.draw(in: area, into: &buffer)
            return nil
        }
        drawStatusLine(state, in: area.row(0), into: &buffer)
        let body = screenArea(area)
        let screenCursor = state.top?.draw(in: body, into: &buffer, state.look)
        drawFooter(state, in: area.row(area.height - 1), into: &buffer)

        for (i, entry) in state.toasts.reversed().enumerated() {
            let width = min(body.width, max(24, DisplayWidth.of(entry.toast.message) + 12))
            let y = body.maxY - 3 * (i + 1)
            guard y >= body.y else { break }
            entry.toast.draw(in: Rect(x: body.maxX - width, y: y, width: width, height: 3), into: &buffer)
        }
        if state.showLog {
            let box = body.centered(width: body.width - 4, height: body.height - 2)
            buffer.fill(box)
            let inner = Block(title: "Activity log (esc closes)", focused: true, theme: theme).draw(in: box, into: &buffer)
            LogView(theme: theme).draw(state.log, in: inner, into: &buffer)
        }
        if var help = state.help {
            help.theme = theme
            help.draw(in: body, into: &buffer)
        }
        state.palette?.draw(in: body, into: &buffer, theme: theme)
        if let prompt = state.quitPrompt {
            var dialog = prompt.dialog
            dialog.theme = theme
            dialog.draw(in: body, into: &buffer)
        }
        let covered = state.palette != nil || state.help != nil || state.quitPrompt != nil || state.showLog
        return covered ? nil : screenCursor
    }

    /// Everything but the status line and the footer.
    static func screenArea(_ area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 2))
    }

    /// "Plansmith › Domain · ada@example.com · running: critique 2/5" — mode and place in words.
    private static func drawStatusLine(_ state: AppState, in row: Rect, into buffer: inout ScreenBuffer) {
        let theme = state.look.theme
        buffer.fill(row, style: theme[.statusBar])
        var left = " Plansmith › " + (state.route?.title ?? "")
        if let overlay = state.palette != nil ? "palette" : state.help != nil ? "help" : state.showLog ? "activity log" : nil {
            left += " [\(overlay)]"
        }
        var right = state.session?.account.email ?? "not signed in"
        let work = state.runningWork
        if !work.isEmpty { right = "running: \(work.joined(separator: ", ")) · " + right }
        if let notice = state.notice { right = notice + " · " + right }
        StatusBar(left: left, right: right + " ", theme: theme).draw(in: row, into: &buffer)
    }

    /// What Esc does next comes first, then the screen's keys, then the globals.
    private static func drawFooter(_ state: AppState, in row: Rect, into buffer: inout ScreenBuffer) {
        var hints: [(key: String, label: String)]
        if state.quitPrompt != nil {
            hints = [("y", "quit now"), ("w", "quit when done"), ("n/esc", "stay")]
        } else if state.palette != nil {
            hints = [("esc", "close"), ("enter", "run"), ("↑↓", "choose"), ("type", "filter")]
        } else if state.help != nil || state.showLog {
            hints = [("esc", "close")]
        } else {
            hints = state.top?.hints ?? []
            if !hints.contains(where: { $0.key == "esc" }), state.stack.count > 1 {
                hints.insert(("esc", "back to \(state.stack[state.stack.count - 2].route.title)"), at: 0)
            }
            hints += [("ctrl-p", "palette"), ("f1", "help"), ("ctrl-q", "quit")]
        }
        KeyHintFooter(hints, theme: state.look.theme).draw(in: row, into: &buffer)
    }
}
