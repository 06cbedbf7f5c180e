import Critique
import Foundation
import PlansmithCore

/// What opening a session (stored, or a new run just started) hands to `update`.
public struct PlanOpening: Sendable {
    public var sessionId: Int64
    public var status: SessionStatus
    public var failureReason: String?
    public var domainId: Int64?
    public var domainName: String
    public var configuration: CritiqueConfiguration
    public var board: PlanBoard
    /// The parsed task (nil when the domain is gone or no longer parses: no resume, no timeline).
    var task: CritiqueTask?
    var resumeProblem: String?
    var service: SessionControl
    /// Set while the session runs in this process.
    var feed: Feed<BusEvent>?
}

/// A session started by resume: the board keeps the rounds it continues.
public struct PlanLaunch: Sendable {
    public var sessionId: Int64
    public var configuration: CritiqueConfiguration
    var feed: Feed<BusEvent>
}

/// The user's critique sessions, kept in the screen's state so `leave` (which gets no environment)
/// can still cancel a running one.
struct SessionControl: Sendable {
    let sessions: any CritiqueSessions
    let userId: Int64
    /// For the background review of edits and the plan's layers.
    let planning: any PlanningService

    init(_ services: AppServices, userId: Int64) {
        sessions = services.critique
        planning = services.planning
        self.userId = userId
    }

    func cancel(_ sessionId: Int64) async { await sessions.cancel(sessionId, userId: userId) }
}

/// The work behind the screen's commands, through the critique service; every function runs inside
/// a `.task`, off the main actor, and turns failures into messages (never throws to the runner).
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

    /// Starts a critique on the domain's current text.
    static func newRun(_ spec: RunSpec, app: AppContext, userId: Int64) async -> PlanScreen.Msg {
        let sessions = app.services.critique
        let feed = await subscribe(sessions.bus)
        do {
            let start = CritiqueStart(source: .domain(spec.domainId), configuration: spec.configuration,
                                      llm: spec.llm ? CritiqueStart.LanguageModelUse() : nil)
            let launch = try await sessions.start(start, userId: userId)
            return .opened(PlanOpening(sessionId: launch.sessionId, status: .running, domainId: spec.domainId,
                                       domainName: launch.domainName, configuration: launch.configuration, board: PlanBoard(),
                                       task: launch.task, service: SessionControl(app.services, userId: userId), feed: feed))
        } catch {
            feed.close()
            return .openFailed("Could not start the critique: \(describe(error))")
        }
    }

    /// Continues an interrupted, failed or cancelled session as a new session, in the mode it ran in.
    static func resume(_ sessionId: Int64, base: CritiqueConfiguration, app: AppContext, userId: Int64) async -> PlanScreen.Msg {
        let sessions = app.services.critique
        let feed = await subscribe(sessions.bus)
        do {
            let launch = try await sessions.resume(sessionId, base: base, userId: userId)
            return .started(PlanLaunch(sessionId: launch.sessionId, configuration: launch.configuration, feed: feed))
        } catch {
            feed.close()
            return .actionFailed("Could not resume session \(sessionId): \(describe(error))")
        }
    }

    /// The session's summary again (its final status once the service has written it).
    static func reloadRow(_ sessionId: Int64, app: AppContext, userId: Int64) async -> PlanScreen.Msg? {
        do { return .sessionRow(try await app.services.critique.summary(sessionId, userId: userId)) } catch {
            return .actionFailed("Could not reload session \(sessionId): \(describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        AppError.from(error).message
    }
}
