import Critique
import Foundation
import PlansmithCore
@testable import PlansmithTUI
import Store
import Testing
import TerminalUI

@Suite("Plan screen: stored sessions, resume and export", .serialized)
@MainActor
struct PlanStoredSessionTests {
    /// Runs a new critique on gripper p01 to completion.
    func completedRun(_ app: TestApp) async throws -> ScreenDriver<PlanScreen> {
        let domainId = try await PlanFixtures.importDomain(app, "gripper", "p01")
        let driver = PlanFixtures.newRun(domainId, env: app.env)
        #expect(await driver.settle(until: { $0.status == .completed }))
        #expect(await driver.settle(until: { !$0.analysing && $0.layers != nil }))
        return driver
    }

    @Test("a stored session reopened in a new driver shows the same rounds, items, votes and scores")
    func reopenShowsSameRounds() async throws {
        let app = try await TestApp.make()
        let live = try await completedRun(app)
        let id = try #require(live.state.sessionId)

        let (state, command) = PlanScreen.start(target: .session(id: id), env: app.env)
        let stored = ScreenDriver(PlanScreen.self, state: state, command: command, env: app.env)
        #expect(await stored.settle(until: { $0.loaded && !$0.analysing && $0.layers != nil }))
        #expect(stored.state.status == .completed)
        #expect(stored.state.feed == nil)
        let a = live.state.board, b = stored.state.board
        #expect(b.rounds.map(\.iteration) == a.rounds.map(\.iteration))
        #expect(b.rounds.map { $0.items.map(\.item.id) } == a.rounds.map { $0.items.map(\.item.id) })
        #expect(b.rounds.map { $0.items.map(\.votes) } == a.rounds.map { $0.items.map(\.votes) })
        #expect(b.rounds.map { $0.items.map { $0.score?.score } } == a.rounds.map { $0.items.map { $0.score?.score } })
        #expect(b.currentPlan == a.currentPlan)
        #expect(b.initialPlan == a.initialPlan)
        #expect(stored.state.table.rows == live.state.table.rows)
        #expect(stored.state.layers == live.state.layers)
        let text = stored.screenText(width: 120, height: 40)
        #expect(text.contains("final plan ✓ valid (validator)"))
        #expect(text.contains("reason: no-critical-feedback (from stored rounds)"))
        #expect(text.contains("gripper-p01"))
    }

    @Test("an interrupted session opens with a resume offer; r resumes it as a new session that continues the rounds")
    func interruptedSessionResumes() async throws {
        let app = try await TestApp.make()
        let domainId = try await PlanFixtures.importDomain(app, "gripper", "p01")
        let interrupted = try await PlanFixtures.interruptedSession(app, domainId: domainId, rounds: 1)

        let (state, command) = PlanScreen.start(target: .session(id: interrupted), env: app.env)
        let driver = ScreenDriver(PlanScreen.self, state: state, command: command, env: app.env)
        #expect(await driver.settle(until: { $0.loaded && $0.task != nil }))
        #expect(driver.state.status == .interrupted)
        #expect(driver.state.canResume)
        let text = driver.screenText(width: 120, height: 40)
        #expect(text.contains("! interrupted"))
        #expect(text.contains("Press r (or palette: resume session) to resume from round 1"))
        #expect(PlanScreen.actions(driver.state).contains { $0.title == "resume session" })
        #expect(PlanScreen.hints(driver.state).contains { $0.key == "r" })
        let roundOneItems = driver.state.board.rounds.first { $0.iteration == 1 }?.items.map(\.item.id)

        driver.type("r")
        #expect(await driver.settle(until: { $0.sessionId != interrupted && $0.status == .completed }))
        let resumedId = try #require(driver.state.sessionId)
        // The rounds continue: round 1 (stored) is still there and round 2 comes from the resumed session.
        #expect(driver.state.board.rounds.first { $0.iteration == 1 }?.items.map(\.item.id) == roundOneItems)
        #expect(driver.state.board.rounds.contains { $0.iteration == 2 && $0.finished })
        #expect(driver.requests.contains { if case .toast(_, let text) = $0 { text.contains("Resumed as session") } else { false } })
        let sessions = app.store.planningSessions
        let resumed = try await sessions.session(resumedId, userId: app.session.userId)
        #expect(resumed.status == .completed)
        #expect(resumed.config.contains("\"resumed_from\":\(interrupted)"))
        let rows = try await sessions.iterations(of: resumedId, userId: app.session.userId)
        #expect(rows.map(\.iterationNum).min() == 2)

        // Reopened later, the resumed session shows the whole chain of rounds.
        let (again, start) = PlanScreen.start(target: .session(id: resumedId), env: app.env)
        let reopened = ScreenDriver(PlanScreen.self, state: again, command: start, env: app.env)
        #expect(await reopened.settle(until: { $0.loaded }))
        #expect(reopened.state.board.rounds.map(\.iteration) == driver.state.board.rounds.map(\.iteration))
    }

    @Test("export writes the plan and critique report as Markdown and JSON into the export directory")
    func exportWritesBothFiles() async throws {
        let app = try await TestApp.make()
        let driver = try await completedRun(app)
        let id = try #require(driver.state.sessionId)
        let titles = PlanScreen.actions(driver.state).map(\.title)
        #expect(titles.contains("export markdown") && titles.contains("export json") && titles.contains("rerun critique"))

        driver.dispatch(.export(.markdown))
        driver.dispatch(.export(.json))
        #expect(await driver.settle())
        let toasts = driver.requests.compactMap { request -> String? in
            if case .toast(.ok, let text) = request { text } else { nil }
        }
        let markdownPath = app.context.exportDirectory + "/plansmith-session-\(id).md"
        let jsonPath = app.context.exportDirectory + "/plansmith-session-\(id).json"
        #expect(toasts.contains { $0.contains(markdownPath) })
        #expect(toasts.contains { $0.contains(jsonPath) })

        let markdown = try String(contentsOfFile: markdownPath, encoding: .utf8)
        #expect(markdown.contains("# Plansmith critique report: gripper-p01, session \(id)"))
        #expect(markdown.contains("- Status: completed (no-critical-feedback)"))
        #expect(markdown.contains("- Final plan: ✓ valid, cost 11"))
        #expect(markdown.contains("## Round 2"))
        for step in driver.state.board.currentPlan { #expect(markdown.contains(step)) }
        for row in driver.state.board.rounds.flatMap(\.items) { #expect(markdown.contains("| \(row.item.id) |")) }

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [String: Any]
        #expect(json?["finalPlanValid"] as? Bool == true)
        #expect(json?["finalPlan"] as? [String] == driver.state.board.currentPlan)
        #expect(json?["status"] as? String == "completed")
        let rounds = json?["rounds"] as? [[String: Any]] ?? []
        #expect(rounds.count == driver.state.board.rounds.count)
        let firstItem = (rounds.first?["items"] as? [[String: Any]])?.first
        #expect((firstItem?["votes"] as? [String: String])?.count == 3)
        #expect(firstItem?["score"] is Double)
    }

    @Test("export into a directory that cannot be created is reported, not lost")
    func exportFailureIsVisible() async throws {
        let app = try await TestApp.make()
        let blocker = app.directory + "/file"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let context = AppContext(services: app.context.services, configPath: app.context.configPath, environment: [:],
                                 exportDirectory: blocker + "/exports")
        let env = ScreenEnvironment(app: context, session: app.session)
        let live = try await completedRun(app)
        let driver = ScreenDriver(PlanScreen.self, state: live.state, env: env)
        driver.dispatch(.export(.json))
        #expect(await driver.settle())
        #expect(driver.requests.contains { if case .toast(.error, let text) = $0 { text.contains("Could not export") } else { false } })
        #expect(driver.screenText(width: 120, height: 40).contains("Could not export"))
    }
}
