import Foundation
import PlansmithTUI
import Store
import TerminalUI
import Testing

@Suite("Domain screen: panes, keys and small terminals")
@MainActor
struct DomainLayoutTests {
    @Test("tab / shift-tab / F6 cycle the four panes; enter gives typing focus; esc leaves it, then goes back")
    func paneFocus() async throws {
        let app = try await TestApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        #expect(d.state.focus == .editor && !d.state.isTyping)
        d.press(.tab)
        #expect(d.state.focus == .validation)
        d.press(.tab)
        #expect(d.state.focus == .sidebar)
        d.press(.backTab, .backTab)
        #expect(d.state.focus == .editor)
        d.press(.enter)
        #expect(DomainScreen.isTyping(d.state))
        d.press(.f(6))                                    // works while typing
        #expect(d.state.focus == .validation && !d.state.isTyping)
        d.press(.backTab, .enter)
        #expect(d.state.isTyping)
        #expect(d.send(.key(.escape)))
        #expect(!d.state.isTyping)
        #expect(!d.send(.key(.escape)), "nothing left to close: the shell goes back")
        #expect(!d.send(.key(.char("q"))), "q at pane focus is the shell's")
    }

    @Test("the sidebar filters as you type and enter opens another domain")
    func sidebarOpensDomain() async throws {
        let app = try await TestApp.make()
        let id = try await DomainFixture.copyTemplate(app)
        let other = try await DomainFixture.copyTemplate(app, "gripper", as: "robot-gripper")
        // Someone else's public domain is readable but not "mine": not in the sidebar.
        let store = app.store
        let bob = try await store.accounts.register(email: "bob@example.com", password: "another horse")
        let bobs = try await store.accounts.personalWorkspace(of: bob.id!)
        let template = try await store.domains.domain(id: id, readableBy: app.session.userId)
        _ = try await store.domains.create(DomainDraft(name: "bobs-public", domainPddl: template.domainPddl, isPublic: true),
                                           in: bobs.id!, by: bob.id!)
        let d = await DomainFixture.open(app, id)
        #expect(d.state.sidebar.items.sorted() == ["my-blocks", "robot-gripper"])
        d.type("1")
        d.type("h")                                       // letters filter in the sidebar (not history)
        #expect(d.state.history == nil && d.state.sidebar.filter == "h")
        d.press(.backspace)
        d.type("grip")
        #expect(d.state.sidebar.filter == "grip" && DomainScreen.isTyping(d.state))
        #expect(d.screenText(width: 120, height: 36).contains("/grip (1/2)"))
        d.press(.enter)
        #expect(DomainFixture.navigations(d.requests) == [.domain(id: other)])
    }

    @Test("below 80x24 one pane shows at a time, under the pane names")
    func singlePane() async throws {
        let app = try await TestApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        let small = d.screenText(width: 60, height: 16)
        #expect(small.contains("[3 Editor]"))
        #expect(small.contains("(define (domain"))
        #expect(!small.contains("┌ Checks") && !small.contains("┌ Domains") && !small.contains("┌ Chat"))
        d.press(.tab)
        #expect(d.screenText(width: 60, height: 16).contains("✓ valid"))
        #expect(d.screenText(width: 80, height: 24).contains("Domains"))
    }

    /// Draws into a bigger buffer at an offset: nothing may land outside the area, cursor included.
    func expectInside(_ d: ScreenDriver<DomainScreen>, sizes: [(Int, Int)]) {
        for (width, height) in sizes {
            var buffer = ScreenBuffer(width: width + 4, height: height + 4)
            let area = Rect(x: 2, y: 2, width: width, height: height)
            let drawnCursor = DomainScreen.draw(d.state, in: area, into: &buffer, d.env.look)
            for (y, line) in buffer.lines().enumerated() {
                for (x, c) in Array(line).enumerated() where c != " " {
                    #expect(area.contains(x: x, y: y), "drew '\(c)' at \(x),\(y) outside \(area)")
                }
            }
            if let cursor = drawnCursor {
                #expect(area.contains(x: cursor.x, y: cursor.y), "cursor \(cursor) outside \(area)")
            }
        }
    }

    @Test("every pane, typing or not, the history popup and a running planner draw at tiny sizes inside the area")
    func tinySizes() async throws {
        let app = try await TestApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        let sizes = [(20, 3), (20, 5), (1, 1), (40, 12), (79, 23), (80, 24), (200, 60)]
        d.press(.f(5))
        d.type("h")
        expectInside(d, sizes: sizes)                     // history popup over a running planner
        d.press(.escape)
        for pane in DomainScreen.Pane.allCases {
            d.dispatch(.focusPane(pane))
            expectInside(d, sizes: sizes)
            if pane == .chat || pane == .editor {
                d.press(.enter)
                #expect(DomainScreen.isTyping(d.state))
                d.type("xy")
                expectInside(d, sizes: sizes)
                d.press(.escape)
            }
        }
        await d.settle(until: { !$0.planner.isRunning })
        expectInside(d, sizes: sizes)                     // with the plan shown
    }

    @Test("without Unicode the marks are ASCII words: '[ok] valid', '[X] 1 error'")
    func asciiMarks() async throws {
        let app = try await TestApp.make()
        var env = app.env
        env.look = ViewContext(theme: Theme(name: "ascii", styles: [:], unicode: false))
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app), env: env)
        #expect(d.screenText(width: 100, height: 30).contains("[ok] valid"))
        d.press(.enter)
        d.type("(")
        await d.settle(until: { !$0.isValidating })
        let text = d.screenText(width: 100, height: 30)
        #expect(text.contains("[X] 1 error") || text.contains("[X] 2 errors"))
        #expect(!text.contains("✓") && !text.contains("✗") && !text.contains("┌"))
    }

    @Test("a domain that cannot be read shows why instead of crashing")
    func missingDomain() async throws {
        let app = try await TestApp.make()
        let d = await DomainFixture.open(app, 987_654)
        guard case .failed(let text) = d.state.phase else { Issue.record("expected a failure"); return }
        #expect(!text.isEmpty)
        #expect(d.screenText(width: 80, height: 24).contains("could not open the domain"))
        #expect(!d.send(.key(.escape)))
    }
}

