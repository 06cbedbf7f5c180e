import Critique
import Planner
import Testing

@Suite("Sound critics")
struct CriticTests {
    @Test("efficiency finds the redundant pick-up/put-down and proposes deleting it")
    func efficiencyFindsRedundantSteps() async throws {
        let task = try TestTasks.blocks()
        let review = task.review(TestTasks.wastefulBlocksPlan)
        #expect(review.isValid)
        let items = try await EfficiencyCritic().review(review, in: task)
        let redundant = try #require(items.first { $0.message.contains("redundant") })
        #expect(redundant.severity == .major)
        guard case .deleteSteps(let steps) = redundant.edit else { Issue.record("no delete edit"); return }
        #expect(Set(steps).isSuperset(of: [0, 1]))
    }

    @Test("completeness reports steps that support no goal, with a deletion edit it agrees with")
    func completenessFindsUselessSteps() async throws {
        let task = try TestTasks.bridges()
        let current = task.review(TestTasks.steps("(cross a b)", "(wave b)", "(cross b c)"))
        let items = try await CompletenessCritic().review(current, in: task)
        let item = try #require(items.first)
        #expect(item.message == "1 step(s) support no goal: 2 (wave b)")
        #expect(item.edit == .deleteSteps([1]))
        let edited = task.review(try #require(PlanEditor(task: task).apply(.deleteSteps([1]), to: current.steps)))
        #expect(try await CompletenessCritic().vote(on: item, current: current, edited: edited, in: task) == .agree)
    }

    @Test("completeness reports the first failing step as critical, with a replan edit from there")
    func completenessReportsFailure() async throws {
        let task = try TestTasks.blocks()
        let plan = TestTasks.steps("(pick-up b)", "(stack a b)")
        let items = try await CompletenessCritic().review(task.review(plan), in: task)
        let item = try #require(items.first)
        #expect(item.severity == .critical)
        #expect(item.message.hasPrefix("step 2 (stack a b) cannot be executed"))
        #expect(item.edit == .replanFrom(step: 1, costBound: nil))
    }

    @Test("a valid shortest plan draws no completeness or efficiency edits")
    func optimalPlanIsQuiet() async throws {
        let task = try TestTasks.blocks()
        let review = task.review(TestTasks.blocksPlan)
        #expect(try await CompletenessCritic().review(review, in: task).isEmpty)
        #expect(try await EfficiencyCritic().review(review, in: task).allSatisfy { $0.edit == nil })
    }

    @Test("safety reports a goal fact destroyed and re-achieved")
    func safetyFindsGoalRegression() async throws {
        let task = try TestTasks.blocks()
        let items = try await SafetyCritic().review(task.review(TestTasks.wastefulBlocksPlan), in: task)
        let item = try #require(items.first { $0.message.contains("destroyed") })
        #expect(item.message == "goal (on b c) is destroyed by step 5 and re-achieved by step 6")
    }

    @Test("safety reports irreversible steps and the dead end after a wrong crossing")
    func safetyFindsIrreversibleStepsAndDeadEnds() async throws {
        let task = try TestTasks.bridges()
        let wrong = task.review(TestTasks.steps("(cross a d)"))
        let items = try await SafetyCritic().review(wrong, in: task)
        #expect(items.contains { $0.severity == .critical && $0.message.hasPrefix("after step 1 (cross a d) the goal can no longer be reached") })
        #expect(items.contains { $0.message.contains("irreversible") && $0.message.contains("(intact a d)") })
    }

    @Test("every critic disagrees with an edit that leads into a dead end; safety because of the dead end")
    func votesOnDeadEndEdit() async throws {
        let task = try TestTasks.bridges()
        let current = task.review(TestTasks.steps("(cross a b)", "(cross b c)"))
        #expect(current.isValid)
        let item = FeedbackItem(id: "1.x.1", author: CriticName("rogue"), severity: .major, message: "take the short cut",
                                edit: .replaceSegment(start: 0, end: 2, steps: ["(cross a d)"]))
        let edited = task.review(TestTasks.steps("(cross a d)"))
        #expect(try await SafetyCritic().vote(on: item, current: current, edited: edited, in: task) == .disagree)
        #expect(try await CompletenessCritic().vote(on: item, current: current, edited: edited, in: task) == .disagree)
        #expect(try await EfficiencyCritic().vote(on: item, current: current, edited: edited, in: task) == .disagree)
    }

    @Test("votes on removing redundant steps follow each perspective: cheaper, still valid, same risk")
    func votesOnGoodDeletion() async throws {
        let task = try TestTasks.blocks()
        let current = task.review(TestTasks.wastefulBlocksPlan)
        let edit = PlanEdit.deleteSteps([0, 1])
        let edited = try #require(PlanEditor(task: task).apply(edit, to: current.steps))
        let item = FeedbackItem(id: "1.efficiency.1", author: .efficiency, severity: .major, message: "m", edit: edit)
        let review = task.review(edited)
        #expect(try await EfficiencyCritic().vote(on: item, current: current, edited: review, in: task) == .agree)
        // The deleted steps fed a later step (hand empty), so goal contribution sees no change.
        #expect(try await CompletenessCritic().vote(on: item, current: current, edited: review, in: task) == .neutral)
        // Fewer steps, but the same goal regression: safety sees no difference in risk.
        #expect(try await SafetyCritic().vote(on: item, current: current, edited: review, in: task) == .neutral)
    }

    @Test("completeness disagrees with a deletion that breaks the plan")
    func completenessVetoesBreakingDeletion() async throws {
        let task = try TestTasks.blocks()
        let current = task.review(TestTasks.blocksPlan)
        let item = FeedbackItem(id: "1.x.1", author: .efficiency, severity: .major, message: "m", edit: .deleteSteps([0]))
        let edited = task.review(try #require(PlanEditor(task: task).apply(.deleteSteps([0]), to: current.steps)))
        #expect(try await CompletenessCritic().vote(on: item, current: current, edited: edited, in: task) == .disagree)
    }

    @Test("an item without an edit gets agree from its author and neutral from the others")
    func observationVotes() async throws {
        let task = try TestTasks.blocks()
        let current = task.review(TestTasks.blocksPlan)
        let item = FeedbackItem(id: "1.safety.1", author: .safety, severity: .minor, message: "note")
        #expect(try await SafetyCritic().vote(on: item, current: current, edited: nil, in: task) == .agree)
        #expect(try await EfficiencyCritic().vote(on: item, current: current, edited: nil, in: task) == .neutral)
    }
}
