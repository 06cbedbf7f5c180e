import Critique
import PlansmithCore
import TerminalUI

/// The live critique scoreboard of one planning session: each round's feedback items × every
/// critic's vote × weighted score, the score sparkline, the plan with its diff against the previous
/// round, the plan's parallel layers, status and convergence reason; cancel, resume, rerun, export.
///
/// Rounds arrive as bus events through a `Feed`; a stored session is read from SQLite (and still
/// followed live when it is running in this process).
public enum PlanScreen: Screen {
    public enum Pane: Int, Sendable, CaseIterable {
        case scoreboard, plan, timeline
        var title: String {
            switch self {
            case .scoreboard: "Scoreboard"
            case .plan: "Plan"
            case .timeline: "Timeline"
            }
        }
    }

    public enum ExportFormat: String, Sendable { case markdown, json }

    public struct State: Sendable {
        public var target: PlanTarget
        /// False until the session (or the new run) is open.
        public var loaded = false
        /// Why the screen could not open its session (shown instead of the scoreboard).
        public var openError: String?
        public var sessionId: Int64?
        public var status: SessionStatus = .pending
        /// Cancel was asked for; the session has not reported its end yet.
        public var cancelling = false
        /// The app is starting or resuming a session (before its id is known).
        public var starting = false
        public var domainId: Int64?
        public var domainName = ""
        public var configuration: CritiqueConfiguration
        public var board = PlanBoard()
        /// While paused (Space) the panes show this copy; events still update `board`.
        public var frozen: PlanBoard?
        public var diff: [PlanDiffLine] = []
        /// Parallel layers (0-based step indices) of `layersPlan`, from the planner's plan analysis.
        public var layers: [[Int]]?
        public var layersPlan: [String] = []
        public var table = TableState(rows: [])
        /// Item id of each row of `table.rows` (same order).
        public var rowIds: [String] = []
        public var filter = ""
        public var filtering = false
        /// The item whose details are open (Enter).
        public var detail: String?
        public var focus: Pane = .scoreboard
        public var planScroll = 0
        public var timelineScroll = 0
        /// Why resume is not possible for this session (nil: possible when the status allows it).
        public var resumeProblem: String?
        /// Inline note about the last failed action (also sent as a toast).
        public var notice: String?
        /// Items whose edit has been checked by the validator.
        var checkedItems: Set<String> = []
        var task: CritiqueTask?
        /// The user's critique preferences (weights before any LLM split), for reruns and resumes.
        var baseConfiguration: CritiqueConfiguration
        /// A language-model provider is configured (the LLM rerun is offered).
        var llmAvailable = false
        /// The user's critique service (kept so `leave`, which gets no environment, can cancel).
        var service: SessionControl?
        var feed: Feed<BusEvent>?
        var feedId = 0
        var analysisGeneration = 0
        var analysing = false
        var initialRequested = false

        init(target: PlanTarget, configuration: CritiqueConfiguration) {
            self.target = target
            self.configuration = configuration
            baseConfiguration = configuration
        }

        /// The board the panes draw: the frozen copy while paused.
        public var shown: PlanBoard { frozen ?? board }
        public var paused: Bool { frozen != nil }
        public var isRunning: Bool { starting || status == .running || status == .pending && sessionId != nil }
        public var canResume: Bool {
            guard !isRunning, sessionId != nil, resumeProblem == nil, task != nil else { return false }
            // Something must have been saved to continue from: the initial plan (iteration 0) or a round.
            return [.interrupted, .failed, .cancelled].contains(status)
                && (!board.initialPlan.isEmpty || board.rounds.contains(where: \.finished))
        }
    }

    public enum Msg: Sendable {
        case opened(PlanOpening)
        case openFailed(String)
        case started(PlanLaunch)
        case actionFailed(String)
        case received(BusEvent?, feed: Int)
        case sessionRow(SessionSummary)
        /// The stored initial round (iteration 0: the first plan's quality and verdict, which no event carries).
        case initialRound(CritiqueRound)
        case analysed(generation: Int, PlanAnalysisResult)
        case exported([String])
        // Input.
        case tableKey(Key)
        case scroll(Int)
        case nextPane(forward: Bool)
        case openDetail
        case closeDetail
        case togglePause
        case startFilter
        case filterKey(Key)
        case clearFilter
        case cancel
        case resume
        case rerun(llm: Bool)
        case export(ExportFormat)
    }

    public static func start(target: PlanTarget, env: ScreenEnvironment) -> (State, Command<Msg>) {
        var state = State(target: target, configuration: env.session?.preferences.critique ?? .default)
        state.llmAvailable = env.app.hasUsableProvider
        guard let session = env.session else {
            state.openError = "Sign in to see planning sessions."
            state.loaded = true
            return (state, .none)
        }
        switch target {
        case .session(let id):
            state.sessionId = id
            return (state, .task { await PlanTasks.open(sessionId: id, app: env.app, userId: session.userId) })
        case .newRun(let domainId):
            state.domainId = domainId
            state.starting = true
            let request = PlanTasks.RunSpec(domainId: domainId, configuration: state.configuration, llm: false)
            return (state, .task { await PlanTasks.newRun(request, app: env.app, userId: session.userId) })
        }
    }

    public static func runningWork(_ state: State) -> String? {
        guard state.isRunning else { return nil }
        if state.starting { return "critique starting" }
        let round = max(state.board.latestIteration, 1)
        return "critique round \(round)/\(state.configuration.maxIterations)"
    }

    /// Leaving the screen for good (popped, quit, sign-out) stops its running session, so the
    /// store ends consistent (cancelled) instead of being marked interrupted on the next start.
    public static func leave(_ state: State) {
        state.feed?.close()
        guard state.isRunning, let id = state.sessionId, let service = state.service else { return }
        Task { await service.cancel(id) }
    }
}
