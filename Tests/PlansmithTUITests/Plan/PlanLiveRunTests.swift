import Critique
import Foundation
import PlansmithCore
@testable import PlansmithTUI
import Store
import Testing
import TerminalUI

@Suite("Plan screen: live critique runs", .serialized)
@MainActor
struct PlanLiveRunTests {
    @Test("a new run shows each round's items, votes and scores as they arrive, then completes ✓ valid with its reason")
    func liveRoundsAppearAndComplete() async throws {
        let app = try await TestApp.make()
        let domainId = try await PlanFixtures.importDomain(app, "gripper", "p01")
        let driver = PlanFixtures.newRun(domainId, env: app.env)

        // Round 1 is on the board while the session is still running (round 2 not finished yet).
        #expect(await driver.settle(until: { $0.board.rounds.contains { $0.iteration == 1 && $0.finished } }))
        #expect(driver.state.status == .running)
        let during = driver.screenText(width: 120, height: 40)
        #expect(during.contains("running round"))
        #expect(during.contains("efficien"))
        #expect(during.contains("Score"))
        #expect(during.contains("agree"))
        #expect(driver.state.table.rows.contains { $0[0] == "1" && ($0.contains("accept") || $0.contains("applied") || $0.contains("reject")) })
        #expect(PlanScreen.runningWork(driver.state)?.hasPrefix("critique round") == true)

        #expect(await driver.settle(until: { $0.status.isFinished }))
        #expect(await driver.settle(until: { !$0.analysing && $0.layers != nil }))
        let board = driver.state.board
        #expect(driver.state.status == .completed)
        #expect(board.rounds.filter(\.finished).count >= 2)
        #expect(board.reason == .noCriticalFeedback)
        // Every item of every round has all three critics' votes and a weighted score.
        for round in board.rounds {
            for row in round.items {
                #expect(row.votes.count == 3)
                #expect(row.score != nil)
            }
        }
        let text = driver.screenText(width: 120, height: 40)
        #expect(text.contains("✓ completed"))
        #expect(text.contains("reason: no-critical-feedback"))
        #expect(text.contains("final plan ✓ valid (validator)"))
        #expect(text.contains("parallel layer(s)"))
        #expect(board.initialQuality != nil && board.qualities.count == board.rounds.count + 1)
        #expect(driver.state.table.rows.contains { $0[0] == "2" })
        #expect(PlanScreen.runningWork(driver.state) == nil)
        // The verdict shown is SQLite's: the service wrote completed.
        let row = try await app.store.planningSessions.session(driver.state.sessionId!, userId: app.session.userId)
        #expect(row.status == .completed)
    }

    @Test("Esc during a round cancels the session within a second; the UI and SQLite say cancelled")
    func escCancelsPromptly() async throws {
        let app = try await TestApp.make()
        let domainId = try await PlanFixtures.importDomain(app, "blocks", "p05")
        let driver = PlanFixtures.newRun(domainId, env: app.env)
        #expect(await driver.settle(until: { $0.board.latestIteration >= 1 }))
        #expect(driver.state.status == .running)
        #expect(PlanScreen.hints(driver.state).first?.label == "cancel critique")

        let pressed = ContinuousClock.now
        driver.press(.escape)
        #expect(driver.state.cancelling)
        #expect(driver.screenText(width: 120, height: 40).contains("cancelling…"))
        #expect(await driver.settle(timeout: .seconds(5), until: { $0.status == .cancelled }))
        let elapsed = ContinuousClock.now - pressed
        #expect(elapsed < .seconds(1), "cancel took \(elapsed)")
        #expect(driver.screenText(width: 120, height: 40).contains("cancelled"))
        #expect(PlanScreen.runningWork(driver.state) == nil)
        // Idle again: Esc is the shell's (back).
        #expect(!driver.send(.key(.escape)))
        #expect(await driver.settle(until: { row in row.status == .cancelled && !row.cancelling }))
        let stored = try await app.store.planningSessions.session(driver.state.sessionId!, userId: app.session.userId)
        #expect(stored.status == .cancelled)

        // A cancelled session offers resume; r continues it as a new session to the end.
        #expect(driver.state.canResume)
        #expect(driver.screenText(width: 120, height: 40).contains("Press r"))
        let cancelled = driver.state.sessionId
        driver.type("r")
        #expect(await driver.settle(timeout: .seconds(30), until: { $0.sessionId != cancelled && $0.status == .completed }))
        #expect(driver.state.board.currentValidation?.valid == true)
    }

    @Test("leaving the screen for good (popped, quit) cancels its running session, so SQLite ends consistent")
    func leaveCancelsRunningSession() async throws {
        let app = try await TestApp.make()
        let domainId = try await PlanFixtures.importDomain(app, "blocks", "p05")
        let driver = PlanFixtures.newRun(domainId, env: app.env)
        #expect(await driver.settle(until: { $0.board.latestIteration >= 1 }))
        let id = try #require(driver.state.sessionId)
        PlanScreen.leave(driver.state)
        let sessions = app.store.planningSessions
        let deadline = ContinuousClock.now + .seconds(5)
        var status = try await sessions.session(id, userId: app.session.userId).status
        while status == .running, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            status = try await sessions.session(id, userId: app.session.userId).status
        }
        #expect(status == .cancelled)
    }

    @Test("Space pauses live updates: the panes keep their rows until it is pressed again")
    func spacePausesUpdates() async throws {
        let app = try await TestApp.make()
        let domainId = try await PlanFixtures.importDomain(app, "gripper", "p01")
        let driver = PlanFixtures.newRun(domainId, env: app.env)
        #expect(await driver.settle(until: { $0.loaded }))
        driver.press(.char(" "))
        #expect(driver.state.paused)
        let frozenRows = driver.state.table.rows
        #expect(await driver.settle(until: { $0.status.isFinished }))
        #expect(driver.state.table.rows == frozenRows)
        #expect(driver.screenText(width: 120, height: 40).contains("PAUSED"))
        #expect(driver.state.board.rounds.filter(\.finished).count >= 2)
        driver.press(.char(" "))
        #expect(!driver.state.paused)
        #expect(driver.state.table.rows.count == driver.state.board.rounds.reduce(0) { $0 + $1.items.count })
    }

    @Test("a domain without a problem gives a clear message instead of a session")
    func domainWithoutProblem() async throws {
        let app = try await TestApp.make()
        let folder = PlanFixtures.corpus + "/gripper"
        let domain = try await app.store.domains.importFiles(domainPath: folder + "/domain.pddl", problemPath: nil,
                                                                     name: "bare", into: app.session.workspace.id,
                                                                     by: app.session.userId)
        let (state, command) = PlanScreen.start(target: .newRun(domainId: domain.id!), env: app.env)
        let driver = ScreenDriver(PlanScreen.self, state: state, command: command, env: app.env)
        #expect(await driver.settle(until: { $0.loaded }))
        #expect(driver.state.sessionId == nil)
        #expect(driver.screenText().contains("has no problem"))
        let sessions = try await app.store.planningSessions.sessions(userId: app.session.userId, domainId: nil, limit: 10)
        #expect(sessions.isEmpty)
    }
}
