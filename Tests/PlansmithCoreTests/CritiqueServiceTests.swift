import Critique
import Foundation
import PDDL
import Planner
@testable import PlansmithCore
import PlansmithTestSupport
import Store
import Testing

/// The service on a real SQLite file: status changes, per-round persistence, events, cancel, resume.
@Suite("Critique service", .serialized)
struct CritiqueServiceTests {
    final class Fixture: Sendable {
        let directory: String
        let store: Store
        let userId: Int64
        let bus = EventBus()

        init() async throws {
            directory = NSTemporaryDirectory() + "critique-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            store = try Store.open(DatabaseLocation(path: directory + "/plansmith.sqlite", createsDirectory: false))
            userId = try await store.accounts.ensureLocalUser(email: "me@example.com").id!
        }

        func service() -> CritiqueService { CritiqueService(bus: bus, sessions: store.planningSessions, userId: userId) }
        deinit { try? FileManager.default.removeItem(atPath: directory) }
    }

    static func task(_ domain: String, _ problem: String) throws -> CritiqueTask {
        let folder = Corpus.directory + "/" + domain
        let report = ValidationReport.validate(domain: try Corpus.source(folder + "/domain.pddl"),
                                               problem: try Corpus.source(folder + "/\(problem).pddl"))
        return try CritiqueTask(domain: report.domain!, problem: report.problem!)
    }

    /// Events of one session until it finishes.
    static func collect(_ subscription: EventSubscription, session: Int64) async -> [CritiqueEvent] {
        var events: [CritiqueEvent] = []
        for await event in subscription.events where event.sessionId == session {
            events.append(event.payload)
            if case .sessionFinished = event.payload { break }
        }
        return events
    }

    @Test("a session runs to completed, saves every round as it finishes, and publishes its events")
    func completedSessionIsPersisted() async throws {
        let fixture = try await Fixture()
        let service = fixture.service()
        let subscription = await fixture.bus.subscribe()
        let id = try await service.start(CritiqueRequest(task: try Self.task("blocks", "p03")))
        let events = await Self.collect(subscription, session: id)
        let session = try await fixture.store.planningSessions.session(id, userId: fixture.userId)
        // `.sessionFinished` comes only after the row is final.
        #expect(session.status == .completed)
        guard case .sessionFinished(let result) = events.last else { Issue.record("no sessionFinished"); return }
        let iterations = try await fixture.store.planningSessions.iterations(of: id, userId: fixture.userId)
        #expect(iterations.map(\.iterationNum) == Array(0...result.iterations))
        #expect(session.currentIteration == result.iterations)
        let finalPlan = try JSONDecoder().decode([String].self, from: Data(try #require(session.finalPlan).utf8))
        #expect(finalPlan == result.plan?.stepTexts)
        let last = try #require(iterations.last)
        #expect(last.validation?.contains("\"valid\":true") == true)
        #expect(last.aggregatedScore != nil)
        #expect(last.critiques.contains("\"votes\""))
        let started = events.firstIndex { if case .sessionStarted = $0 { true } else { false } }
        let firstRound = events.firstIndex { if case .iterationStarted = $0 { true } else { false } }
        #expect(started != nil && firstRound != nil && started! < firstRound!)
    }

    @Test("cancelling a running session stops it within 200 ms, with a valid plan and status cancelled")
    func cancelStopsQuickly() async throws {
        let fixture = try await Fixture()
        let service = fixture.service()
        let subscription = await fixture.bus.subscribe()
        let id = try await service.start(CritiqueRequest(task: try Self.task("elevators", "p03")))
        let clock = ContinuousClock()
        var cancelledAt: ContinuousClock.Instant?
        var finished: CritiqueResult?
        for await event in subscription.events where event.sessionId == id {
            if case .iterationStarted = event.payload, cancelledAt == nil {
                try await Task.sleep(for: .milliseconds(300))  // well inside the round
                cancelledAt = clock.now
                await service.cancel(id)
            }
            if case .sessionFinished(let result) = event.payload { finished = result; break }
        }
        let latency = clock.now - (try #require(cancelledAt))
        #expect(latency < .milliseconds(200), "stopped after \(latency)")
        let result = try #require(finished)
        #expect(result.reason == .cancelled)
        #expect(result.plan?.isValid == true)
        #expect(try await fixture.store.planningSessions.session(id, userId: fixture.userId).status == .cancelled)
    }

    @Test("an interrupted session resumes from its last saved round as a new session")
    func resumesInterruptedSession() async throws {
        let fixture = try await Fixture()
        let sessions = fixture.store.planningSessions
        // A session that died after saving round 0 (a wasteful plan) and round 1.
        let dead = try await sessions.create(userId: fixture.userId, domainId: nil, maxIterations: 5, config: "{}")
        _ = try await sessions.update(dead.id!, userId: fixture.userId, to: .running, finalPlan: nil, failureReason: nil)
        let wasteful = ["(pick-up a)", "(put-down a)", "(pick-up a)", "(put-down a)", "(pick-up a)", "(stack a b)"]
        for n in 0...1 {
            let plan = try SessionRecords.json(SessionRecords.PlanColumn(steps: wasteful, cost: 6))
            _ = try await sessions.appendIteration(IterationDraft(iterationNum: n, planVersion: plan), to: dead.id!, userId: fixture.userId)
        }
        #expect(try await sessions.markInterruptedSessions() == 1)
        let task = try TestBlocks.task()
        let service = fixture.service()
        let subscription = await fixture.bus.subscribe()
        let id = try await service.resume(dead.id!, with: CritiqueRequest(task: task))
        let events = await Self.collect(subscription, session: id)
        guard case .sessionFinished(let result) = events.last else { Issue.record("no sessionFinished"); return }
        #expect(result.initialSource == .resumed(fromIteration: 1))
        #expect(result.initialCost == 6)
        #expect(result.plan?.cost == 2)
        let iterations = try await sessions.iterations(of: id, userId: fixture.userId)
        #expect(iterations.first?.iterationNum == 2)
        let session = try await sessions.session(id, userId: fixture.userId)
        #expect(session.config.contains("\"resumed_from\":\(dead.id!)"))
        #expect(session.status == .completed)
    }

    @Test("resuming a session with no saved round is refused with a clear error")
    func resumeWithoutRounds() async throws {
        let fixture = try await Fixture()
        let empty = try await fixture.store.planningSessions.create(userId: fixture.userId, domainId: nil, maxIterations: 1, config: "{}")
        await #expect(throws: CritiqueServiceError.self) {
            _ = try await fixture.service().resume(empty.id!, with: CritiqueRequest(task: try TestBlocks.task()))
        }
    }

    @Test("a session with no plan ends failed with the reason saved")
    func unsolvableSessionFails() async throws {
        let fixture = try await Fixture()
        let service = fixture.service()
        let subscription = await fixture.bus.subscribe()
        let task = try TestBlocks.task(goal: "(and (on a b) (on b a))")
        let id = try await service.start(CritiqueRequest(task: task))
        _ = await Self.collect(subscription, session: id)
        let session = try await fixture.store.planningSessions.session(id, userId: fixture.userId)
        #expect(session.status == .failed)
        #expect(session.failureReason?.contains("no plan") == true)
    }
}

/// Two-block world for resume tests.
enum TestBlocks {
    static func task(goal: String = "(on a b)") throws -> CritiqueTask {
        let domain = """
            (define (domain blocks) (:requirements :strips)
              (:predicates (on ?x ?y) (ontable ?x) (clear ?x) (handempty) (holding ?x))
              (:action pick-up :parameters (?x) :precondition (and (clear ?x) (ontable ?x) (handempty))
                :effect (and (not (ontable ?x)) (not (clear ?x)) (not (handempty)) (holding ?x)))
              (:action put-down :parameters (?x) :precondition (holding ?x)
                :effect (and (not (holding ?x)) (clear ?x) (handempty) (ontable ?x)))
              (:action stack :parameters (?x ?y) :precondition (and (holding ?x) (clear ?y))
                :effect (and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty) (on ?x ?y))))
            """
        let problem = "(define (problem two) (:domain blocks) (:objects a b) (:init (clear a) (clear b) (ontable a) (ontable b) (handempty)) (:goal \(goal)))"
        let report = ValidationReport.validate(domain: SourceText(name: "d.pddl", bytes: Array(domain.utf8)),
                                               problem: SourceText(name: "p.pddl", bytes: Array(problem.utf8)))
        return try CritiqueTask(domain: report.domain!, problem: report.problem!)
    }
}

@Suite("Critique session rules")
struct CritiqueSessionRulesTests {
    static func round(_ iteration: Int, critical: Bool = false, applied: Bool = false) -> CritiqueRound {
        let items = critical ? [FeedbackItem(id: "\(iteration).x", author: .safety, severity: .critical, message: "m")] : []
        return CritiqueRound.restored(iteration: iteration, items: items, scores: [], applied: applied ? ["\(iteration).x"] : [],
                                      plan: ["(a)"], cost: 1, quality: 1, validation: ValidationSummary(valid: true, cost: 1),
                                      seconds: 0)
    }

    static func history(_ rounds: [CritiqueRound], own: Int, max: Int, status: SessionStatus = .completed) -> SessionHistory {
        SessionHistory(summary: SessionSummary(id: 1, domainId: 1, status: status, maxIterations: max),
                       configuration: .default, chain: [1], rounds: rounds, ownRounds: own)
    }

    @Test("a completed session's reason is re-derived from its stored rounds by the orchestrator's rule")
    func inferredReason() {
        #expect(CritiqueSessionRules.inferredReason(Self.history([Self.round(0), Self.round(1)], own: 1, max: 5)) == .noCriticalFeedback)
        #expect(CritiqueSessionRules.inferredReason(Self.history([Self.round(1, critical: true)], own: 1, max: 5)) == .noImprovement)
        #expect(CritiqueSessionRules.inferredReason(Self.history([Self.round(1, critical: true, applied: true)], own: 1, max: 1))
                == .maxIterations)
        #expect(CritiqueSessionRules.inferredReason(Self.history([Self.round(1)], own: 1, max: 5, status: .cancelled)) == .cancelled)
        #expect(CritiqueSessionRules.inferredReason(Self.history([Self.round(0)], own: 0, max: 5)) == nil)
    }
}
