import Testing
@testable import TerminalUI

@Suite("Diff rendering")
@MainActor
struct DiffRenderingTests {
    @Test("the first frame writes every cell, an unchanged frame writes none, one change writes one")
    func onlyChangedCellsAreWritten() {
        let backend = VirtualBackend(width: 20, height: 5)
        let terminal = Terminal(backend: backend)
        terminal.draw { $0.put("hello", x: 0, y: 0) }
        terminal.draw { $0.put("hello", x: 0, y: 0) }
        terminal.draw { $0.put("hallo", x: 0, y: 0) }
        #expect(backend.cellsWrittenPerFrame == [100, 0, 1])
        #expect(backend.buffer.line(0).hasPrefix("hallo"))
    }

    @Test("changing a wide character rewrites its lead cell once and the screen stays whole")
    func wideChange() {
        let backend = VirtualBackend(width: 6, height: 1)
        let terminal = Terminal(backend: backend)
        terminal.draw { $0.put("a漢b", x: 0, y: 0) }
        terminal.draw { $0.put("a字b", x: 0, y: 0) }
        #expect(backend.cellsWrittenPerFrame.last == 1)
        terminal.draw { $0.put("axyb", x: 0, y: 0) }
        #expect(backend.buffer.line(0) == "axyb  ")
        terminal.draw { $0.put("a漢b", x: 0, y: 0) }
        #expect(backend.buffer.line(0) == "a漢b  ")
    }

    @Test("a style-only change is written")
    func styleChange() {
        let backend = VirtualBackend(width: 4, height: 1)
        let terminal = Terminal(backend: backend)
        terminal.draw { $0.put("ab", x: 0, y: 0) }
        terminal.draw { $0.put("ab", x: 0, y: 0, style: Style(bold: true)) }
        #expect(backend.cellsWrittenPerFrame.last == 2)
        #expect(backend.buffer[0, 0].style.bold)
    }

    @Test("after a resize the whole new frame is written")
    func resizeRepaints() {
        let backend = VirtualBackend(width: 4, height: 2)
        let terminal = Terminal(backend: backend)
        terminal.draw { $0.put("ab", x: 0, y: 0) }
        backend.resize(to: Size(width: 6, height: 3))
        terminal.draw { $0.put("ab", x: 0, y: 0) }
        #expect(backend.cellsWrittenPerFrame.last == 18)
    }
}
