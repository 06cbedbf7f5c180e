import Critique
import Foundation
import PDDL
import Planner
import Store

/// What to critique and how.
public struct CritiqueStart: Sendable {
    public enum Source: Sendable {
        /// A stored domain's current texts.
        case domain(Int64)
        /// PDDL texts (the command line's files); `name` labels the session.
        case texts(domain: String, problem: String)
    }

    /// LLM mode: the model proposes the first plan, joins each critic role and revises the plan.
    public struct LanguageModelUse: Sendable {
        public var provider: String?
        /// Bounds each critic or reviser call.
        public var timeout: Duration

        public init(provider: String? = nil, timeout: Duration = .seconds(90)) {
            self.provider = provider
            self.timeout = timeout
        }
    }

    public var source: Source
    public var configuration: CritiqueConfiguration
    public var llm: LanguageModelUse?

    public init(source: Source, configuration: CritiqueConfiguration = .default, llm: LanguageModelUse? = nil) {
        self.source = source
        self.configuration = configuration
        self.llm = llm
    }
}

/// A session just started (or resumed): its id, the configuration it runs with (LLM mode splits
/// the weights) and the task it plans on.
public struct CritiqueLaunch: Sendable {
    public var sessionId: Int64
    public var configuration: CritiqueConfiguration
    public var task: CritiqueTask
    public var domainName: String
}

/// A stored session with every round it shows: its own and those of the sessions it resumed.
public struct SessionHistory: Sendable {
    public var summary: SessionSummary
    public var configuration: CritiqueConfiguration
    /// The session ids of the resume chain, oldest first; the last is this session.
    public var chain: [Int64]
    /// Rounds of the whole chain in order; iteration 0 is the initial plan.
    public var rounds: [CritiqueRound]
    /// Rounds this session itself ran (iteration 0 not counted).
    public var ownRounds: Int
    /// The domain's PDDL when it can be read (resume and the timeline need it).
    public var domainText: String?
    public var problemText: String?
    /// Why the session cannot be resumed, when it cannot.
    public var resumeProblem: String?
    /// True when this session ran with LLM critics.
    public var usedLLM: Bool { CritiqueSessionRules.usedLLM(configuration) }
}

/// Critique sessions: start, watch (on `bus`), cancel, resume, and read back. Every function is
/// scoped to one user: another user's session is "not found".
public protocol CritiqueSessions: Sendable {
    /// Every event of every session, tagged with its session id. Subscribe before starting, or
    /// early events can be missed.
    var bus: EventBus { get }
    func start(_ start: CritiqueStart, userId: Int64) async throws -> CritiqueLaunch
    /// Continues an interrupted, failed or cancelled session from its last saved round, as a new
    /// session in the mode it ran in (`base`: the user's weights, split again for LLM critics).
    func resume(_ sessionId: Int64, base: CritiqueConfiguration, userId: Int64) async throws -> CritiqueLaunch
    /// Asks a running session to stop; it ends as cancelled with its last valid plan.
    func cancel(_ sessionId: Int64, userId: Int64) async
    /// Waits for a session started in this process; nil if it was not.
    func result(of sessionId: Int64, userId: Int64) async -> CritiqueResult?
    func summary(_ sessionId: Int64, userId: Int64) async throws -> SessionSummary
    func history(_ sessionId: Int64, userId: Int64) async throws -> SessionHistory
    /// The user's sessions, newest first.
    func list(userId: Int64, domainId: Int64?, limit: Int) async throws -> [SessionSummary]
    /// Marks sessions left running by a process that died as interrupted (resumable); returns how many.
    func markInterrupted() async throws -> Int
}

/// Rules about sessions that do not depend on where they are stored.
public enum CritiqueSessionRules {
    /// How many resumed-from links are followed back (a chain of resumes shows all its rounds).
    public static let resumeChainLimit = 20

    /// True when a configuration's weights name critics beyond the sound three (LLM mode).
    public static func usedLLM(_ configuration: CritiqueConfiguration) -> Bool {
        let sound: Set<String> = [CriticName.completeness.rawValue, CriticName.efficiency.rawValue, CriticName.safety.rawValue]
        return configuration.weights.keys.contains { !sound.contains($0) }
    }

    /// Why a completed session stopped, re-derived from its stored rounds by the orchestrator's own
    /// rule (the reason itself is not a column): no change → no (critical) feedback left, the round
    /// limit reached, else too small an improvement.
    public static func inferredReason(_ history: SessionHistory) -> ConvergenceReason? {
        switch history.summary.status {
        case .cancelled: return .cancelled
        case .failed: return .failed
        case .completed: break
        default: return nil
        }
        guard let last = history.rounds.last, last.iteration > 0 else { return nil }
        if last.applied.isEmpty {
            return last.items.contains { $0.severity == .critical } ? .noImprovement : .noCriticalFeedback
        }
        return history.ownRounds >= history.summary.maxIterations ? .maxIterations : .noImprovement
    }
}
