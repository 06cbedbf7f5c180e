import Critique
import Foundation
import PlansmithCore
@testable import PlansmithTUI
import Testing
import TerminalUI

/// Boards built from events (no session needed) for the drawing and key tests.
@MainActor
enum PlanBoards {
    static func item(_ id: String, _ author: CriticName, edit: PlanEdit? = .deleteSteps([0])) -> FeedbackItem {
        FeedbackItem(id: id, author: author, severity: .major, message: "message of \(id)", steps: [0], edit: edit)
    }

    /// A state with one finished round of two items: one approved by efficiency although its edit is invalid.
    static func state(_ app: FakeApp) -> PlanScreen.State {
        var (state, _) = PlanScreen.start(target: .session(id: 1), env: app.env)
        var board = PlanBoard()
        board.apply(.sessionStarted(source: .classicalPlanner, plan: ["(a)", "(b)", "(c)"], cost: 3))
        board.apply(.iterationStarted(1))
        let configuration = CritiqueConfiguration.default
        let first = item("1.safety.1", .safety), second = item("1.efficiency.1", .efficiency)
        for (it, votes) in [(first, [CriticName.completeness: Vote.disagree, .efficiency: .agree, .safety: .agree]),
                            (second, [.completeness: .agree, .efficiency: .agree, .safety: .neutral])] {
            board.apply(.feedbackItem(iteration: 1, it))
            for (critic, vote) in votes { board.apply(.vote(iteration: 1, itemId: it.id, critic: critic, vote)) }
            board.apply(.itemScored(iteration: 1, it, ItemScore(itemId: it.id, votes: votes, configuration: configuration)))
        }
        state.board = board
        state.board.rounds[0].items[0].editValid = false
        state.board.rounds[0].items[1].editValid = true
        state.loaded = true
        state.status = .running
        PlanScreen.refresh(&state)
        return state
    }
}

@Suite("Plan screen: drawing and keys")
@MainActor
struct PlanViewTests {
    @Test("the scoreboard flags, in text, items and votes that approve an invalid plan")
    func invalidApprovalsAreFlaggedInText() async throws {
        let app = try await FakeApp.make()
        let driver = ScreenDriver(PlanScreen.self, state: PlanBoards.state(app), env: app.env)
        let rows = driver.state.table.rows
        #expect(rows.count == 2)
        #expect(rows[0].contains("OK'D INVALID"))
        #expect(rows[0].contains("agree!"))
        #expect(rows[0].contains("disagree"))
        #expect(!rows[1].contains("OK'D INVALID"))
        #expect(rows[1].contains("accept"))
        // safety 0.3 + efficiency 0.3 = 0.60 ≥ 0.5: accepted, although the validator rejects the edit.
        #expect(rows[0].contains("0.60"))
        let text = driver.screenText(width: 140, height: 30)
        #expect(text.contains("OK'D INVALID"))
        #expect(text.contains("▶ running round 1/5"))
    }

    @Test("Enter opens the selected item's details with votes × weights; Esc closes them first")
    func detailsOpenAndClose() async throws {
        let app = try await FakeApp.make()
        let driver = ScreenDriver(PlanScreen.self, state: PlanBoards.state(app), env: app.env)
        driver.press(.char("j"), .enter)
        #expect(driver.state.detail == "1.efficiency.1")
        let text = driver.screenText(width: 100, height: 30)
        #expect(text.contains("Item 1.efficiency.1"))
        #expect(text.contains("completeness: agree (1.0) × 0.4 = 0.40"))
        #expect(text.contains("Edited plan: ✓ valid (validator)"))
        #expect(PlanScreen.hints(driver.state).first?.label == "close details")
        driver.press(.up)
        #expect(driver.state.detail == "1.efficiency.1")
        driver.press(.enter)
        #expect(driver.state.detail == nil)
        driver.press(.enter)
        driver.press(.escape)
        #expect(driver.state.detail == nil)
        #expect(!driver.state.cancelling)
    }

    @Test("Ctrl-C and Esc cancel while the session runs; once it has ended both are left to the shell")
    func ctrlCCancelsOnlyWhileRunning() async throws {
        let app = try await FakeApp.make()
        var state = PlanBoards.state(app)
        for key in [Key.ctrl("c"), .escape] {
            guard case .cancel? = PlanScreen.message(for: .key(key), in: state) else {
                Issue.record("\(key) should cancel a running session")
                continue
            }
        }
        #expect(PlanScreen.runningWork(state) == "critique round 1/5")
        state.status = .completed
        #expect(PlanScreen.message(for: .key(.ctrl("c")), in: state) == nil)
        #expect(PlanScreen.message(for: .key(.escape), in: state) == nil)
        #expect(PlanScreen.runningWork(state) == nil)
    }

    @Test("/ filters the rows as you type; Esc clears the filter before anything else")
    func filterNarrowsRows() async throws {
        let app = try await FakeApp.make()
        let driver = ScreenDriver(PlanScreen.self, state: PlanBoards.state(app), env: app.env)
        driver.type("/safety")
        #expect(PlanScreen.isTyping(driver.state))
        #expect(driver.state.filter == "safety")
        #expect(driver.state.table.rows.count == 1)
        #expect(driver.state.rowIds == ["1.safety.1"])
        #expect(driver.screenText(width: 120, height: 30).contains("filter: safety"))
        driver.press(.enter)
        #expect(!PlanScreen.isTyping(driver.state))
        driver.type("/zzz")
        #expect(driver.state.table.rows.isEmpty)
        #expect(driver.screenText(width: 120, height: 30).contains("No item matches"))
        driver.press(.escape)
        #expect(driver.state.filter.isEmpty)
        #expect(driver.state.table.rows.count == 2)
    }

    @Test("Tab moves the focus between panes; in a small area only the focused pane is drawn, from 80×22 all three")
    func smallTerminalShowsOnePane() async throws {
        let app = try await FakeApp.make()
        let driver = ScreenDriver(PlanScreen.self, state: PlanBoards.state(app), env: app.env)
        let small = driver.screenText(width: 69, height: 20)
        #expect(small.contains("[Scoreboard]"))
        #expect(!small.contains("Timeline ·"))
        driver.press(.tab)
        #expect(driver.state.focus == .plan)
        #expect(driver.screenText(width: 80, height: 17).contains("(a)"))
        #expect(driver.screenText(width: 80, height: 17).contains("[Plan]"))
        let full = driver.screenText(width: 80, height: 22)
        #expect(full.contains("Scoreboard ·") && full.contains("Plan ·") && full.contains("Timeline ·"))
    }

    @Test("every size from 20×3 up draws inside its area only and never crashes")
    func drawsInsideAreaAtAnySize() async throws {
        let app = try await FakeApp.make()
        var state = PlanBoards.state(app)
        for detail in [nil, "1.safety.1"] {
            state.detail = detail
            for (width, height) in [(20, 3), (20, 5), (1, 1), (0, 0), (40, 12), (79, 23), (80, 24), (150, 50)] {
                var buffer = ScreenBuffer(width: width + 4, height: height + 4)
                let area = Rect(x: 2, y: 2, width: width, height: height)
                PlanScreen.view(state, in: area, into: &buffer, ViewContext())
                for y in 0..<buffer.height {
                    for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                        #expect(buffer[x, y].symbol == " ", "drew outside \(area) at \(x),\(y) (\(width)x\(height))")
                    }
                }
            }
        }
        state.detail = nil
        var buffer = ScreenBuffer(width: 20, height: 3)
        PlanScreen.view(state, in: buffer.area, into: &buffer, ViewContext())
        #expect(buffer.lines()[0].hasPrefix("▶ running round 1/5"))
    }

    @Test("an ASCII theme gets ASCII status marks and verdicts")
    func asciiTheme() async throws {
        let app = try await FakeApp.make()
        var state = PlanBoards.state(app)
        state.status = .completed
        state.board.rounds[0].finish(with: try PlanFixtures.round(
            1, items: state.board.rounds[0].items.map(\.item), scores: state.board.rounds[0].items.compactMap(\.score),
            applied: [], plan: ["(a)"], cost: 1, valid: true))
        var look = ViewContext()
        look.theme.unicode = false
        var buffer = ScreenBuffer(width: 120, height: 30)
        PlanScreen.view(state, in: buffer.area, into: &buffer, look)
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.contains("[ok] completed"))
        #expect(text.contains("final plan [ok] valid (validator)"))
        #expect(!text.contains("✓"))
    }
}
