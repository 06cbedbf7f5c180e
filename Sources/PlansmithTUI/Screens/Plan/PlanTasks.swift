import Critique
import Foundation
import LLM
import PDDL
import PlansmithCore
import Store

/// What opening a session (stored, or a new run just started) hands to `update`.
public struct PlanOpening: Sendable {
    public var sessionId: Int64
    public var status: PlanningStatus
    public var failureReason: String?
    public var domainId: Int64?
    public var domainName: String
    public var configuration: CritiqueConfiguration
    public var board: PlanBoard
    /// The parsed task (nil when the domain is gone or no longer parses: no resume, no timeline).
    var task: CritiqueTask?
    /// The PDDL the task was built from (LLM prompts need it).
    var text = PlanSourceText(domain: "", problem: "")
    var resumeProblem: String?
    var service: CritiqueService
    /// Set while the session runs in this process.
    var feed: Feed<BusEvent>?
}

/// A session started by resume: the board keeps the rounds it continues.
public struct PlanLaunch: Sendable {
    public var sessionId: Int64
    public var configuration: CritiqueConfiguration
    var feed: Feed<BusEvent>
}

/// A domain's PDDL text as a session runs on it.
struct PlanSourceText: Sendable, Equatable {
    var domain: String
    var problem: String
}

/// The work behind the screen's commands; every function runs inside a `.task`, off the main actor,
/// and turns failures into messages (never throws to the runner).
enum PlanTasks {
    struct RunSpec: Sendable {
        var domainId: Int64
        var configuration: CritiqueConfiguration
        var llm: Bool
    }

    /// Subscribes before anything is started, so no event of the session can be missed.
    static func subscribe(_ bus: EventBus) async -> Feed<BusEvent> {
        let subscription = await bus.subscribe(bufferLimit: 4096)
        return Feed(subscription.events, onFinish: { Task { await bus.unsubscribe(subscription) } })
    }

    /// Parses and grounds a domain's text on its own thread (grounding can take seconds).
    static func buildTask(domain: String, problem: String) async -> Result<CritiqueTask, PlanTaskError> {
        await abandonable { () -> Result<CritiqueTask, PlanTaskError> in
            let report = ValidationReport.validate(domain: SourceText(name: "domain.pddl", text: domain),
                                                   problem: SourceText(name: "problem.pddl", text: problem))
            guard let d = report.domain, let p = report.problem, !report.hasErrors else {
                let first = report.diagnostics.first(where: \.isError).map { "\($0)" } ?? "the PDDL does not parse"
                return .failure(PlanTaskError("the domain has errors: \(first)"))
            }
            do { return .success(try CritiqueTask(domain: d, problem: p)) } catch {
                return .failure(PlanTaskError("the task cannot be grounded: \(error)"))
            }
        } ?? .failure(PlanTaskError("cancelled"))
    }

    /// Starts a critique on the domain's current text.
    static func newRun(_ spec: RunSpec, app: AppContext, userId: Int64) async -> PlanScreen.Msg {
        do {
            let domain = try await app.store.domains.domain(id: spec.domainId, readableBy: userId)
            guard let problemText = domain.problemPddl, !problemText.isEmpty else {
                return .openFailed("\(domain.name) has no problem yet: add one in the Domain screen, then run critique")
            }
            let task = try await buildTask(domain: domain.domainPddl, problem: problemText).get()
            let text = PlanSourceText(domain: domain.domainPddl, problem: problemText)
            let request = try makeRequest(task: task, configuration: spec.configuration, domainId: domain.id, text: text,
                                          llm: spec.llm, app: app, userId: userId)
            let service = app.critiqueService(for: userId)
            let feed = await subscribe(app.bus)
            let id: Int64
            do { id = try await service.start(request) } catch { feed.close(); throw error }
            return .opened(PlanOpening(sessionId: id, status: .running, domainId: domain.id, domainName: domain.name,
                                       configuration: request.configuration, board: PlanBoard(), task: task, text: text,
                                       service: service, feed: feed))
        } catch {
            return .openFailed("Could not start the critique: \(describe(error))")
        }
    }

    /// A request on the sound critics, or in LLM mode (`useLLM`: the model proposes the first plan,
    /// plays a critic in each role and revises the plan; the validator vetoes every plan).
    static func makeRequest(task: CritiqueTask, configuration: CritiqueConfiguration, domainId: Int64?, text: PlanSourceText,
                            llm: Bool, app: AppContext, userId: Int64) throws -> CritiqueRequest {
        var request = CritiqueRequest(task: task, configuration: configuration, domainId: domainId,
                                      domainText: text.domain, problemText: text.problem)
        guard llm else { return request }
        guard app.hasUsableProvider, let router = app.router(for: userId) else {
            throw PlanTaskError("no language-model provider is configured (see Settings)")
        }
        request.useLLM(RoutedChatModel(router: router, session: "critique"), domainText: text.domain, problemText: text.problem)
        return request
    }

    /// True when a session's weights name critics beyond the sound three (it ran in LLM mode).
    static func usedLLM(_ configuration: CritiqueConfiguration) -> Bool {
        let sound: Set<String> = [CriticName.completeness.rawValue, CriticName.efficiency.rawValue, CriticName.safety.rawValue]
        return configuration.weights.keys.contains { !sound.contains($0) }
    }

    /// Continues an interrupted, failed or cancelled session as a new session, in the mode it ran in
    /// (an LLM-mode session resumes with the user's base weights split again for the LLM critics).
    static func resume(_ sessionId: Int64, task: CritiqueTask, configuration: CritiqueConfiguration, base: CritiqueConfiguration,
                       domainId: Int64?, text: PlanSourceText, app: AppContext, userId: Int64) async -> PlanScreen.Msg {
        let service = app.critiqueService(for: userId)
        let llm = usedLLM(configuration)
        var plain = base
        plain.maxIterations = configuration.maxIterations
        let request: CritiqueRequest
        do {
            request = try makeRequest(task: task, configuration: llm ? plain : configuration, domainId: domainId, text: text,
                                      llm: llm, app: app, userId: userId)
        } catch {
            return .actionFailed("Could not resume session \(sessionId) (it used LLM critics): \(describe(error))")
        }
        let feed = await subscribe(app.bus)
        do {
            let id = try await service.resume(sessionId, with: request)
            return .started(PlanLaunch(sessionId: id, configuration: request.configuration, feed: feed))
        } catch {
            feed.close()
            return .actionFailed("Could not resume session \(sessionId): \(describe(error))")
        }
    }

    /// The session row again (its final status once the service has written it).
    static func reloadRow(_ sessionId: Int64, app: AppContext, userId: Int64) async -> PlanScreen.Msg? {
        do { return .sessionRow(try await app.store.planningSessions.session(sessionId, userId: userId)) } catch {
            return .actionFailed("Could not reload session \(sessionId): \(describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PlanTaskError { return error.message }
        return "\(error)"
    }
}

struct PlanTaskError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
