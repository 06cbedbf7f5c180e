import PlansmithCore
import Planner
import TerminalUI

extension DomainScreen {
    /// The four panes, in Tab order.
    public enum Pane: Int, Sendable, CaseIterable {
        case sidebar, chat, editor, validation
        var title: String {
            switch self {
            case .sidebar: "Domains"
            case .chat: "Chat"
            case .editor: "Editor"
            case .validation: "Checks"
            }
        }
    }

    public enum Phase: Sendable, Equatable {
        case loading
        case ready
        case failed(String)
    }

    /// The elicitation chat: transcript, prompt, the stored session, and the reply in flight.
    public struct ChatPane: Sendable {
        public var transcript = ChatViewState()
        public var input = TextInputState()
        /// The stored conversation; nil until the first message of a new one.
        var conversation: Conversation?
        public var sessionId: Int64?
        public var stage: ElicitationStage?
        /// A reply is being produced (streamed tokens arrive through `feed`).
        public var isWaiting = false
        public var isStreaming = false
        /// Bumped on every send and stop, so events of a stopped reply are dropped.
        var generation = 0
        var feed: Feed<ChatEvent>?
        var work: WorkHandle?
    }

    /// The planner run and its last result.
    public struct PlannerPane: Sendable {
        public var isRunning = false
        public var outcome: PlannerOutcome?
        public var elapsed: Double = 0
        public var expanded: Int?
        var generation = 0
        var work: WorkHandle?
        var progress: PlannerProgress?
        var startedAt: ContinuousClock.Instant?
        var spinnerFrame = 0
    }

    /// The revision list popup (history and restore).
    public struct HistoryPopup: Sendable, Equatable {
        public var revisions: [RevisionRow] = []
        public var selected = 0
        public var isLoading = true
    }

    public struct RevisionRow: Sendable, Equatable {
        public var revision: Int
        public var message: String
        public var date: String
    }

    public struct State: Sendable {
        public let domainId: Int64
        public var phase: Phase = .loading
        public var domainName = ""
        var domainDescription = ""
        /// Kept as it is on save (a save writes every field of the record); `P` toggles it.
        public internal(set) var domainIsPublic = false
        public var focus: Pane = .editor
        /// Typing focus in the focused pane (editor, chat prompt, or the sidebar filter).
        public var isTyping = false
        public var sidebar = FilterListState(items: [])
        var sidebarIds: [Int64] = []
        public var tab: PDDLFile = .domain
        public var domainEditor = EditorState()
        public var problemEditor = EditorState()
        public var validation = ValidationResult()
        public var isValidating = false
        /// Edits since the last check (drops results for older texts).
        var editGeneration = 0
        public var validationSelected = 0
        /// F8 has picked a diagnostic (the next F8 moves on from `validationSelected`).
        var diagnosticJumped = false
        public var chat = ChatPane()
        public var planner = PlannerPane()
        public var history: HistoryPopup?
        /// "Delete domain X and its N revisions? y/N", while open.
        public var deletePrompt: DeletePrompt?
        /// Find / go to line, open over the editor's last row.
        public var editorPrompt: EditorPrompt?
        public var isSaving = false
        /// Search settings for "plan" (tests pick a slow one to prove Esc cancels promptly).
        public var searchConfiguration = SearchConfiguration.default

        init(domainId: Int64) { self.domainId = domainId }

        public var hasUnsavedChanges: Bool { domainEditor.isModified || problemEditor.isModified }

        public func editor(_ file: PDDLFile) -> EditorState { file == .domain ? domainEditor : problemEditor }

        mutating func withEditor<T>(_ file: PDDLFile, _ body: (inout EditorState) -> T) -> T {
            file == .domain ? body(&domainEditor) : body(&problemEditor)
        }
    }
}

extension DomainScreen {
    /// What the chat's background work reports, in order, through the chat feed.
    public enum ChatEvent: Sendable {
        /// A new conversation was started for the first message: its opening text comes first.
        case opened(Conversation, sessionId: Int64, opening: String)
        case token(String)
        case reply(ConversationReply)
        case failed(String)
    }
}
