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

    @Test("efficiency proposes a replace-segment edit for a detour that no step deletion removes, and agrees with it")
    func efficiencyReplacesDetour() async throws {
        let task = try TestTasks.roads()
        let current = task.review(TestTasks.steps("(move a b)", "(move b c)", "(move c d)", "(move d e)"))
        #expect(current.isValid && current.analysis?.redundantSteps == [])
        let items = try await EfficiencyCritic().review(current, in: task)
        let item = try #require(items.first { $0.edit?.kind == "replace-segment" })
        #expect(item.edit == .replaceSegment(start: 0, end: 4, steps: ["(move a b)", "(move b d)", "(move d e)"]))
        #expect(item.message == "steps 1–4 can be replaced by 3 step(s), saving 1")
        let edit = try #require(item.edit)
        let edited = task.review(try #require(PlanEditor(task: task).apply(edit, to: current.steps)))
        #expect(edited.isValid && edited.cost == 3)
        #expect(try await EfficiencyCritic().vote(on: item, current: current, edited: edited, in: task) == .agree)
        #expect(try await CompletenessCritic().vote(on: item, current: current, edited: edited, in: task) != .disagree)
    }

    @Test("the critique loop applies the replace-segment edit and ends with the shortcut")
    func loopAppliesSegmentReplacement() async throws {
        let task = try TestTasks.roads()
        let result = await CritiqueOrchestrator(task: task)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.steps("(move a b)", "(move b c)", "(move c d)", "(move d e)"), nextIteration: 1))
        #expect(result.plan?.steps == TestTasks.steps("(move a b)", "(move b d)", "(move d e)"))
        #expect(result.rounds.first?.items.contains { $0.edit?.kind == "replace-segment" && result.rounds.first?.score(of: $0.id)?.accepted == true } == true)
    }

    @Test("safety proposes a reorder that defers an irreversible step, validated, and only safety cares")
    func safetyDefersIrreversibleStep() async throws {
        let task = try TestTasks.errands()
        let current = task.review(TestTasks.steps("(sell-car)", "(buy-milk)", "(buy-bread)"))
        let items = try await SafetyCritic().review(current, in: task)
        let item = try #require(items.first { $0.edit?.kind == "reorder" })
        #expect(item.edit == .reorder([1, 2, 0]))
        #expect(item.steps == [0])
        let edited = task.review(try #require(PlanEditor(task: task).apply(.reorder([1, 2, 0]), to: current.steps)))
        #expect(edited.isValid && edited.cost == current.cost)
        #expect(try await SafetyCritic().vote(on: item, current: current, edited: edited, in: task) == .agree)
        #expect(try await EfficiencyCritic().vote(on: item, current: current, edited: edited, in: task) == .neutral)
        // The reverse move is riskier.
        #expect(try await SafetyCritic().vote(on: item, current: edited, edited: current, in: task) == .disagree)
        let result = await CritiqueOrchestrator(task: task).run(resumingFrom: CritiqueResumePoint(plan: current.steps, nextIteration: 1))
        #expect(result.plan?.steps == TestTasks.steps("(buy-milk)", "(buy-bread)", "(sell-car)"))
    }

    @Test("safety disagrees with an edit that breaks a valid plan, even though the broken plan reaches fewer risky steps")
    func safetyDisagreesWithInvalidResult() async throws {
        let task = try TestTasks.bridges()
        let current = task.review(TestTasks.steps("(cross a b)", "(cross b c)"))
        let item = FeedbackItem(id: "x", author: CriticName("llm-safety"), severity: .critical, message: "drop step 1", steps: [0],
                                edit: .deleteSteps([0]))
        let edited = task.review(TestTasks.steps("(cross b c)"))
        #expect(!edited.isValid && edited.irreversibleDeletes.isEmpty && !current.irreversibleDeletes.isEmpty)
        #expect(try await SafetyCritic().vote(on: item, current: current, edited: edited, in: task) == .disagree)
    }

    @Test("no reorder is proposed when the irreversible step cannot move (the plan would break)")
    func safetyKeepsNecessaryOrder() async throws {
        let task = try TestTasks.bridges()
        let current = task.review(TestTasks.steps("(cross a b)", "(cross b c)"))
        #expect(current.isValid)
        let items = try await SafetyCritic().review(current, in: task)
        #expect(!items.contains { $0.edit?.kind == "reorder" })
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
