import Testing
@testable import TerminalUI

@Suite("Mouse")
struct MouseTests {
    @Test("clicking a list row selects it; clicks outside or on the border are ignored")
    func listClick() {
        var s = FilterListState(items: (1...20).map { "item \($0)" })
        let area = Rect(x: 0, y: 0, width: 20, height: 8)
        do { let hit = s.handle(MouseEvent(.press, x: 3, y: 4), in: area); #expect(hit) }
        #expect(s.selectedItem == 3)
        do { let hit = s.handle(MouseEvent(.press, x: 0, y: 4), in: area); #expect(!hit) }
        do { let hit = s.handle(MouseEvent(.press, x: 30, y: 4), in: area); #expect(!hit) }
        _ = s.handle(MouseEvent(.wheelDown, x: 3, y: 4), in: area)
        #expect(s.selected == 6)
    }

    @Test("clicking a table row selects it; the header does not")
    func tableClick() {
        var s = TableState(rows: (1...5).map { ["r\($0)"] })
        let area = Rect(x: 0, y: 0, width: 20, height: 6)
        _ = s.handle(MouseEvent(.press, x: 4, y: 3), in: area)
        #expect(s.selected == 2)
        _ = s.handle(MouseEvent(.press, x: 4, y: 0), in: area)
        #expect(s.selected == 2)
    }

    @Test("the wheel scrolls chat and log back and forth")
    func wheel() {
        var chat = ChatViewState()
        let area = Rect(x: 0, y: 0, width: 10, height: 10)
        _ = chat.handle(MouseEvent(.wheelUp, x: 1, y: 1), in: area)
        #expect(chat.scrollBack == 3)
        _ = chat.handle(MouseEvent(.wheelDown, x: 1, y: 1), in: area)
        #expect(chat.scrollBack == 0)
        var log = LogViewState()
        for i in 0..<10 { log.append(LogEntry(.info, "\(i)")) }
        _ = log.handle(MouseEvent(.wheelUp, x: 1, y: 1), in: area)
        #expect(log.scrollBack == 3)
    }
}
