import Critique
import Foundation
import PlansmithCore
@testable import PlansmithTUI
import PlansmithTestSupport
import Store

/// Shared set-up for the Plan screen tests: corpus domains imported into the test user's workspace.
enum PlanFixtures {
    /// The IPC corpus: `PLANSMITH_CORPUS`, the test-support default, or found from this file's real
    /// path (the dev package reaches the sources through symlinks).
    static var corpus: String {
        if FileManager.default.fileExists(atPath: Corpus.directory + "/gripper/domain.pddl") { return Corpus.directory }
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path + "/../shared/corpus"
    }

    /// Imports `<domain>/domain.pddl` with `<domain>/<problem>.pddl` as a domain of the test user.
    /// The Plan screen starting a new critique run on `domainId`, as the shell opens it.
    @MainActor
    static func newRun(_ domainId: Int64, env: ScreenEnvironment) -> ScreenDriver<PlanScreen> {
        let (state, command) = PlanScreen.start(target: .newRun(domainId: domainId), env: env)
        return ScreenDriver(PlanScreen.self, state: state, command: command, env: env)
    }

    static func importDomain(_ app: TestApp, _ domain: String, _ problem: String) async throws -> Int64 {
        let folder = corpus + "/" + domain
        let imported = try await app.store.domains.importFiles(
            domainPath: folder + "/domain.pddl", problemPath: folder + "/\(problem).pddl", name: "\(domain)-\(problem)",
            into: app.session.workspace.id, by: app.session.userId)
        return imported.id!
    }

    /// A session that ran `rounds` round(s) and then "crashed": left running in SQLite, then marked
    /// interrupted the way the app does at start-up.
    static func interruptedSession(_ app: TestApp, domainId: Int64, rounds: Int) async throws -> Int64 {
        let store = app.store
        let domain = try await store.domains.domain(id: domainId, readableBy: app.session.userId)
        let task = try LocalPlanning.critiqueTaskNow(domain: domain.domainPddl, problem: domain.problemPddl!).get()
        var configuration = CritiqueConfiguration.default
        configuration.maxIterations = rounds
        let session = try await store.planningSessions.create(userId: app.session.userId, domainId: domainId,
                                                              maxIterations: 5, config: "{}")
        _ = try await store.planningSessions.update(session.id!, userId: app.session.userId, to: .running,
                                                   finalPlan: nil, failureReason: nil)
        let recorder = StoreCritiqueRecorder(sessions: store.planningSessions, sessionId: session.id!, userId: app.session.userId)
        _ = await CritiqueOrchestrator(task: task, configuration: configuration, recorder: recorder).run()
        _ = try await store.planningSessions.markInterruptedSessions()
        return session.id!
    }
}

extension PlanFixtures {
    /// A finished round as the orchestrator reports it (its memberwise init is internal to Critique,
    /// so it is decoded from its own Codable form).
    static func round(_ iteration: Int, items: [FeedbackItem], scores: [ItemScore], applied: [String], plan: [String],
                      cost: Int, valid: Bool) throws -> CritiqueRound {
        struct Validation: Encodable { var valid: Bool; var cost: Int; var unsatisfied: [String] = []; var unmetGoals: [String] = [] }
        struct Round: Encodable {
            var iteration: Int, items: [FeedbackItem], scores: [ItemScore], applied: [String], plan: [String], cost: Int
            var quality = 1.0, validation: Validation, seconds = 0.1, agreedWithInvalid: [String: Int] = [:]
            var criticFailures: [String] = []
        }
        let data = try JSONEncoder().encode(Round(iteration: iteration, items: items, scores: scores, applied: applied, plan: plan,
                                                  cost: cost, validation: Validation(valid: valid, cost: cost)))
        return try JSONDecoder().decode(CritiqueRound.self, from: data)
    }
}
