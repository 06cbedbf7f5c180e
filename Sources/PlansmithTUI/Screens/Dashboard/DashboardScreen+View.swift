import TerminalUI

extension DashboardScreen {
    static let titles = ["Domains", "Templates", "Recent sessions"]

    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        _ = draw(state, in: area, into: &buffer, look)
    }

    /// The panes, then the prompt row; the cursor is the new-name prompt's, when it is open.
    public static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point? {
        let theme = look.theme
        let main = Layout.split(area, .vertical, [.fill, .fixed(state.problem != nil || state.newName != nil ? 2 : 0)])
        if area.width >= 70 {
            let columns = Layout.split(main[0], .horizontal, [.percentage(35), .fill])
            let right = Layout.split(columns[1], .vertical, [.percentage(45), .fill])
            drawPane(.domains, state, in: columns[0], into: &buffer, theme)
            drawPane(.templates, state, in: right[0], into: &buffer, theme)
            drawPane(.sessions, state, in: right[1], into: &buffer, theme)
        } else {
            // Narrow terminals: one pane at a time (Tab switches).
            drawPane(state.focus, state, in: main[0], into: &buffer, theme)
        }
        return drawPrompt(state, in: main[1], into: &buffer, theme)
    }

    private static func drawPane(_ pane: Pane, _ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) {
        let focused = pane == state.focus
        let count = state.lists[pane.rawValue].items.count
        let workspace = pane == .domains && state.data.hasTeams ? " in \(state.data.current?.name ?? "?")" : ""
        let title = "\(pane.rawValue + 1) \(titles[pane.rawValue])\(workspace) (\(count))" + (focused && state.filtering ? " /filter" : "")
        let list = state.lists[pane.rawValue]
        if state.loading || (count == 0 && pane != .templates) {
            let inner = Block(title: title, focused: focused, theme: theme).draw(in: area, into: &buffer)
            let text = state.loading ? "loading…" : pane == .domains ? "No domains yet: n creates one, or pick a template."
                : "No planning sessions yet: open a domain and run critique."
            for (i, line) in TextWrap.wrap(text, width: max(1, inner.width - 1)).enumerated() where i < inner.height {
                buffer.put(line, x: inner.x + 1, y: inner.y + i, style: theme[.muted], maxX: inner.maxX)
            }
            return
        }
        FilterList(title: title, focused: focused, theme: theme).draw(list, in: area, into: &buffer)
    }

    private static func drawPrompt(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) -> Point? {
        guard area.height > 0 else { return nil }
        var cursor: Point?
        if let name = state.newName {
            cursor = TextInput(prompt: "New domain name: ", focused: true, theme: theme).draw(name, in: area.row(0), into: &buffer)
        }
        if let problem = state.problem {
            let row = area.row(state.newName == nil ? 0 : 1)
            buffer.put((theme.unicode ? "✗ " : "[X] ") + problem, x: row.x, y: row.y, style: theme[.error], maxX: row.maxX)
        }
        return cursor
    }

    public static func isTyping(_ state: State) -> Bool { state.newName != nil || state.filtering }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        if state.newName != nil { return [("esc", "cancel"), ("enter", "create")] }
        if state.filtering { return [("esc", "clear filter"), ("enter", "open")] }
        let open = switch state.focus {
        case .domains: "open domain"
        case .templates: "copy template"
        case .sessions: "open session"
        }
        return [("enter", open), ("tab", "pane"), ("/", "filter"), ("n", "new domain"), ("w", "workspaces"), ("r", "reload")]
    }

    public static func actions(_ state: State) -> [ScreenAction<Msg>] {
        [ScreenAction("new domain", key: "n", .newDomain), ScreenAction("workspaces (switch, members)", key: "w", .openWorkspaces),
         ScreenAction("reload dashboard", key: "r", .reload)]
    }
}
