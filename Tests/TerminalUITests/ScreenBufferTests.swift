import Testing
@testable import TerminalUI

@Suite("ScreenBuffer")
struct ScreenBufferTests {
    @Test("CJK and emoji take two columns and a continuation cell")
    func wideCharacters() {
        var b = ScreenBuffer(width: 8, height: 1)
        let end = b.put("a漢😀b", x: 0, y: 0)
        #expect(end == 6)
        #expect(b[1, 0].symbol == "漢" && b[2, 0].isContinuation)
        #expect(b[3, 0].symbol == "😀" && b[4, 0].isContinuation)
        #expect(b[5, 0].symbol == "b")
        #expect(b.line(0) == "a漢😀b  ")
    }

    @Test("combining marks stay with their base character in one cell")
    func combiningMarks() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.put("e\u{301}x", x: 0, y: 0)
        #expect(b[0, 0].symbol == "e\u{301}")
        #expect(b[1, 0].symbol == "x")
        // A mark arriving on its own attaches to the previous cell.
        b.put("\u{308}", x: 2, y: 0)
        #expect(b[1, 0].symbol == "x\u{308}")
        #expect(b[2, 0].symbol == " ")
    }

    @Test("a wide character that does not fit at the edge becomes a blank")
    func wideAtEdge() {
        var b = ScreenBuffer(width: 3, height: 1)
        b.put("ab漢", x: 0, y: 0)
        #expect(b.line(0) == "ab ")
        #expect(!b[2, 0].isContinuation)
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.put("漢字", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.line(0) == " x字")
        b.put("y", x: 2, y: 0)
        #expect(b.line(0) == " xy ")
        #expect(b.cells.allSatisfy { !$0.isContinuation })
    }

    @Test("text is clipped at maxX and negative starts")
    func clipping() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("abcdef", x: 1, y: 0, maxX: 4)
        #expect(b.line(0) == " abc  ")
        b.put("xyz", x: -2, y: 0)
        #expect(b.line(0) == "zabc  ")
    }

    @Test("display widths match wcwidth conventions", arguments: [
        ("a", 1), ("漢", 2), ("😀", 2), ("é", 1), ("\u{301}", 0), ("✓", 1), ("ｱ", 1), ("Ａ", 2), ("👍🏽", 2), ("\u{200D}", 0),
    ])
    func widths(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test("resizing keeps the top-left content and drops a cut wide character")
    func resize() {
        var b = ScreenBuffer(width: 5, height: 2)
        b.put("abc漢", x: 0, y: 0)
        b.resize(to: Size(width: 4, height: 1))
        #expect(b.lines() == ["abc "])
    }

    @Test("the style layer marks reverse, bold and colour")
    func styleLayer() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.put("a", x: 0, y: 0, style: Style(reverse: true))
        b.put("b", x: 1, y: 0, style: Style(bold: true))
        b.put("c", x: 2, y: 0, style: Style(fg: .red))
        #expect(b.styleLines() == ["RBC."])
    }
}

@Suite("ScreenBuffer fill")
struct ScreenBufferFillTests {
    @Test("filling over half of a wide character blanks its other half")
    func fillEdges() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("漢字漢", x: 0, y: 0)
        b.fill(Rect(x: 1, y: 0, width: 2, height: 1), symbol: ".")
        #expect(b.line(0) == " .. 漢")     // 字 lost its lead cell, so its right half is blank too
        b.put("漢字漢", x: 0, y: 0)
        b.fill(Rect(x: 2, y: 0, width: 3, height: 1), symbol: ".")
        #expect(b.line(0) == "漢... ")
        #expect(b.cells.allSatisfy { !$0.isContinuation || $0.symbol.isEmpty })
    }
}
