import Testing
@testable import TerminalUI

@Suite("Chat view")
struct ChatViewTests {
    static let reply = """
    Here is **the plan** with `(pick-up a)`:
    - first step is long enough to wrap around
    - second
    ```
    (:action move :parameters (?x))
    ```
    1. done
    """

    private func state() -> ChatViewState {
        var s = ChatViewState()
        s.append(ChatMessage(.user, "make a plan"))
        s.append(ChatMessage(.assistant, Self.reply))
        return s
    }

    @Test("markdown: bold and code spans are styled, lists hang, code blocks keep layout", arguments: [(20, 5), (40, 14), (60, 12)])
    func rendering(_ w: Int, _ h: Int) {
        let b = render(w, h) { buf, area in ChatView().draw(state(), in: area, into: &buf) }
        assertSnapshot(b, named: "chat-\(w)x\(h)", styles: w == 40)
    }

    @Test("inline markdown splits bold and code; an unclosed marker stays literal")
    func inline() {
        let spans = MiniMarkdown.inline("a **b** `c` **d", base: .plain, theme: .fallback)
        #expect(spans.map(\.text) == ["a ", "b", " ", "c", " **d"])
        #expect(spans[1].style.bold)
    }

    @Test("streaming chunks append to one reply until it is finished")
    func streaming() {
        var s = ChatViewState()
        s.append(ChatMessage(.user, "hi"))
        s.appendChunk("Hel")
        s.appendChunk("lo")
        #expect(s.messages.count == 2)
        #expect(s.messages[1].text == "Hello" && s.messages[1].isStreaming)
        s.finishStreaming(marker: "[stopped]")
        #expect(s.messages[1].text == "Hello [stopped]" && !s.messages[1].isStreaming)
        s.appendChunk("new")
        #expect(s.messages.count == 3)
        let b = render(30, 6) { buf, area in ChatView().draw(s, in: area, into: &buf) }
        assertSnapshot(b, named: "chat-streaming-30x6")
    }

    @Test("scrolling back shows older lines and says how many are below")
    func scrollback() {
        var s = state()
        let lines = ChatView().lines(s, width: 40).count
        s.scroll(by: 3)
        let b = render(40, 6) { buf, area in ChatView().draw(s, in: area, into: &buf) }
        #expect(b.line(5).contains("↓ 3 more"))
        s.scroll(by: 1000)
        let top = render(40, 6) { buf, area in ChatView().draw(s, in: area, into: &buf) }
        #expect(top.line(0).hasPrefix("you:"))
        #expect(lines > 6)
    }

    @Test("copy returns the markdown source of a message")
    func copy() {
        #expect(state().copyText(of: 1) == Self.reply)
        #expect(state().markdown().hasPrefix("**you:** make a plan"))
    }
}
