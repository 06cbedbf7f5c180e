import TerminalUI

/// The command palette (Ctrl-P or `:`): every screen and action by name, filtered as you type,
/// each shown with the key that does the same.
struct CommandPalette: Sendable {
    enum Action: Sendable {
        case navigate(Route)
        case shell(ShellAction)
        case screen(AppMsg)
    }

    struct Entry: Sendable {
        var title: String
        var key: String
        var action: Action
    }

    var entries: [Entry]
    var list: FilterListState

    init(entries: [Entry]) {
        self.entries = entries
        list = FilterListState(items: entries.map { $0.key.isEmpty ? $0.title : "\($0.title)  (\($0.key))" })
    }

    /// The highlighted entry, if any matches the filter.
    var selected: Entry? { list.selectedItem.map { entries[$0] } }

    /// Every printable key filters (unlike a sidebar, `j`/`k` are letters here); arrows move.
    mutating func handle(_ event: InputEvent) {
        switch event {
        case .key(let key) where key.typedCharacter != nil:
            list.filter.append(key.typedCharacter!)
            list.selected = 0
        case .key(.ctrl("u")):
            list.filter = ""
            list.selected = 0
        case .paste(let text):
            list.filter += text.filter { $0 != "\n" }
            list.selected = 0
        default:
            _ = list.handle(event, pageSize: 8)
        }
    }

    func draw(in area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        let box = area.centered(width: min(64, area.width), height: min(16, area.height))
        buffer.fill(box)
        let title = list.filter.isEmpty ? "Command palette: type to filter" : "Command palette"
        FilterList(title: title, focused: true, theme: theme).draw(list, in: box, into: &buffer)
    }
}

/// Things only the shell does, offered in the palette.
enum ShellAction: String, Sendable, CaseIterable {
    case help, quit, redraw, activityLog, suspend, signOut, back

    var title: String {
        switch self {
        case .help: "help"
        case .quit: "quit"
        case .redraw: "redraw screen"
        case .activityLog: "activity log"
        case .suspend: "suspend to the shell (fg resumes)"
        case .signOut: "sign out"
        case .back: "back"
        }
    }

    var key: String {
        switch self {
        case .help: "f1"
        case .quit: "ctrl-q"
        case .redraw: "ctrl-l"
        case .activityLog: "ctrl-o"
        case .suspend: "ctrl-z"
        case .signOut: ""
        case .back: "esc"
        }
    }
}
