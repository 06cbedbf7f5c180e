import Critique
import Planner
import Testing

/// A proposer that replays scripted replies and remembers what it was asked.
actor ScriptedProposer: PlanProposer {
    nonisolated let name = "scripted"
    private var replies: [String]
    private(set) var requests: [PlanProposalRequest] = []
    init(_ replies: [String]) { self.replies = replies }
    func propose(_ request: PlanProposalRequest) async throws -> PlanProposal {
        requests.append(request)
        return PlanProposal(text: replies.isEmpty ? "" : replies.removeFirst(), promptTokens: 100, completionTokens: 20)
    }
}

@Suite("Plan proposer (LLM path)")
struct ProposerTests {
    @Test("a valid proposed plan, wrapped in prose, becomes the initial plan")
    func acceptsValidProposal() async throws {
        let task = try TestTasks.blocks()
        let proposer = ScriptedProposer(["Here is the plan:\n```\n(pick-up b)\n(stack b c)\n(pick-up a)\n(stack a b)\n```\nDone."])
        let result = await CritiqueOrchestrator(task: task, proposer: proposer).run()
        #expect(result.initialSource == .proposer(name: "scripted", rounds: 1))
        #expect(result.plan?.steps == TestTasks.blocksPlan)
    }

    @Test("validator feedback in first-failing-step style goes back to the proposer")
    func feedbackGoesBack() async throws {
        let task = try TestTasks.blocks()
        let proposer = ScriptedProposer(["(pick-up b)\n(stack a b)", "(pick-up b)\n(stack b c)\n(pick-up a)\n(stack a b)"])
        let result = await CritiqueOrchestrator(task: task, proposer: proposer).run()
        #expect(result.initialSource == .proposer(name: "scripted", rounds: 2))
        let second = try #require(await proposer.requests.dropFirst().first)
        #expect(second.feedback?.hasPrefix("step 2 (stack a b) fails") == true)
        #expect(second.feedback?.contains("unsatisfied: (holding a)") == true)
        #expect(second.prompt.contains("The validator rejected it"))
    }

    @Test("invalid proposals every round: the classical planner supplies the plan and the result says so",
          arguments: ["", "(stack a b)", "(pick-up b)\n(stack b c)", "(fly a b)\n(teleport c)", "I cannot solve this."])
    func fallsBackToPlanner(_ reply: String) async throws {
        let task = try TestTasks.blocks()
        let proposer = ScriptedProposer(Array(repeating: reply, count: 5))
        let log = EventLog()
        let result = await CritiqueOrchestrator(task: task, configuration: CritiqueConfiguration(proposerRounds: 3), proposer: proposer)
            .run { await log.append($0) }
        #expect(result.initialSource == .classicalFallback(proposer: "scripted", rounds: 3))
        #expect(await proposer.requests.count == 3)
        #expect(result.plan?.isValid == true)
        #expect(result.rounds.allSatisfy { $0.validation.valid })
        let rejections = await log.events.filter { if case .proposalRejected = $0 { true } else { false } }
        #expect(rejections.count == 3)
    }
}
