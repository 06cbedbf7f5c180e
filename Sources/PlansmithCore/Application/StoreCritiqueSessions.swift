import Critique
import Foundation
import Store
import Synchronization

/// Critique sessions stored in the Store, run in this process by one `CritiqueService` per user (so
/// a running session survives a screen being closed and opened again).
public final class StoreCritiqueSessions: CritiqueSessions {
    public let bus: EventBus
    private let store: Store
    private let planning: any PlanningService
    private let models: LanguageModels?
    private let services = Mutex<[Int64: CritiqueService]>([:])

    public init(store: Store, bus: EventBus, planning: any PlanningService = LocalPlanning(), models: LanguageModels?) {
        self.store = store
        self.bus = bus
        self.planning = planning
        self.models = models
    }

    private func service(for userId: Int64) -> CritiqueService {
        services.withLock { map in
            if let service = map[userId] { return service }
            let service = CritiqueService(bus: bus, sessions: store.planningSessions, userId: userId)
            map[userId] = service
            return service
        }
    }

    public func start(_ start: CritiqueStart, userId: Int64) async throws -> CritiqueLaunch {
        let (domainId, name, domainText, problemText) = try await texts(of: start.source, userId: userId)
        let task = try await planning.critiqueTask(domain: domainText, problem: problemText).get()
        let request = try request(task: task, configuration: start.configuration, domainId: domainId, domainText: domainText,
                                  problemText: problemText, llm: start.llm, userId: userId)
        let id = try await appErrors { try await service(for: userId).start(request) }
        return CritiqueLaunch(sessionId: id, configuration: request.configuration, task: task, domainName: name)
    }

    public func resume(_ sessionId: Int64, base: CritiqueConfiguration, userId: Int64) async throws -> CritiqueLaunch {
        let history = try await history(sessionId, userId: userId)
        if let problem = history.resumeProblem { throw AppError(.conflict, "session \(sessionId) cannot be resumed: \(problem)") }
        guard let domainId = history.summary.domainId, let domainText = history.domainText, let problemText = history.problemText else {
            throw AppError(.conflict, "session \(sessionId) has no domain to plan on")
        }
        let task = try await planning.critiqueTask(domain: domainText, problem: problemText).get()
        // An LLM-mode session resumes with the user's base weights, split again for the LLM critics.
        var configuration = history.configuration
        var llm: CritiqueStart.LanguageModelUse?
        if history.usedLLM {
            configuration = base
            configuration.maxIterations = history.configuration.maxIterations
            llm = CritiqueStart.LanguageModelUse()
        }
        let request = try request(task: task, configuration: configuration, domainId: domainId, domainText: domainText,
                                  problemText: problemText, llm: llm, userId: userId)
        let id = try await appErrors { try await service(for: userId).resume(sessionId, with: request) }
        return CritiqueLaunch(sessionId: id, configuration: request.configuration, task: task,
                              domainName: history.summary.domainName ?? "domain \(domainId)")
    }

    public func cancel(_ sessionId: Int64, userId: Int64) async {
        await service(for: userId).cancel(sessionId)
    }

    public func result(of sessionId: Int64, userId: Int64) async -> CritiqueResult? {
        await service(for: userId).result(of: sessionId)
    }

    public func summary(_ sessionId: Int64, userId: Int64) async throws -> SessionSummary {
        try await appErrors {
            let row = try await store.planningSessions.session(sessionId, userId: userId)
            return await summary(of: row, userId: userId, names: [:])
        }
    }

    public func history(_ sessionId: Int64, userId: Int64) async throws -> SessionHistory {
        try await appErrors {
            let sessions = store.planningSessions
            let row = try await sessions.session(sessionId, userId: userId)
            var chain = [row]
            while chain.count < CritiqueSessionRules.resumeChainLimit,
                  let earlier = SessionRecords.config(from: chain[0].config).resumedFrom,
                  let previous = try? await sessions.session(earlier, userId: userId) {
                chain.insert(previous, at: 0)
            }
            var rounds: [CritiqueRound] = []
            var ownRounds = 0
            for session in chain {
                let stored = try await sessions.iterations(of: session.id ?? 0, userId: userId)
                    .sorted { $0.iterationNum < $1.iterationNum }
                // A resumed session's rounds continue the earlier one's numbering; its iteration 0 (if any) is not repeated.
                for iteration in stored where !(iteration.iterationNum == 0 && !rounds.isEmpty) {
                    rounds.append(try SessionRecords.round(from: iteration))
                }
                if session.id == sessionId { ownRounds = stored.filter { $0.iterationNum > 0 }.count }
            }
            var history = SessionHistory(summary: await summary(of: row, userId: userId, names: [:]),
                                         configuration: SessionRecords.config(from: row.config).configuration ?? .default,
                                         chain: chain.compactMap(\.id), rounds: rounds, ownRounds: ownRounds)
            await attachDomain(to: &history, userId: userId)
            return history
        }
    }

    public func list(userId: Int64, domainId: Int64?, limit: Int) async throws -> [SessionSummary] {
        try await appErrors {
            let rows = try await store.planningSessions.sessions(userId: userId, domainId: domainId, limit: limit)
            let domains = try await store.domains.list(readableBy: userId, workspaceId: nil)
            let names = Dictionary(domains.compactMap { d in d.id.map { ($0, d.name) } }, uniquingKeysWith: { a, _ in a })
            var result: [SessionSummary] = []
            for row in rows { result.append(await summary(of: row, userId: userId, names: names)) }
            return result
        }
    }

    public func markInterrupted() async throws -> Int {
        try await appErrors { try await store.planningSessions.markInterruptedSessions() }
    }

    // MARK: - Pieces

    private func texts(of source: CritiqueStart.Source, userId: Int64) async throws
        -> (domainId: Int64?, name: String, domain: String, problem: String) {
        switch source {
        case .texts(let domain, let problem):
            return (nil, "(files)", domain, problem)
        case .domain(let id):
            let domain = try await appErrors { try await store.domains.domain(id: id, readableBy: userId) }
            guard let problem = domain.problemPddl, !problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw AppError(.invalidInput, "\(domain.name) has no problem yet: add one in the Domain screen, then run critique")
            }
            return (id, domain.name, domain.domainPddl, problem)
        }
    }

    private func request(task: CritiqueTask, configuration: CritiqueConfiguration, domainId: Int64?, domainText: String,
                         problemText: String, llm: CritiqueStart.LanguageModelUse?, userId: Int64) throws -> CritiqueRequest {
        var request = CritiqueRequest(task: task, configuration: configuration, domainId: domainId,
                                      domainText: domainText, problemText: problemText)
        guard let llm else { return request }
        guard let models else { throw AppError(.invalidInput, "no language-model provider is configured") }
        let chat = try models.chat(for: userId, provider: llm.provider, session: "critique")
        request.useLLM(chat, domainText: domainText, problemText: problemText, timeout: llm.timeout)
        return request
    }

    private func summary(of row: PlanningSession, userId: Int64, names: [Int64: String]) async -> SessionSummary {
        var name = row.domainId.flatMap { names[$0] }
        if name == nil, let id = row.domainId, names.isEmpty {
            name = try? await store.domains.domain(id: id, readableBy: userId).name
        }
        return SessionSummary(id: row.id ?? 0, domainId: row.domainId, domainName: name,
                              status: SessionStatus(rawValue: row.status.rawValue) ?? .failed,
                              currentIteration: row.currentIteration, maxIterations: row.maxIterations,
                              startedAt: row.startedAt, finishedAt: row.finishedAt, failureReason: row.failureReason,
                              finalPlan: SessionRecords.finalPlan(from: row.finalPlan))
    }

    /// The session's domain texts, for resuming and for the timeline. A missing or broken domain
    /// still shows the stored rounds, with the reason resume is unavailable.
    private func attachDomain(to history: inout SessionHistory, userId: Int64) async {
        guard let domainId = history.summary.domainId else {
            history.resumeProblem = "the session has no domain to plan on"
            return
        }
        guard let domain = try? await store.domains.domain(id: domainId, readableBy: userId) else {
            history.resumeProblem = "its domain (\(domainId)) cannot be read"
            return
        }
        guard let problem = domain.problemPddl, !problem.isEmpty else {
            history.resumeProblem = "\(domain.name) has no problem"
            return
        }
        history.domainText = domain.domainPddl
        history.problemText = problem
    }
}
