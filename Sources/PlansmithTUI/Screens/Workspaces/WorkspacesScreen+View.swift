import PlansmithCore
import TerminalUI

extension WorkspacesScreen {
    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        _ = draw(state, in: area, into: &buffer, look)
    }

    public static func draw(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) -> Point? {
        let theme = look.theme
        let bottom = state.prompt != nil || state.problem != nil ? 2 : 0
        let main = Layout.split(area, .vertical, [.fill, .fixed(bottom)])
        let columns = Layout.split(main[0], .horizontal, [.percentage(40), .fill])
        let title = "1 Workspaces (\(state.workspaces.count))"
        if state.loading {
            let inner = Block(title: title, focused: true, theme: theme).draw(in: columns[0], into: &buffer)
            buffer.put("loading…", x: inner.x + 1, y: inner.y, style: theme[.muted], maxX: inner.maxX)
        } else {
            FilterList(title: title, focused: state.focus == .workspaces, theme: theme).draw(state.list, in: columns[0], into: &buffer)
        }
        let name = state.roster?.workspace.name ?? state.selected?.name ?? ""
        let access = state.roster.map { $0.workspace.role == .owner ? "" : " (read-only: you are \($0.workspace.role.rawValue))" } ?? ""
        FilterList(title: "2 Members of \(name)\(access)", focused: state.focus == .members, theme: theme)
            .draw(state.members, in: columns[1], into: &buffer)
        if let member = state.removing, let roster = state.roster {
            Dialog(title: "Remove member", message: "Remove \(member.email) from \(roster.workspace.name)? y/N",
                   choices: [Dialog.Choice(.char("y"), "remove"), Dialog.Choice(.char("n"), "keep")], theme: theme)
                .draw(in: area, into: &buffer)
        }
        return drawPrompt(state, in: main[1], into: &buffer, theme)
    }

    private static func drawPrompt(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ theme: Theme) -> Point? {
        guard area.height > 0 else { return nil }
        var cursor: Point?
        switch state.prompt {
        case .newWorkspace(let input)?:
            cursor = TextInput(prompt: "New workspace name: ", focused: true, theme: theme).draw(input, in: area.row(0), into: &buffer)
        case .invite(let input, let role)?:
            cursor = TextInput(prompt: "Invite (email) as \(role.rawValue), tab changes role: ", focused: true, theme: theme)
                .draw(input, in: area.row(0), into: &buffer)
        case nil: break
        }
        if let problem = state.problem {
            let row = area.row(state.prompt == nil ? 0 : 1)
            buffer.put((theme.unicode ? "✗ " : "[X] ") + problem, x: row.x, y: row.y, style: theme[.error], maxX: row.maxX)
        }
        return cursor
    }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        if case .invite? = state.prompt { return [("esc", "cancel"), ("enter", "invite"), ("tab", "role")] }
        if state.prompt != nil { return [("esc", "cancel"), ("enter", "create")] }
        if state.removing != nil { return [("esc", "keep"), ("y", "remove")] }
        var hints: [(key: String, label: String)] = [("esc", "back"), ("tab", "pane")]
        if state.focus == .workspaces { hints += [("enter", "work in it"), ("n", "new workspace")] }
        if state.canManage { hints += [("i", "invite"), ("o/e/v", "role"), ("x", "remove")] }
        return hints
    }

    public static func actions(_ state: State) -> [ScreenAction<Msg>] {
        var actions = [ScreenAction("new workspace", key: "n", Msg.input(.key(.char("n")))),
                       ScreenAction("reload workspaces", key: "r", .input(.key(.char("r"))))]
        if state.canManage {
            actions += [ScreenAction("invite member", key: "i", .input(.key(.char("i")))),
                        ScreenAction("remove member", key: "x", .input(.key(.char("x"))))]
        }
        return actions
    }
}
