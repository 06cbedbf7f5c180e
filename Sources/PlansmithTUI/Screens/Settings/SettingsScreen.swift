import Foundation
import PlansmithCore
import TerminalUI

/// Settings: providers and models (keys redacted, with the variable each comes from), budget,
/// critic weights, threshold and max iterations, theme (previewed before it is applied), reduce
/// motion, mouse, and the keymap with per-action remapping. Saved as the user's preferences JSON;
/// nothing is saved while any field is invalid.
public enum SettingsScreen: Screen {
    /// A field being typed into.
    public struct Editing: Sendable, Equatable {
        public var field: SettingsField
        public var input: TextInputState
    }

    public struct State: Sendable {
        /// What is stored; `draft` is what the user sees and edits.
        public var saved: Preferences
        public var draft: SettingsDraft
        public var rows: [SettingsRow]
        /// Index into `rows` (always a selectable row).
        public var selected: Int
        public var editing: Editing?
        public var problems: [SettingsField: String] = [:]
        public var catalog = ThemeCatalog.empty
        public var providerNames: [String]
        /// Read-only lines worked out when the screen opened (rows are rebuilt from them).
        var providerLines: [String] = []
        var configLines: [String] = []
        public var loading = true
        public var saving = false
        /// The outcome of the last save attempt, shown on the bottom line.
        public var notice: String?
        public var noticeIsError = false
        /// Esc with unsaved changes asks first: save, discard, or stay.
        public var leavePrompt = false
        var backAfterSave = false
        public var loaded: Bool { !loading }
        public var hasUnsavedChanges: Bool { draft != SettingsDraft(saved) }
        public var selectedRow: SettingsRow? { rows.indices.contains(selected) ? rows[selected] : nil }
    }

    public enum Msg: Sendable {
        case preferencesLoaded(Preferences, ThemeCatalog)
        case loadFailed(String, ThemeCatalog)
        case moved(by: Int)
        case movedToEnd(bottom: Bool)
        case activated
        case cycled(forward: Bool)
        case themeCycled(forward: Bool)
        case editInput(InputEvent), editCommitted, editCancelled
        case saveRequested, saved(Preferences), saveFailed(String)
        case changesDiscarded
        case leaveAsked, leaveAnswered(Character)
    }

    public static func start(env: ScreenEnvironment) -> (State, Command<Msg>) {
        let prefs = env.session?.preferences ?? Preferences()
        let draft = SettingsDraft(prefs)
        let providers = providerLines(env.app, unicode: env.look.theme.unicode), config = configLines(env.app)
        let rows = SettingsRow.all(providerLines: providers, configLines: config, draft: draft)
        var state = State(saved: prefs, draft: draft, rows: rows, selected: rows.firstIndex(where: \.isSelectable) ?? 0,
                          providerNames: env.app.providers.map(\.name))
        state.providerLines = providers
        state.configLines = config
        let app = env.app, userId = env.session?.userId, unicode = env.look.theme.unicode
        return (state, .task {
            let catalog = ThemeCatalog.load(configPath: app.configPath, environment: app.environment, unicode: unicode)
            guard let userId else { return .loadFailed("Sign in to change settings.", catalog) }
            do {
                let account = try await app.services.accounts.account(userId)
                return .preferencesLoaded(PreferencesCodec.decode(account.preferences), catalog)
            } catch {
                return .loadFailed("Could not read your settings: \(error)", catalog)
            }
        })
    }

    /// Provider, kind and URL; the key only in redacted form, with the variable it comes from.
    static func providerLines(_ app: AppContext, unicode: Bool) -> [String] {
        if let problem = app.llmProblem {
            return ["\(unicode ? "✗" : "[X]") provider configuration could not be read: \(problem)"]
        }
        let providers = app.providers
        guard !providers.isEmpty else { return ["no providers configured"] }
        return providers.flatMap { p -> [String] in
            let key: String
            if let redacted = p.redactedKey {
                key = "key \(redacted)" + (p.keyVariable.map { " from $\($0)" } ?? "")
            } else if !p.requiresKey {
                key = "no key needed (local server)"
            } else {
                key = "no key" + (p.keyVariable.map { ": set $\($0)" } ?? "")
            }
            let models = p.models.isEmpty ? "no models listed" : "models: " + p.models.joined(separator: ", ")
            let mark = p.isUsable ? (unicode ? "● usable" : "[ok] usable") : (unicode ? "○ no key" : "[--] no key")
            return ["\(p.name) (\(p.kind)) \(mark) · \(p.baseURL)", "    \(key)", "    \(models)"]
        }
    }

    static func configLines(_ app: AppContext) -> [String] {
        let budget = app.services.models?.sessionBudgetUSD.map { String(format: "$%.2f per critique session", $0) } ?? "unlimited"
        return ["config file: \(app.configPath)", "session budget: \(budget) (config.toml [llm] session_budget_usd)",
                "providers and budget are read-only here: edit the config file, then restart"]
    }

    public static func isTyping(_ state: State) -> Bool { state.editing != nil }

    public static func runningWork(_ state: State) -> String? { state.saving ? "saving settings" : nil }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        if state.leavePrompt { return [("esc", "stay"), ("s", "save and go back"), ("d", "discard and go back")] }
        if state.editing != nil { return [("esc", "cancel edit"), ("enter", "done"), ("ctrl-s", "save")] }
        var hints: [(key: String, label: String)] = [("esc", state.hasUnsavedChanges ? "back (asks first)" : "back"), ("↑↓", "select")]
        switch state.selectedRow {
        case .theme?: hints.append(("← →", "preview theme"))
        case .reduceMotion?, .mouse?: hints.append(("space", "toggle"))
        case .preferredProvider?: hints.append(("← →", "choose"))
        default: hints.append(("enter", "edit"))
        }
        hints.append(("s", "save"))
        if state.hasUnsavedChanges { hints.append(("u", "undo changes")) }
        return hints
    }

    public static func actions(_ state: State) -> [ScreenAction<Msg>] {
        [ScreenAction("settings: save", key: "s", .saveRequested),
         ScreenAction("settings: discard unsaved changes", key: "u", .changesDiscarded),
         ScreenAction("settings: next theme (preview)", key: "→", .themeCycled(forward: true))]
    }
}
