import Foundation
import PlansmithTUI
import Store
import TerminalUI
import Testing

@Suite("Domain screen: editor, live diagnostics, save, history and restore")
@MainActor
struct DomainEditorTests {
    @Test("a domain copied from a template opens with its text, the sidebar, and '✓ valid'")
    func opensTemplateCopy() async throws {
        let app = try await TestApp.make()
        let id = try await DomainFixture.copyTemplate(app)
        let d = await DomainFixture.open(app, id)
        #expect(d.state.phase == .ready)
        let screen = d.screenText(width: 120, height: 36)
        #expect(screen.contains("my-blocks"))
        #expect(screen.contains("(define (domain blocksworld)"))
        #expect(screen.contains("✓ valid"))
        #expect(DomainScreen.runningWork(d.state) == nil)
    }

    @Test("typing an error shows its code and line in the checks; fixing it gives '✓ valid' again")
    func liveDiagnostics() async throws {
        let app = try await TestApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.press(.enter)                                   // typing focus in the editor
        #expect(DomainScreen.isTyping(d.state))
        d.press(Key(.home, .ctrl))
        for _ in 0..<11 { d.press(.down) }                // line 12: ":precondition (holding ?x)"
        d.press(.end, .left)
        d.type("z")                                       // (holding ?xz): an undeclared variable
        await d.settle(until: { !$0.isValidating })
        let error = try #require(d.state.validation.diagnostics.first)
        #expect(error.isError && error.file == .domain && error.line == 12)
        let screen = d.screenText(width: 120, height: 36)
        #expect(screen.contains("✗ 1 error"))
        #expect(screen.contains("domain:12:"))
        #expect(screen.contains(error.code))
        #expect(d.state.domainEditor.diagnostics.count == 1, "the editor underlines it too")

        d.press(.backspace)
        await d.settle(until: { !$0.isValidating })
        #expect(d.state.validation.isValid)
        #expect(d.screenText(width: 120, height: 36).contains("✓ valid"))
    }

    @Test("ctrl-s saves a new revision in SQLite; unsaved changes are reported until then")
    func savesRevision() async throws {
        let app = try await TestApp.make()
        let id = try await DomainFixture.copyTemplate(app)
        let d = await DomainFixture.open(app, id)
        d.press(.enter, Key(.end, .ctrl))
        d.type("\n; edited in the test")
        #expect(DomainScreen.runningWork(d.state) == "unsaved changes in my-blocks")
        d.press(.ctrl("s"))
        await d.settle(until: { !$0.isSaving })
        let revisions = try await DomainFixture.revisions(app, id)
        #expect(revisions.count == 2)
        #expect(revisions.first?.domainPddl.hasSuffix("; edited in the test") == true)
        #expect(DomainScreen.runningWork(d.state) == nil)
        #expect(DomainFixture.toasts(d.requests).contains("saved revision 2 of my-blocks"))
    }

    @Test("saving keeps the rest of the record as it was (a public domain stays public)")
    func saveKeepsRecord() async throws {
        let app = try await TestApp.make()
        let id = try await DomainFixture.copyTemplate(app)
        let store = app.store, userId = app.session.userId
        let domain = try await store.domains.domain(id: id, readableBy: userId)
        _ = try await store.domains.save(DomainDraft(name: domain.name, description: "shared", domainPddl: domain.domainPddl,
                                                     problemPddl: domain.problemPddl, isPublic: true),
                                         to: id, by: userId, message: "made public")
        let d = await DomainFixture.open(app, id)
        d.press(.enter, Key(.end, .ctrl))
        d.type(" ")
        d.press(.ctrl("s"))
        await d.settle(until: { !$0.isSaving })
        let saved = try await store.domains.domain(id: id, readableBy: userId)
        #expect(saved.isPublic && saved.description == "shared" && saved.name == "my-blocks")
        #expect(try await DomainFixture.revisions(app, id).count == 3)
    }

    @Test("restoring revision 1 from the history stores it as a new revision and shows it in the editor")
    func restoresRevision() async throws {
        let app = try await TestApp.make()
        let id = try await DomainFixture.copyTemplate(app)
        let d = await DomainFixture.open(app, id)
        let original = d.state.domainEditor.text
        d.press(.enter, Key(.end, .ctrl))
        d.type("\n; second version")
        d.press(.ctrl("s"))
        await d.settle(until: { !$0.isSaving })
        d.press(.escape)                                  // leave typing focus; then 'h' is a pane key
        #expect(!d.state.isTyping)
        d.type("h")
        await d.settle(until: { $0.history?.isLoading == false })
        #expect(d.screenText(width: 120, height: 36).contains("r2"))
        d.press(.down, .enter)
        await d.settle(until: { $0.history == nil && !$0.isValidating })
        let revisions = try await DomainFixture.revisions(app, id)
        #expect(revisions.map(\.revision) == [3, 2, 1])
        #expect(revisions.first?.domainPddl == original)
        #expect(d.state.domainEditor.text == original)
        #expect(!d.state.hasUnsavedChanges)
    }

    @Test("format rewrites the tab's text as one undo step; text with syntax errors is refused and kept")
    func formats() async throws {
        let app = try await TestApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.press(.ctrl("t"))                               // problem tab
        let messy = "(define (problem p) (:domain blocksworld) (:objects a b - block)\n(:init (handempty) (ontable a) (ontable b) (clear a) (clear b)) (:goal (on a b)))"
        DomainFixture.replaceEditorText(d, with: messy)
        d.dispatch(.format)
        await d.settle(until: { $0.problemEditor.text != messy })
        #expect(d.state.problemEditor.text.contains("\n  (:objects"))
        d.press(.ctrl("z"))
        #expect(d.state.problemEditor.text == messy, "one ctrl-z brings the unformatted text back")

        DomainFixture.replaceEditorText(d, with: "(define (problem p")
        d.dispatch(.format)
        await d.settle()
        #expect(d.state.problemEditor.text == "(define (problem p")
        #expect(DomainFixture.toasts(d.requests).contains { $0.hasPrefix("cannot format") })
    }

    @Test("F8 jumps to the next diagnostic across both files, switching tab")
    func f8Jumps() async throws {
        let app = try await TestApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.press(.ctrl("t"))
        DomainFixture.replaceEditorText(d, with: "(define (problem p) (:domain blocksworld) (:objects a - block) (:init (ontabel a)) (:goal (clear a)))")
        await d.settle(until: { !$0.isValidating })
        #expect(d.state.validation.errorCount >= 1)
        d.press(.ctrl("t"), .escape)                      // back to the domain tab, pane focus
        #expect(d.state.tab == .domain)
        d.press(.f(8))
        #expect(d.state.tab == .problem)
        #expect(d.state.problemEditor.cursor.line == 0)
        #expect(d.state.isTyping && d.state.focus == .editor)
    }
}
