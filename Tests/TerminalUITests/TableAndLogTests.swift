import Testing
@testable import TerminalUI

@Suite("Table and log")
struct TableAndLogTests {
    static let columns = [TableColumn("plan", width: .fill), TableColumn("cost", width: .fixed(5), alignment: .right),
                          TableColumn("valid", width: .fixed(6))]
    static let rows = [["p-alpha", "12", "✓ yes"], ["p-beta", "9", "✗ no"], ["p-gamma", "100", "✓ yes"]]

    @Test("numbers sort numerically, text case-insensitively, and I inverts")
    func sorting() {
        var s = TableState(rows: Self.rows, sortColumn: 1)
        #expect(s.order == [1, 0, 2])
        _ = s.handle(.key(.char("I")), columnCount: 3)
        #expect(s.order == [2, 0, 1])
        _ = s.handle(.key(.char("<")), columnCount: 3)
        #expect(s.sortColumn == 0)
        _ = s.handle(.key(.char(">")), columnCount: 3)
        _ = s.handle(.key(.char(">")), columnCount: 3)
        #expect(s.sortColumn == 2)
    }

    @Test("the selected row is reverse video with a > marker; header shows the sort arrow", arguments: [(20, 5), (40, 6)])
    func rendering(_ w: Int, _ h: Int) {
        var s = TableState(rows: Self.rows, sortColumn: 1)
        _ = s.handle(.key(.down), columnCount: 3)
        #expect(s.selectedRow == 0)
        let b = render(w, h) { buf, area in Table(columns: Self.columns).draw(s, in: area, into: &buf) }
        assertSnapshot(b, named: "table-\(w)x\(h)", styles: true)
    }

    @Test("log keeps the newest entries, follows the tail, and holds position when scrolled", arguments: [(20, 5), (40, 6)])
    func log(_ w: Int, _ h: Int) {
        var s = LogViewState(capacity: 8)
        for i in 1...10 { s.append(LogEntry(i % 4 == 0 ? .error : .info, "event \(i) happened")) }
        #expect(s.entries.count == 8)
        #expect(s.entries.first?.text == "event 3 happened")
        let b = render(w, h) { buf, area in LogView().draw(s, in: area, into: &buf) }
        assertSnapshot(b, named: "log-\(w)x\(h)")
        s.scroll(by: 2)
        s.append(LogEntry(.warning, "late"))
        #expect(s.scrollBack == 3)
        let scrolled = render(w, h) { buf, area in LogView().draw(s, in: area, into: &buf) }
        #expect(scrolled.line(h - 1).contains("↓ \(min(3, s.entries.count - h)) newer"))   // clamped at the oldest line
    }
}
