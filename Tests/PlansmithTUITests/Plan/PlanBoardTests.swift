import Critique
@testable import PlansmithTUI
import Testing

@Suite("Plan screen: board model and plan diff")
struct PlanBoardTests {
    @Test("the diff marks removed and added steps against the previous plan and keeps the rest")
    func diffMarksChanges() {
        let lines = PlanDiff.lines(from: ["(a)", "(b)", "(c)", "(d)"], to: ["(a)", "(c)", "(e)", "(d)"])
        #expect(lines.map(\.marker) == [" ", "-", " ", "+", " "])
        #expect(lines.map(\.text) == ["(a)", "(b)", "(c)", "(e)", "(d)"])
        #expect(lines.first { $0.kind == .added }?.step == 3)
        #expect(PlanDiff.lines(from: [], to: ["(x)"]).map(\.marker) == ["+"])
        #expect(PlanDiff.lines(from: ["(x)"], to: []).map(\.marker) == ["-"])
    }

    @Test("a finished round replaces the live rows and is never doubled when its events repeat")
    func finishedRoundReplacesLiveRows() throws {
        var board = PlanBoard()
        board.apply(.sessionStarted(source: .classicalPlanner, plan: ["(a)", "(b)"], cost: 2))
        let item = FeedbackItem(id: "1.efficiency.1", author: .efficiency, severity: .minor, message: "drop (b)",
                                steps: [1], edit: .deleteSteps([1]))
        #expect(board.apply(.feedbackItem(iteration: 1, item)) == .rows)
        #expect(board.apply(.vote(iteration: 1, itemId: item.id, critic: .safety, .agree)) == .rows)
        #expect(board.rounds[0].items[0].votes == [.safety: .agree])
        let votes: [CriticName: Vote] = [.completeness: .agree, .efficiency: .agree, .safety: .agree]
        let score = ItemScore(itemId: item.id, votes: votes, configuration: .default)
        let round = try PlanFixtures.round(1, items: [item], scores: [score], applied: [item.id], plan: ["(a)"], cost: 1, valid: true)
        #expect(board.apply(.iterationFinished(round)) == .plan)
        #expect(board.apply(.iterationFinished(round)) == .plan)
        #expect(board.apply(.feedbackItem(iteration: 1, item)) == .nothing)
        #expect(board.rounds.count == 1)
        #expect(board.rounds[0].items.count == 1)
        #expect(board.rounds[0].items[0].applied)
        #expect(board.currentPlan == ["(a)"])
        #expect(board.previousPlan == ["(a)", "(b)"])
        #expect(board.currentValidation?.valid == true)
        #expect(board.apply(.converged(.noCriticalFeedback)) == .rows)
        #expect(board.reason == .noCriticalFeedback)
    }
}
