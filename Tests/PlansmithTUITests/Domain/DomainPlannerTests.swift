import Foundation
import Planner
import PlansmithTUI
import TerminalUI
import Testing

@Suite("Domain screen: planner runs and the critique hand-off")
@MainActor
struct DomainPlannerTests {
    @Test("F5 plans the editor's texts and shows the plan")
    func plans() async throws {
        let app = try await FakeApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.press(.f(5))
        #expect(d.state.planner.isRunning)
        await d.settle(until: { !$0.planner.isRunning })
        guard case .plan(let steps, _, _, _)? = d.state.planner.outcome else {
            Issue.record("no plan: \(String(describing: d.state.planner.outcome))"); return
        }
        #expect(steps.last?.hasPrefix("(stack a b") == true || steps.contains("(stack a b)"))
        let screen = d.screenText(width: 120, height: 40)
        #expect(screen.contains("✓ plan: \(steps.count) steps"))
        #expect(screen.contains("1. \(steps[0])"))
    }

    @Test("a long run shows elapsed time, keeps the UI responding, and esc cancels it at once")
    func cancelsLongRun() async throws {
        let app = try await FakeApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.press(.ctrl("t"))
        DomainFixture.replaceEditorText(d, with: DomainFixture.bigBlocksProblem(14))
        await d.settle(until: { !$0.isValidating })
        #expect(d.state.validation.isValid)
        d.press(.escape)                                  // pane focus
        var state = d.state
        state.searchConfiguration = SearchConfiguration(algorithm: .astar, heuristic: .blind, preferredOperators: false)
        let slow = ScreenDriver(DomainScreen.self, state: state, env: app.env)
        slow.press(.f(5))
        #expect(await slow.settle(until: { $0.planner.elapsed >= 0.6 }))
        #expect(slow.state.planner.isRunning)
        #expect(slow.screenText(width: 120, height: 40).contains("planning…"))
        slow.type("3")                                    // still responding: focus moves
        #expect(slow.state.focus == .editor)
        #expect(DomainScreen.runningWork(slow.state)?.contains("planner run") == true)
        let clock = ContinuousClock()
        let cancelIn = clock.measure { slow.press(.escape) }
        #expect(cancelIn < .milliseconds(50))
        #expect(!slow.state.planner.isRunning)
        #expect(slow.state.planner.outcome == .cancelled)
        await slow.settle(timeout: .seconds(2))
        #expect(slow.state.planner.outcome == .cancelled, "the abandoned run's late result is dropped")
        #expect(slow.screenText(width: 120, height: 40).contains("planner run cancelled"))
    }

    @Test("with reduce motion the progress is static text, no spinner")
    func reduceMotion() async throws {
        let app = try await FakeApp.make()
        var env = app.env
        env.look = ViewContext(reduceMotion: true)
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app), env: env)
        d.press(.f(5))
        let text = d.screenText(width: 120, height: 40)
        #expect(text.contains("planning… 0.0 s"))
        #expect(!"⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏".contains { text.contains($0) })
        await d.settle(until: { !$0.planner.isRunning })
    }

    @Test("a problem with errors gives 'no plan' with the reason, not a crash")
    func noPlanOnErrors() async throws {
        let app = try await FakeApp.make()
        let d = await DomainFixture.open(app, try await DomainFixture.copyTemplate(app))
        d.press(.ctrl("t"))
        DomainFixture.replaceEditorText(d, with: "(define (problem p) (:domain blocksworld) (:objects a - block) (:init) (:goal (flying a)))")
        d.press(.f(5))
        await d.settle(until: { !$0.planner.isRunning })
        guard case .noPlan(let reason)? = d.state.planner.outcome else { Issue.record("expected no plan"); return }
        #expect(reason.contains("error"))
    }

    @Test("critique is refused while the text has errors, and otherwise saves first and opens a new run")
    func critiqueHandOff() async throws {
        let app = try await FakeApp.make()
        let id = try await DomainFixture.copyTemplate(app)
        let d = await DomainFixture.open(app, id)
        d.press(.enter, Key(.end, .ctrl))
        d.type("\n(oops")
        d.dispatch(.critique)
        await d.settle()
        #expect(DomainFixture.toasts(d.requests).contains { $0.hasPrefix("critique refused: fix") })
        #expect(DomainFixture.navigations(d.requests).isEmpty)

        d.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        d.type("; fine")
        d.dispatch(.critique)
        await d.settle()
        #expect(DomainFixture.navigations(d.requests) == [.plan(.newRun(domainId: id))])
        let revisions = await DomainFixture.revisions(app, id)
        #expect(revisions.count == 2 && revisions[0].domainPddl.hasSuffix("; fine"), "saved before the hand-off")
        #expect(!d.state.hasUnsavedChanges)
    }
}
