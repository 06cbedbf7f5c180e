/// A busy screen for the benchmark: sidebar, chat, table, log, status and footer.
struct BenchmarkScene {
    var tick = 0
    var list = FilterListState(items: (1...80).map { "item \($0) 漢字" })
    var chat = ChatViewState(messages: (1...30).map {
        ChatMessage($0 % 2 == 0 ? .assistant : .user, "message \($0) with **bold** and `code` that wraps around the pane width a few times")
    })
    var table = TableState(rows: (1...100).map { ["plan-\($0)", String($0 * 7 % 97), $0 % 3 == 0 ? "✗ no" : "✓ yes"] }, sortColumn: 1)
    var log = LogViewState()

    init() { for i in 1...200 { log.append(LogEntry(i % 9 == 0 ? .warning : .info, "event \(i)")) } }

    mutating func draw(into buffer: inout ScreenBuffer) {
        let rows = Layout.split(buffer.area, .vertical, [.fill, .fixed(1), .fixed(1)])
        let cols = Layout.split(rows[0], .horizontal, [.fixed(28), .fill, .percentage(35)])
        list.selected = tick % 80
        FilterList(title: "Sidebar", focused: true).draw(list, in: cols[0], into: &buffer)
        let chatArea = Block(title: "Chat").draw(in: cols[1], into: &buffer)
        ChatView().draw(chat, in: chatArea, into: &buffer)
        let right = Layout.split(cols[2], .vertical, [.percentage(60), .fill])
        let tableArea = Block(title: "Scoreboard").draw(in: right[0], into: &buffer)
        table.selected = tick % 100
        Table(columns: [TableColumn("plan"), TableColumn("cost", width: .fixed(5), alignment: .right),
                        TableColumn("valid", width: .fixed(6))]).draw(table, in: tableArea, into: &buffer)
        let logArea = Block(title: "Log").draw(in: right[1], into: &buffer)
        LogView().draw(log, in: logArea, into: &buffer)
        StatusBar(left: "PLAN focus sidebar", right: "frame \(tick)").draw(in: rows[1], into: &buffer)
        KeyHintFooter(actions: ["global.help", "global.palette", "global.quit"], keymap: .standard).draw(in: rows[2], into: &buffer)
    }

    static func pddlText(lines: Int) -> String {
        var out: [String] = ["(define (domain bench)", "  (:requirements :strips :typing)"]
        var i = 0
        while out.count < lines - 1 {
            out += ["  (:action move-\(i)", "    :parameters (?from ?to - place)", "    :precondition (and (at ?from) (road ?from ?to))",
                    "    :effect (and (not (at ?from)) (at ?to)))"]
            i += 1
        }
        out = Array(out.prefix(lines - 1)) + [")"]
        return out.joined(separator: "\n")
    }
}
