import TerminalUI

/// What the tmux end-to-end test drives: shows typed text, pastes (as counted events), the size,
/// and quits on Ctrl-C. Kept tiny so a failure points at the toolkit, not the demo.
enum DemoProgram: TerminalProgram {
    struct State {
        var typed = ""
        var keyEvents = 0
        var pasteEvents = 0
        var lastPaste = ""
        var size = Size(width: 0, height: 0)
        var resizes = 0
        var lastMouse = "none"
        var failOnFirstKey = false
        var failed = false
    }

    enum Msg: Sendable {
        case keyPressed(Key)
        case pasted(String)
        case resized(Size)
        case clicked(MouseEvent)
    }

    static func message(for event: InputEvent, in state: State) -> Msg? {
        switch event {
        case .key(let k): return .keyPressed(k)
        case .paste(let text): return .pasted(text)
        case .resize(let size): return .resized(size)
        case .mouse(let m): return .clicked(m)
        }
    }

    static func update(_ state: inout State, _ msg: Msg) -> Command<Msg> {
        switch msg {
        case .keyPressed(let key):
            if key == .ctrl("c") { return .quit }
            if state.failOnFirstKey { state.failed = true; return .quit }
            if key == .ctrl("l") { return .redraw }
            state.keyEvents += 1
            if let c = key.typedCharacter { state.typed.append(c) }
            else if key == .backspace, !state.typed.isEmpty { state.typed.removeLast() }
        case .pasted(let text):
            state.pasteEvents += 1
            state.lastPaste = text
        case .resized(let size):
            state.size = size
            state.resizes += 1
        case .clicked(let m):
            state.lastMouse = "\(m.kind) \(m.x),\(m.y)"
        }
        return .none
    }

    static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer) {
        let rows = Layout.split(area, .vertical, [.fixed(1), .fill, .fixed(1)])
        buffer.put("tui-demo size \(area.width)x\(area.height) resizes \(state.resizes)", x: 0, y: rows[0].y,
                   style: Style(bold: true))
        var y = rows[1].y
        buffer.put("typed: \(state.typed)", x: 0, y: y); y += 1
        buffer.put("keys: \(state.keyEvents) pastes: \(state.pasteEvents) mouse: \(state.lastMouse)", x: 0, y: y); y += 1
        for line in state.lastPaste.split(separator: "\n", omittingEmptySubsequences: false)
        where state.pasteEvents > 0 && y < rows[1].maxY {
            buffer.put("paste| \(line)", x: 0, y: y); y += 1
        }
        buffer.put("ctrl-c quit", x: 0, y: rows[2].y, style: Style(reverse: true))
        buffer.put("END", x: area.width - 3, y: rows[2].y)
    }
}
