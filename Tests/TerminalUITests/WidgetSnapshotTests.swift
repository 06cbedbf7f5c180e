import Testing
@testable import TerminalUI

/// Snapshot tests of the small widgets at several sizes, including 20×5.
@Suite("Widget snapshots")
struct WidgetSnapshotTests {
    static let sizes = [(20, 5), (40, 8)]

    @Test("block: focused is heavy with > title, unfocused is light", arguments: sizes)
    func block(_ w: Int, _ h: Int) {
        let b = render(w, h) { buf, area in
            let halves = Layout.split(area, .horizontal, [.percentage(50), .fill])
            Block(title: "Chat", focused: true).draw(in: halves[0], into: &buf)
            Block(title: "Log").draw(in: halves[1], into: &buf)
        }
        assertSnapshot(b, named: "block-\(w)x\(h)", styles: true)
    }

    @Test("ascii block for non-UTF-8 locales")
    func asciiBlock() {
        var theme = Theme.fallback
        theme.unicode = false
        let b = render(20, 5) { buf, area in
            let halves = Layout.split(area, .horizontal, [.percentage(50), .fill])
            Block(title: "A", focused: true, theme: theme).draw(in: halves[0], into: &buf)
            Block(title: "B", theme: theme).draw(in: halves[1], into: &buf)
        }
        assertSnapshot(b, named: "block-ascii-20x5")
    }

    @Test("tabs bracket the selected tab", arguments: sizes)
    func tabs(_ w: Int, _ h: Int) {
        let b = render(w, h) { buf, area in
            Tabs(["Domain", "Plan", "Keys"], selected: 1).draw(in: area, into: &buf)
        }
        assertSnapshot(b, named: "tabs-\(w)x\(h)", styles: true)
    }

    @Test("status bar keeps the left side when space is short", arguments: [(20, 5), (40, 8), (12, 1)])
    func statusBar(_ w: Int, _ h: Int) {
        let b = render(w, h) { buf, area in
            StatusBar(left: "EDIT editor", right: "ln 12 col 4").draw(in: area.row(area.height - 1), into: &buf)
        }
        assertSnapshot(b, named: "statusbar-\(w)x\(h)")
    }

    @Test("key hints drop whole hints that do not fit, spelled from the keymap", arguments: sizes)
    func keyHints(_ w: Int, _ h: Int) {
        var keymap = Keymap.standard
        try? keymap.remap(["global.quit": "ctrl-x"])
        let footer = KeyHintFooter(actions: ["global.help", "global.quit", "global.palette"], keymap: keymap)
        #expect(footer.hints.map(\.key) == ["f1", "ctrl-x", "ctrl-p"])
        let b = render(w, h) { buf, area in footer.draw(in: area.row(area.height - 1), into: &buf) }
        assertSnapshot(b, named: "keyhints-\(w)x\(h)")
    }

    @Test("help overlay lists bindings, focused context first", arguments: [(20, 5), (50, 16)])
    func help(_ w: Int, _ h: Int) {
        let overlay = HelpOverlay(keymap: .standard, focusedContext: "text")
        let lines = overlay.lines()
        #expect(lines.first?.first?.text == "text")
        let text = lines.map { $0.map(\.text).joined() }
        #expect(text.contains { $0.contains("ctrl-k") && $0.contains("kill to end") })
        #expect(text.contains { $0.contains("up k") && $0.contains("move up") })
        let b = render(w, h) { buf, area in overlay.draw(in: area, into: &buf) }
        assertSnapshot(b, named: "help-\(w)x\(h)")
    }

    @Test("help search keeps only matching bindings")
    func helpSearch() {
        let overlay = HelpOverlay(keymap: .standard, search: "undo")
        let text = overlay.lines().map { $0.map(\.text).joined() }
        #expect(text == ["editor", "  ctrl-z          undo"])
        let b = render(40, 6) { buf, area in overlay.draw(in: area, into: &buf) }
        assertSnapshot(b, named: "help-search-40x6")
    }

    @Test("dialog centres the question with key-labelled choices", arguments: [(20, 5), (50, 10)])
    func dialog(_ w: Int, _ h: Int) {
        let d = Dialog(title: "Quit?", message: "A critique is running (3/5 critics).",
                       choices: [.init(.char("y"), "quit"), .init(.char("w"), "wait"), .init(.char("n"), "stay")])
        let b = render(w, h) { buf, area in d.draw(in: area, into: &buf) }
        assertSnapshot(b, named: "dialog-\(w)x\(h)")
        #expect(d.choice(for: .key(.char("w")))?.label == "wait")
        #expect(d.choice(for: .key(.escape))?.label == "stay")
        #expect(d.choice(for: .key(.char("z"))) == nil)
    }

    @Test("toast says its kind in words", arguments: sizes)
    func toast(_ w: Int, _ h: Int) {
        let b = render(w, h) { buf, area in Toast(.error, "save failed: disk full").draw(in: area, into: &buf) }
        assertSnapshot(b, named: "toast-\(w)x\(h)")
    }

    @Test("sparkline scales to the largest value", arguments: sizes)
    func sparkline(_ w: Int, _ h: Int) {
        let values: [Double] = [0, 1, 2, 3, 4, 5, 6, 7, 7, 3, 1, 0, 2, 4]
        let b = render(w, h) { buf, area in Sparkline(values).draw(in: area.row(0), into: &buf) }
        assertSnapshot(b, named: "sparkline-\(w)x\(h)")
        #expect(Sparkline(values).glyphs(width: 3) == "▁▅█")   // last three: 0, 2, 4
    }

    @Test("progress bar shows the percentage as digits", arguments: sizes)
    func progress(_ w: Int, _ h: Int) {
        var ascii = Theme.fallback
        ascii.unicode = false
        let b = render(w, h) { buf, area in
            ProgressBar(fraction: 0.42, label: "search").draw(in: area.row(0), into: &buf)
            ProgressBar(fraction: 1, label: "ok", theme: ascii).draw(in: area.row(1), into: &buf)
            Spinner(label: "critique 3/5").draw(elapsed: 0.6, in: area.row(2), into: &buf)
            Spinner(label: "critique 3/5", reduceMotion: true).draw(elapsed: 0.6, in: area.row(3), into: &buf)
        }
        assertSnapshot(b, named: "progress-\(w)x\(h)")
    }

    @Test("spinner changes at most 4 times a second and never with reduce motion")
    func spinnerRate() {
        let s = Spinner(label: "x")
        var changes = 0
        var last = s.frame(elapsed: 0)
        for i in 1...100 {      // one second in 10 ms steps
            let f = s.frame(elapsed: Double(i) / 100)
            if f != last { changes += 1; last = f }
        }
        #expect(changes <= 4)
        #expect(changes >= 3)
        #expect(Spinner(label: "x", reduceMotion: true).frame(elapsed: 3) == nil)
    }
}

@Suite("Too-small notice")
struct TooSmallNoticeTests {
    @Test("names both sizes and fits the screen it is shown on", arguments: [(38, 10), (20, 5), (9, 2)])
    func fits(_ w: Int, _ h: Int) {
        let notice = TooSmallNotice(minimum: Size(width: 40, height: 12))
        #expect(notice.applies(to: Size(width: w, height: h)))
        #expect(!notice.applies(to: Size(width: 40, height: 12)))
        let b = render(w, h) { buf, area in notice.draw(in: area, into: &buf) }
        assertSnapshot(b, named: "toosmall-\(w)x\(h)")
    }
}
