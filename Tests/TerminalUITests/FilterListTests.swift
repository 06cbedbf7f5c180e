import Testing
@testable import TerminalUI

@Suite("Filter list (sidebar)")
struct FilterListTests {
    static let screens = ["Dashboard", "Domain", "Plan", "Analytics", "API Keys", "Settings", "漢字 screen"]

    @Test("renders with a selected row marked by > and reverse video", arguments: [(20, 5), (30, 10), (14, 4)])
    func rendering(_ width: Int, _ height: Int) {
        var state = FilterListState(items: Self.screens)
        state.selected = 2
        let b = render(width, height) { buf, area in
            FilterList(title: "Screens", focused: true).draw(state, in: area, into: &buf)
        }
        assertSnapshot(b, named: "filterlist-\(width)x\(height)", styles: width == 20)
    }

    @Test("typing filters as you type and shows the filter line")
    func filtering() {
        var state = FilterListState(items: Self.screens)
        for c in "da" { _ = state.handle(.key(.char(c))) }
        #expect(state.filter == "da")
        #expect(state.visibleIndices == [0])      // only "Dashboard" contains "da"
        _ = state.handle(.key(.backspace))
        #expect(state.visibleIndices == [0, 1])      // "d": Dashboard, Domain
        let b = render(24, 7) { buf, area in FilterList(title: "Screens").draw(state, in: area, into: &buf) }
        assertSnapshot(b, named: "filterlist-filtered-24x7")
    }

    @Test("j and k move when not filtering; esc clears the filter and keeps the selected item")
    func navigation() {
        var state = FilterListState(items: Self.screens)
        _ = state.handle(.key(.char("j")))
        _ = state.handle(.key(.down))
        #expect(state.selectedItem == 2)
        _ = state.handle(.key(.char("p")))
        #expect(state.visibleIndices == [2, 4])      // "p": Plan, API Keys
        #expect(state.selectedItem == 2)
        _ = state.handle(.key(.escape))
        #expect(state.filter.isEmpty)
        #expect(state.selectedItem == 2)
        #expect(state.handle(.key(.escape)) == false)
    }

    @Test("the selection stays visible when it moves past the bottom")
    func scrolling() {
        var state = FilterListState(items: (1...30).map { "item \($0)" })
        state.selected = 20
        let b = render(16, 6) { buf, area in FilterList(title: "L").draw(state, in: area, into: &buf) }
        #expect(b.lines().contains { $0.contains("> item 21") })
    }
}
