import Critique
import FakeLLMServer
import Foundation
import PlansmithCore
@testable import PlansmithTUI
import Store
import Testing
import TerminalUI

@Suite("Plan screen: LLM mode over HTTP", .serialized)
@MainActor
struct PlanLLMRunTests {
    /// A valid plan for gripper p01 with a pointless trip at the end.
    static let proposedPlan = """
    (pick ball1 rooma left)
    (pick ball2 rooma right)
    (move rooma roomb)
    (drop ball1 roomb left)
    (drop ball2 roomb right)
    (move roomb rooma)
    (pick ball3 rooma left)
    (pick ball4 rooma right)
    (move rooma roomb)
    (drop ball3 roomb left)
    (drop ball4 roomb right)
    (move roomb rooma)
    (move rooma roomb)
    """

    /// Every id the first rounds can produce: a scripted model cannot read the prompt, so its ballot names them all.
    static func agreeWithEverything(iterations: Int = 3) -> FakeStep {
        let critics = ["completeness", "efficiency", "safety", "llm-completeness", "llm-efficiency", "llm-safety"]
        var entries: [String] = []
        for i in 1...iterations { for c in critics { for n in 1...8 { entries.append(#"{"id":"\#(i).\#(c).\#(n)","vote":1.0}"#) } } }
        return FakeStep.structured(#"{"votes":["# + entries.joined(separator: ",") + "]}")
    }

    @Test("rerun with the LLM: the model proposes, LLM critics vote over HTTP, and their approval of an invalid edit is flagged")
    func llmRerunFlagsApprovalOfInvalidPlan() async throws {
        let server = FakeLLMServer()
        _ = try server.start()
        defer { server.stop() }
        server.route("Solve this PDDL planning problem", .reply(Self.proposedPlan))
        // Deleting step 1 (the first pick) breaks the plan: the validator rejects the edited plan.
        server.route("critic_items", .structured(
            #"{"items":[{"severity":"major","message":"step 1 is pointless","steps":[1],"edit":{"kind":"delete-steps","steps":[1]}}]}"#))
        server.route("critic_votes", Self.agreeWithEverything())
        server.route("Write a revised plan", .reply("(move rooma rooma)"))
        let app = try await TestApp.make(environment: ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-test-0000plan"])
        #expect(app.context.hasUsableProvider)
        var session = app.session
        session.preferences.critique.maxIterations = 2
        let env = ScreenEnvironment(app: app.context, session: session)
        let domainId = try await PlanFixtures.importDomain(app, "gripper", "p01")
        let driver = PlanFixtures.newRun(domainId, env: env)
        #expect(await driver.settle(until: { $0.status == .completed }))
        let soundSession = driver.state.sessionId
        #expect(PlanScreen.actions(driver.state).contains { $0.title.hasPrefix("rerun critique with LLM") })

        driver.dispatch(.rerun(llm: true))
        #expect(driver.state.starting)
        #expect(await driver.settle(timeout: .seconds(60), until: { $0.sessionId != soundSession && $0.status.isFinished }))
        #expect(await driver.settle(until: { !$0.analysing && PlanTasks.pendingEdits(in: $0.board, checked: $0.checkedItems).isEmpty }))
        #expect(driver.state.status == .completed)
        #expect(driver.state.board.source?.contains("valid after 1 round") == true)
        #expect(driver.state.board.critics.contains(CriticName("llm-completeness")))
        let flagged = driver.state.board.rounds.flatMap(\.items).filter { !$0.approversOfInvalid.isEmpty }
        #expect(!flagged.isEmpty)
        #expect(flagged.allSatisfy { $0.item.message == "step 1 is pointless" && !$0.applied })
        #expect(driver.screenText(width: 160, height: 40).contains("OK'D INVALID"))
        #expect(driver.state.board.currentValidation?.valid == true)
        #expect(server.requests.contains { $0.bodyText.contains("critic_votes") })
    }

    @Test("without a provider the LLM rerun is not offered, and asking anyway explains why")
    func llmRerunNeedsProvider() async throws {
        let app = try await TestApp.make()
        let domainId = try await PlanFixtures.importDomain(app, "gripper", "p01")
        let driver = PlanFixtures.newRun(domainId, env: app.env)
        #expect(await driver.settle(until: { $0.status == .completed }))
        #expect(!PlanScreen.actions(driver.state).contains { $0.title.hasPrefix("rerun critique with LLM") })
        driver.dispatch(.rerun(llm: true))
        #expect(!driver.state.starting)
        #expect(driver.requests.contains { if case .toast(.warning, let text) = $0 { text.contains("No language-model provider") } else { false } })
    }
}
