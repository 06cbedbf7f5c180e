import Critique
import Foundation
import Planner
import Testing

/// Collects events in order, for assertions on what the orchestrator reported.
actor EventLog {
    private(set) var events: [CritiqueEvent] = []
    func append(_ event: CritiqueEvent) { events.append(event) }
}

/// Records rounds like the Store would, optionally failing from a given iteration on.
actor MemoryRecorder: CritiqueRecorder {
    private(set) var rounds: [CritiqueRound] = []
    let failFrom: Int?
    init(failFrom: Int? = nil) { self.failFrom = failFrom }
    func record(_ round: CritiqueRound) async throws {
        if let failFrom, round.iteration >= failFrom { throw FixtureError(message: "disk full") }
        rounds.append(round)
    }
}

/// Proposes an edit that breaks the plan, and agrees with everything: the validator must still veto.
struct RogueCritic: Critic {
    let name = CriticName("rogue")
    func review(_ plan: PlanReview, in task: CritiqueTask) async throws -> [FeedbackItem] {
        [FeedbackItem(id: "", author: name, severity: .critical, message: "drop the first step", steps: [0], edit: .deleteSteps([0]))]
    }
    func vote(on item: FeedbackItem, current: PlanReview, edited: PlanReview?, in task: CritiqueTask) async throws -> Vote { .agree }
}

@Suite("Critique loop")
struct OrchestratorTests {
    @Test("a wasteful plan gets cheaper round by round, stays valid, and the reason is recorded")
    func improvesWastefulPlan() async throws {
        let task = try TestTasks.blocks()
        let recorder = MemoryRecorder()
        let orchestrator = CritiqueOrchestrator(task: task, recorder: recorder)
        let log = EventLog()
        let result = await orchestrator.run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1)) {
            await log.append($0)
        }
        let plan = try #require(result.plan)
        #expect(plan.isValid)
        #expect(result.initialCost == 8)
        #expect(plan.cost == 4)
        #expect(result.reason == .noCriticalFeedback)
        let rounds = await recorder.rounds
        #expect(rounds.map(\.iteration) == Array(1...rounds.count))
        #expect(zip(rounds, rounds.dropFirst()).allSatisfy { $0.cost >= $1.cost })
        #expect(rounds.allSatisfy { $0.validation.valid })
        let events = await log.events
        #expect(events.contains { if case .refinementApplied = $0 { true } else { false } })
        guard case .sessionFinished = events.last else { Issue.record("last event is not sessionFinished"); return }
    }

    @Test("every critic votes on every item, and scores follow the votes")
    func everyCriticVotesOnEveryItem() async throws {
        let task = try TestTasks.blocks()
        let result = await CritiqueOrchestrator(task: task, configuration: CritiqueConfiguration(maxIterations: 1))
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        #expect(!round.items.isEmpty)
        for item in round.items {
            let score = try #require(round.score(of: item.id))
            #expect(Set(score.votes.keys) == [.completeness, .efficiency, .safety])
        }
        #expect(result.reason == .maxIterations)
    }

    @Test("the validator vetoes an accepted edit that breaks the plan")
    func validatorVetoesAcceptedInvalidEdit() async throws {
        let task = try TestTasks.blocks()
        var configuration = CritiqueConfiguration(maxIterations: 3)
        configuration.weights = ["rogue": 1.0]
        let result = await CritiqueOrchestrator(task: task, critics: [RogueCritic()], configuration: configuration)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.blocksPlan, nextIteration: 1))
        let round = try #require(result.rounds.first)
        #expect(round.scores.allSatisfy { $0.accepted })
        #expect(round.applied.isEmpty)
        // The approval of an invalid plan is on record for analytics.
        #expect(round.agreedWithInvalid == [CriticName("rogue"): 1])
        #expect(result.plan?.isValid == true)
        #expect(result.plan?.steps == TestTasks.blocksPlan)
        // A critical item that nothing resolves ends the loop as "no improvement", not as success.
        #expect(result.reason == .noImprovement)
    }

    @Test("without a plan to resume, the classical planner supplies the first plan and round 0 is recorded")
    func classicalInitialPlan() async throws {
        let task = try TestTasks.blocks()
        let recorder = MemoryRecorder()
        let result = await CritiqueOrchestrator(task: task, recorder: recorder).run()
        #expect(result.initialSource == .classicalPlanner)
        #expect(await recorder.rounds.first?.iteration == 0)
        #expect(result.plan?.isValid == true)
    }

    @Test("a failing recorder fails the session instead of losing rounds silently")
    func recorderFailureFailsSession() async throws {
        let task = try TestTasks.blocks()
        let result = await CritiqueOrchestrator(task: task, recorder: MemoryRecorder(failFrom: 1))
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 1))
        #expect(result.reason == .failed)
        #expect(result.failure?.contains("could not save iteration 1") == true)
        #expect(result.plan?.isValid == true)
    }

    @Test("resuming continues the iteration numbers after the saved round")
    func resumeContinuesNumbering() async throws {
        let task = try TestTasks.blocks()
        let recorder = MemoryRecorder()
        let result = await CritiqueOrchestrator(task: task, recorder: recorder)
            .run(resumingFrom: CritiqueResumePoint(plan: TestTasks.wastefulBlocksPlan, nextIteration: 4))
        #expect(result.initialSource == .resumed(fromIteration: 3))
        #expect(await recorder.rounds.first?.iteration == 4)
    }

    @Test("an unsolvable task fails with a reason and no plan")
    func unsolvableFails() async throws {
        let task = try TestTasks.load(domain: """
            (define (domain d) (:requirements :strips) (:predicates (p) (q))
              (:action a :parameters () :precondition (p) :effect (q)))
            """, problem: "(define (problem x) (:domain d) (:init) (:goal (q)))")
        let result = await CritiqueOrchestrator(task: task).run()
        #expect(result.reason == .failed)
        #expect(result.plan == nil)
        #expect(result.failure != nil)
    }
}
