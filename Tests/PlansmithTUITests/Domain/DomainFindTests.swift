import Foundation
import PlansmithTUI
import TerminalUI
import Testing

@Suite("Domain screen: find and go to line")
@MainActor
struct DomainFindTests {
    @Test("ctrl-f finds the next match, enter moves on, ↑ goes back, a miss says so; esc closes the prompt first")
    func find() async throws {
        let app = try await FakeApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.press(.ctrl("f"))
        #expect(d.state.editorPrompt?.kind == .find)
        #expect(DomainScreen.isTyping(d.state))
        d.type("holding ?x")
        d.press(.enter)
        let first = d.state.editor(.domain).cursor.line
        #expect(d.state.editor(.domain).buffer.lines[first].contains("holding ?x"))
        d.press(.enter)
        let second = d.state.editor(.domain).cursor.line
        #expect(second > first)
        d.press(.up)
        #expect(d.state.editor(.domain).cursor.line == first)
        #expect(d.screenText(width: 140, height: 40).contains("find: holding ?x"))

        d.press(.ctrl("u"))
        d.type("no-such-thing")
        d.press(.enter)
        #expect(d.state.editorPrompt?.note == "no match for 'no-such-thing'")
        #expect(d.state.editor(.domain).cursor.line == first, "a miss leaves the cursor where it was")

        d.press(.escape)
        #expect(d.state.editorPrompt == nil)
        #expect(DomainScreen.isTyping(d.state), "esc closed the prompt only")
    }

    @Test("ctrl-g jumps to a line number and closes; nonsense asks for a number")
    func goToLine() async throws {
        let app = try await FakeApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.press(.ctrl("g"))
        d.type("abc")
        d.press(.enter)
        #expect(d.state.editorPrompt?.note == "type a line number")
        d.press(.ctrl("u"))
        d.type("14")
        d.press(.enter)
        #expect(d.state.editorPrompt == nil)
        #expect(d.state.editor(.domain).cursor.line == 13)
        // The prompt, the editor and the footer all fit a small terminal.
        d.press(.ctrl("f"))
        expectDrawsInside(d, width: 40, height: 12)
        expectDrawsInside(d, width: 20, height: 3)
    }

    @Test("the editor pages by the rows that show: a resize tells it")
    func pageFollowsTerminalSize() async throws {
        let app = try await FakeApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.send(.resize(Size(width: 120, height: 50)))
        let tall = d.state.editor(.domain).viewportHeight
        d.send(.resize(Size(width: 120, height: 30)))
        let short = d.state.editor(.domain).viewportHeight
        #expect(tall > short && short > 5, "\(tall) vs \(short)")
    }
}
