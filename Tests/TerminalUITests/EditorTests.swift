import Testing
@testable import TerminalUI

/// A tiny highlighter for tests: `;` comments and `:keywords`.
struct TestHighlighter: Highlighter {
    func spans(for line: String, lineIndex: Int) -> [HighlightSpan] {
        let chars = Array(line)
        var spans: [HighlightSpan] = []
        var i = 0
        while i < chars.count {
            if chars[i] == ";" { spans.append(HighlightSpan(i..<chars.count, .comment)); break }
            if chars[i] == ":" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j] == "-" { j += 1 }
                spans.append(HighlightSpan(i..<j, .keyword)); i = j; continue
            }
            i += 1
        }
        return spans
    }
}

@Suite("Editor")
struct EditorTests {
    static let domain = """
    (define (domain blocks)
      (:requirements :strips) ; simple
      (:action pick-up
        :parameters (?x)
        :effect (holding ?x)))
    """

    private func keys(_ state: inout EditorState, _ events: [InputEvent]) {
        for e in events { _ = state.handle(e) }
    }

    @Test("typing, enter with auto-indent inside an open paren, and backspace across lines")
    func typingAndIndent() {
        var s = EditorState(text: "  (and")
        s.cursor = Position(line: 0, column: 6)
        keys(&s, [.key(.enter), .key(.char("x"))])
        #expect(s.text == "  (and\n    x")
        keys(&s, [.key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace), .key(.backspace)])
        #expect(s.text == "  (and")
        #expect(s.cursor == Position(line: 0, column: 6))
    }

    @Test("undo and redo; a typing run is one step and a paste is one step without auto-indent")
    func undoRedo() {
        var s = EditorState(text: "")
        for c in "abc" { _ = s.handle(.key(.char(c))) }
        _ = s.handle(.paste("(x\n(y\n"))
        #expect(s.text == "abc(x\n(y\n")
        #expect(s.undoStack.count == 2)
        _ = s.handle(.key(.ctrl("z")))
        #expect(s.text == "abc")
        _ = s.handle(.key(.ctrl("z")))
        #expect(s.text == "")
        _ = s.handle(.key(.ctrl("y")))
        _ = s.handle(.key(.ctrl("y")))
        #expect(s.text == "abc(x\n(y\n")
        #expect(s.cursor == Position(line: 2, column: 0))
    }

    @Test("shift-arrows select; cut, copy and paste go through the register")
    func selectionClipboard() {
        var s = EditorState(text: "hello world")
        keys(&s, [.key(Key(.right, .shift)), .key(Key(.right, .shift)), .key(Key(.right, .shift))])
        #expect(s.selectedText == "hel")
        _ = s.handle(.key(.ctrl("c")))
        _ = s.handle(.key(Key(.end)))
        _ = s.handle(.key(.ctrl("v")))
        #expect(s.text == "hello worldhel")
        s.cursor = Position(line: 0, column: 0)
        keys(&s, [.key(Key(.right, [.shift, .ctrl]))])
        #expect(s.selectedText == "hello")
        _ = s.handle(.key(.ctrl("x")))
        #expect(s.text == " worldhel")
        #expect(s.register == "hello")
        _ = s.handle(.key(.ctrl("z")))
        #expect(s.text == "hello worldhel")
    }

    @Test("ctrl-c without a selection is left to the screen (quit prompt / cancel)")
    func ctrlCWithoutSelection() {
        var s = EditorState(text: "abc")
        let used = s.handle(.key(.ctrl("c")))
        #expect(!used)
        _ = s.handle(.key(Key(.right, .shift)))
        let copied = s.handle(.key(.ctrl("c")))
        #expect(copied && s.register == "a")
    }

    @Test("typing replaces the selection; a left arrow collapses it to its start")
    func replaceSelection() {
        var s = EditorState(text: "abcdef")
        s.cursor = Position(line: 0, column: 1)
        keys(&s, [.key(Key(.right, .shift)), .key(Key(.right, .shift)), .key(.char("X"))])
        #expect(s.text == "aXdef")
        keys(&s, [.key(Key(.left, .shift)), .key(.left)])
        #expect(s.cursor == Position(line: 0, column: 1) && s.selection == nil)
    }

    @Test("tab indents selected lines, shift-tab outdents them, as one undo step each")
    func indentLines() {
        var s = EditorState(text: "a\nb\nc")
        keys(&s, [.key(Key(.down, .shift)), .key(.tab)])
        #expect(s.text == "  a\n  b\nc")
        keys(&s, [.key(.backTab)])
        #expect(s.text == "a\nb\nc")
        _ = s.handle(.key(.ctrl("z")))
        #expect(s.text == "  a\n  b\nc")
    }

    @Test("search finds case-insensitively, wraps, and goes backwards")
    func search() {
        var s = EditorState(text: Self.domain)
        do { let found = s.find("?X"); #expect(found) }
        #expect(s.selection?.start == Position(line: 3, column: 17))
        do { let found = s.findNext(); #expect(found) }
        #expect(s.selection?.start == Position(line: 4, column: 21))
        do { let found = s.findNext(); #expect(found) }
        #expect(s.selection?.start == Position(line: 3, column: 17))   // wrapped
        do { let found = s.findPrevious(); #expect(found) }
        #expect(s.selection?.start == Position(line: 4, column: 21))
        do { let found = s.find("nothing-like-this"); #expect(!found) }
    }

    @Test("go to line clamps; F8 walks diagnostics")
    func goToLineAndDiagnostics() {
        var s = EditorState(text: Self.domain)
        s.goToLine(3)
        #expect(s.cursor == Position(line: 2, column: 0))
        s.goToLine(999)
        #expect(s.cursor.line == 4)
        s.diagnostics = [EditorDiagnostic(.error, at: Position(line: 1, column: 3), "x"),
                         EditorDiagnostic(.warning, at: Position(line: 3, column: 4), "y")]
        _ = s.handle(.key(.f(8)))
        #expect(s.cursor == Position(line: 1, column: 3))
        _ = s.handle(.key(.f(8)))
        #expect(s.cursor == Position(line: 3, column: 4))
    }

    @Test("the bracket matching the one at the cursor is found across lines")
    func brackets() {
        var s = EditorState(text: Self.domain)
        s.cursor = Position(line: 2, column: 2)
        let m = s.matchingBracket()
        #expect(m?.0 == Position(line: 2, column: 2))
        #expect(m?.1 == Position(line: 4, column: 24))
        s.cursor = Position(line: 0, column: 23)     // just after ')' of "(domain blocks)"
        #expect(s.matchingBracket()?.1 == Position(line: 0, column: 8))
    }

    @Test("renders gutter, highlighting and diagnostics with their messages", arguments: [(20, 5), (48, 10)])
    func rendering(_ w: Int, _ h: Int) {
        var s = EditorState(text: Self.domain)
        s.viewportHeight = h
        s.diagnostics = [EditorDiagnostic(.error, at: Position(line: 3, column: 4), length: 11, "unknown keyword")]
        s.cursor = Position(line: 2, column: 2)
        var cursor: Point?
        let b = render(w, h) { buf, area in
            cursor = EditorView(highlighter: TestHighlighter()).draw(s, in: area, into: &buf)
        }
        assertSnapshot(b, named: "editor-\(w)x\(h)", styles: true)
        #expect(cursor == Point(x: 5 + 2, y: 2))
    }

    @Test("a stale diagnostic past the end of a line that got shorter draws without trapping")
    func staleDiagnostic() {
        var s = EditorState(text: "(define (domain d))\n(:types a)")
        s.diagnostics = [EditorDiagnostic(.error, at: Position(line: 1, column: 30), length: 5, "was here before")]
        s.cursor = Position(line: 1, column: 0)
        let b = render(40, 4) { buf, area in _ = EditorView(highlighter: TestHighlighter()).draw(s, in: area, into: &buf) }
        #expect(b.lines().joined().contains("(:types a)"))
    }

    @Test("a long file scrolls so the cursor line shows, with a wider gutter")
    func scrolling() {
        var s = EditorState(text: (1...5000).map { "line \($0)" }.joined(separator: "\n"))
        s.viewportHeight = 5
        keys(&s, [.key(Key(.end, .ctrl))])
        #expect(s.cursor == Position(line: 4999, column: 9))
        let b = render(20, 5) { buf, area in EditorView().draw(s, in: area, into: &buf) }
        assertSnapshot(b, named: "editor-end-of-5000-20x5")
    }

    @Test("only visible lines are highlighted, so a 5,000-line file costs one screenful per frame")
    func onlyVisibleLinesRendered() {
        final class Counter: @unchecked Sendable { var lines = Set<Int>() }   // test-only, single-threaded
        struct CountingHighlighter: Highlighter {
            let counter: Counter
            func spans(for line: String, lineIndex: Int) -> [HighlightSpan] { counter.lines.insert(lineIndex); return [] }
        }
        let counter = Counter()
        var s = EditorState(text: (1...5000).map { "(line \($0))" }.joined(separator: "\n"))
        s.viewportHeight = 24
        s.goToLine(3000)
        _ = s.handle(.key(.char("x")))
        _ = render(80, 24) { buf, area in EditorView(highlighter: CountingHighlighter(counter: counter)).draw(s, in: area, into: &buf) }
        #expect(counter.lines.count == 24)
        #expect(counter.lines.contains(2999))
        #expect(s.buffer.lines[2999] == "x(line 3000)")
    }

    @Test("wide characters and selections render in whole cells")
    func wideAndSelection() {
        var s = EditorState(text: "漢字 (x)\n(y)")
        keys(&s, [.key(Key(.right, .shift)), .key(Key(.right, .shift))])
        let b = render(20, 5) { buf, area in EditorView().draw(s, in: area, into: &buf) }
        assertSnapshot(b, named: "editor-wide-selection-20x5", styles: true)
    }

    @Test("F9 folds a block to its header; arrows step over it; edits above shift it; a jump inside opens it")
    func folding() {
        var s = EditorState(text: Self.domain + "\n(next)")
        s.goToLine(3)                                   // "  (:action pick-up" closes on line 5
        _ = s.handle(.key(.f(9)))
        #expect(s.folds == [2: 4])
        #expect(s.isHidden(3) && s.isHidden(4) && !s.isHidden(5))
        _ = s.handle(.key(.down))
        #expect(s.cursor.line == 5)
        _ = s.handle(.key(.up))
        #expect(s.cursor.line == 2)
        _ = s.handle(.key(.end)); _ = s.handle(.key(.right))
        #expect(s.cursor == Position(line: 5, column: 0))
        let b = render(40, 6) { buf, area in EditorView(highlighter: TestHighlighter()).draw(s, in: area, into: &buf) }
        assertSnapshot(b, named: "editor-folded-40x6")
        s.cursor = Position(line: 0, column: 0)
        _ = s.handle(.key(.enter))
        #expect(s.folds == [3: 5])                      // shifted down by the new line above
        s.goToLine(5)                                   // inside the fold
        #expect(s.folds.isEmpty)
        #expect(s.cursor.line == 4)
    }

    @Test("a fold with a hidden error shows E on its header")
    func foldedDiagnostic() {
        var s = EditorState(text: Self.domain)
        s.diagnostics = [EditorDiagnostic(.error, at: Position(line: 4, column: 4), "bad effect")]
        s.goToLine(3)
        _ = s.handle(.key(.f(9)))
        let b = render(40, 5) { buf, area in EditorView().draw(s, in: area, into: &buf) }
        #expect(b.line(2).hasPrefix("E  3   (:action pick-up ⋯ 2 lines"))
        #expect(!b.lines().contains { $0.contains("bad effect") })
    }
}
