import TerminalUI

/// The Domain screen: the user's domains (sidebar), the elicitation chat, the PDDL editor with
/// domain and problem tabs, and the validation panel with planner runs. Opened by
/// `.navigate(.domain(id:))`; see `start`.
public enum DomainScreen: Screen {
    public enum Msg: Sendable {
        case loaded(DomainLoad)
        case loadFailed(String)
        // Panes and focus
        case focusPane(Pane)
        case cyclePane(Int)
        case enterTyping
        case leaveTyping
        // Sidebar
        case sidebarInput(InputEvent)
        case openSelectedDomain
        // Editor and checks
        case editorInput(InputEvent)
        /// The terminal changed size: the editors page by what now shows.
        case resized(Size)
        case openEditorPrompt(EditorPrompt.Kind)
        case editorPromptInput(InputEvent)
        case editorPromptSubmit(forward: Bool)
        case closeEditorPrompt
        case switchTab(PDDLFile?)
        case validateDue(Int)
        case validated(Int, ValidationResult)
        case validateNow
        case jumpDiagnostic(Int)
        case validationMove(Int)
        case jumpToSelectedDiagnostic
        case save
        case saved(Result<SavedTexts, ScreenFailure>)
        case format
        case formatted(PDDLFile, original: String, Result<String, ScreenFailure>)
        // History
        case showHistory
        case historyLoaded(Result<[RevisionRow], ScreenFailure>)
        case historyMove(Int)
        case restoreSelected
        case restored(Result<SavedTexts, ScreenFailure>)
        case closeHistory
        // Chat
        case chatInput(InputEvent)
        case chatEvent(generation: Int, ChatEvent)
        case scrollChat(Int)
        case stopStream
        case newChat
        case exportChat
        case exported(Result<String, ScreenFailure>)
        /// What the store holds after the chat saved generated PDDL (marks matching editors saved).
        case storedTexts(SavedTexts)
        case notice(Toast.Kind, String)
        // Planner and critique
        case runPlanner
        case plannerTick(Int)
        case plannerFinished(Int, PlannerOutcome)
        case cancelPlanner
        case critique
        case critiqueChecked(Result<SavedTexts?, ScreenFailure>)

        case togglePublic
        case publicChanged(Result<Bool, ScreenFailure>)
        case askDelete
        case deleteCounted(Result<Int, ScreenFailure>)
        case answerDelete(Bool)
        case deleted(Result<String, ScreenFailure>)
    }

    /// Opens the domain `domainId` of the signed-in user: loads it, the sidebar and the last
    /// elicitation chat about it (resumed where it stopped).
    public static func start(domainId: Int64, env: ScreenEnvironment) -> (State, Command<Msg>) {
        let state = State(domainId: domainId)
        guard let userId = env.session?.userId else { return (state, .task { .loadFailed("not signed in") }) }
        let app = env.app, provider = env.session?.preferences.preferredProvider
        return (state, .task {
            do { return .loaded(try await DomainLoader.load(domainId: domainId, userId: userId, app: app, preferredProvider: provider)) }
            catch { return .loadFailed(DomainLoader.describe(error)) }
        })
    }

    public static func isTyping(_ state: State) -> Bool { state.isTyping && state.history == nil && state.deletePrompt == nil }

    public static func runningWork(_ state: State) -> String? {
        var work: [String] = []
        if state.hasUnsavedChanges { work.append("unsaved changes in \(state.domainName)") }
        if state.planner.isRunning { work.append("planner run, \(Int(state.planner.elapsed)) s") }
        if state.chat.isWaiting { work.append("LLM reply in the chat") }
        if state.isSaving { work.append("saving \(state.domainName)") }
        return work.isEmpty ? nil : work.joined(separator: "; ")
    }

    public static func leave(_ state: State) {
        state.chat.work?.cancel()
        state.chat.feed?.close()
        state.planner.work?.cancel()
    }

    public static func actions(_ state: State) -> [ScreenAction<Msg>] {
        [
            ScreenAction("save", key: "ctrl-s", .save),
            ScreenAction("format", .format),
            ScreenAction("validate", .validateNow),
            ScreenAction("plan", key: "f5", .runPlanner),
            ScreenAction("critique", .critique),
            ScreenAction("history", key: "h", .showHistory),
            ScreenAction("restore", .showHistory),
            ScreenAction("new chat", key: "ctrl-n", .newChat),
            ScreenAction("export chat", .exportChat),
            ScreenAction("switch domain/problem tab", key: "ctrl-t", .switchTab(nil)),
            ScreenAction("next diagnostic", key: "f8", .jumpDiagnostic(1)),
            ScreenAction("find in the editor", key: "ctrl-f", .openEditorPrompt(.find)),
            ScreenAction("go to line", key: "ctrl-g", .openEditorPrompt(.goToLine)),
            ScreenAction(state.domainIsPublic ? "mark private (unpublish)" : "mark public (publish)", key: "P", .togglePublic),
            ScreenAction("delete domain", key: "D", .askDelete),
        ]
    }
}

extension DomainScreen {
    /// Why a store, file or LLM call failed, as the toast shows it.
    public struct ScreenFailure: Error, Sendable, Equatable {
        public var text: String
        public init(_ text: String) { self.text = text }
    }

    /// What was saved (or restored): the texts the editors hold once it is done.
    public struct SavedTexts: Sendable, Equatable {
        public var domain: String
        public var problem: String
        public var revision: Int?
        /// The record's name and description when they were read back (the chat's save may rename it).
        public var name: String? = nil
        public var description: String? = nil
    }
}
