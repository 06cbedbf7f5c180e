import Testing
@testable import TerminalUI

@Suite("Text input")
struct TextInputTests {
    private func typed(_ text: String) -> TextInputState {
        var s = TextInputState()
        for c in text { _ = s.handle(.key(.char(c))) }
        return s
    }

    @Test("the cursor moves by grapheme over CJK, emoji and combining marks")
    func graphemeMovement() {
        var s = typed("a漢👍🏽e")
        _ = s.handle(.key(.char("\u{301}")))     // a combining acute typed on its own joins the e
        #expect(s.text == "a漢👍🏽é")
        #expect(s.graphemes.count == 4)
        _ = s.handle(.key(.left))
        _ = s.handle(.key(.backspace))          // deletes the whole emoji with its skin tone
        #expect(s.text == "a漢é")
        #expect(s.cursor == 2)
    }

    @Test("ctrl-k, ctrl-u and ctrl-w kill; ctrl-y yanks the last kill")
    func killYank() {
        var s = typed("hello big world")
        _ = s.handle(.key(.ctrl("w")))
        #expect(s.text == "hello big ")
        #expect(s.killBuffer == "world")
        _ = s.handle(.key(.home))
        _ = s.handle(.key(.ctrl("y")))
        #expect(s.text == "worldhello big ")
        _ = s.handle(.key(.ctrl("k")))
        #expect(s.text == "world")
        #expect(s.killBuffer == "hello big ")
        _ = s.handle(.key(.ctrl("u")))
        #expect(s.text == "")
        _ = s.handle(.key(.ctrl("y")))
        #expect(s.text == "world")
    }

    @Test("enter submits and remembers; up and down walk history and restore the draft")
    func history() {
        var s = typed("first")
        #expect(s.handle(.key(.enter)) == .submitted("first"))
        for c in "second" { _ = s.handle(.key(.char(c))) }
        _ = s.handle(.key(.enter))
        for c in "dra" { _ = s.handle(.key(.char(c))) }
        _ = s.handle(.key(.up))
        #expect(s.text == "second")
        _ = s.handle(.key(.up))
        _ = s.handle(.key(.up))
        #expect(s.text == "first")
        _ = s.handle(.key(.down))
        _ = s.handle(.key(.down))
        #expect(s.text == "dra")
    }

    @Test("a paste is inserted whole and never submits, even with newlines")
    func paste() {
        var s = typed("x")
        #expect(s.handle(.paste("line1\nline2")) == .handled)
        #expect(s.text == "xline1\nline2")
    }

    @Test("remapped keys are honoured")
    func remapped() throws {
        var keymap = Keymap.standard
        try keymap.remap(["text.killToStart": "f5"])
        var s = typed("abc")
        _ = s.handle(.key(.f(5)), keymap: keymap)
        #expect(s.text == "")
    }

    @Test("long text scrolls so the cursor stays visible", arguments: [(20, 5), (12, 1)])
    func rendering(_ w: Int, _ h: Int) {
        let s = typed("the quick 漢字 fox jumps over")
        var cursor: Point?
        let b = render(w, h) { buf, area in cursor = TextInput().draw(s, in: area.row(0), into: &buf) }
        assertSnapshot(b, named: "textinput-\(w)x\(h)")
        #expect(cursor == Point(x: w - 1, y: 0))
    }

    @Test("placeholder shows when empty")
    func placeholder() {
        let b = render(20, 5) { buf, area in
            TextInput(placeholder: "ask anything").draw(TextInputState(), in: area.row(0), into: &buf)
            TextInput(focused: false).draw(TextInputState(text: "a\nb"), in: area.row(2), into: &buf)
        }
        assertSnapshot(b, named: "textinput-placeholder-20x5")
    }
}
