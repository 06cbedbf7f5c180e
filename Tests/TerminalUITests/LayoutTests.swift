import Testing
@testable import TerminalUI

@Suite("Layout")
struct LayoutTests {
    @Test("fixed and percentage parts get their size; fill takes the rest")
    func fixedPercentageFill() {
        #expect(Layout.lengths(total: 100, [.fixed(20), .percentage(30), .fill]) == [20, 30, 50])
    }

    @Test("min parts keep their minimum and share leftovers evenly")
    func minShares() {
        #expect(Layout.lengths(total: 30, [.min(10), .min(4)]) == [18, 12])
    }

    @Test("max parts stop at their cap and give the rest to other flexible parts")
    func maxCaps() {
        #expect(Layout.lengths(total: 50, [.max(10), .fill]) == [10, 40])
        #expect(Layout.lengths(total: 8, [.max(10), .max(10)]) == [4, 4])
    }

    @Test("when space is short, later parts shrink first")
    func shrinkFromEnd() {
        #expect(Layout.lengths(total: 25, [.fixed(20), .fixed(10), .min(5)]) == [20, 5, 0])
        #expect(Layout.lengths(total: 0, [.fixed(3), .fill]) == [0, 0])
    }

    @Test("horizontal splits place parts side by side, vertical ones stack, and nest")
    func nestedSplits() {
        let area = Rect(x: 2, y: 1, width: 80, height: 24)
        let cols = Layout.split(area, .horizontal, [.fixed(20), .fill])
        #expect(cols == [Rect(x: 2, y: 1, width: 20, height: 24), Rect(x: 22, y: 1, width: 60, height: 24)])
        let rows = Layout.split(cols[1], .vertical, [.fill, .fixed(3)])
        #expect(rows == [Rect(x: 22, y: 1, width: 60, height: 21), Rect(x: 22, y: 22, width: 60, height: 3)])
    }

    @Test("lengths never add up to more than the total", arguments: [0, 1, 7, 33, 200])
    func neverOverflows(_ total: Int) {
        let sizes = Layout.lengths(total: total, [.fixed(10), .percentage(50), .min(5), .max(8), .fill])
        #expect(sizes.reduce(0, +) <= total)
        #expect(sizes.allSatisfy { $0 >= 0 })
    }
}
