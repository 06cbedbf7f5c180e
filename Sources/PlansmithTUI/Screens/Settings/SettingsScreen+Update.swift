import Foundation
import TerminalUI

extension SettingsScreen {
    /// Esc cancels an edit first; otherwise it is the shell's (back).
    public static func message(for event: InputEvent, in state: State) -> Msg? {
        if state.leavePrompt {
            guard case .key(let key) = event else { return nil }
            switch key {
            case .char("s"): return .leaveAnswered("s")
            case .char("d"): return .leaveAnswered("d")
            case .char("n"), .escape: return .leaveAnswered("n")
            default: return nil
            }
        }
        if state.editing != nil {
            switch event {
            case .key(.escape): return .editCancelled
            case .key(.enter): return .editCommitted
            case .key(.ctrl("s")): return .saveRequested
            case .key, .paste: return .editInput(event)
            default: return nil
            }
        }
        switch event {
        case .key(let key):
            switch key {
            case .up, .char("k"): return .moved(by: -1)
            case .down, .char("j"): return .moved(by: 1)
            case .pageUp: return .moved(by: -10)
            case .pageDown: return .moved(by: 10)
            case .home, .char("g"): return .movedToEnd(bottom: false)
            case .end, .char("G"): return .movedToEnd(bottom: true)
            case .enter, .char(" "): return .activated
            case .left, .char("h"): return .cycled(forward: false)
            case .right, .char("l"): return .cycled(forward: true)
            case .char("s"), .ctrl("s"): return .saveRequested
            case .char("u"): return .changesDiscarded
            case .escape: return state.hasUnsavedChanges ? .leaveAsked : nil
            default: return nil
            }
        case .mouse(let m) where m.kind == .wheelUp: return .moved(by: -1)
        case .mouse(let m) where m.kind == .wheelDown: return .moved(by: 1)
        default: return nil
        }
    }

    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .preferencesLoaded(let prefs, let catalog):
            state.loading = false
            state.catalog = catalog
            // Keep edits made while loading; otherwise show what is stored.
            if !state.hasUnsavedChanges { state.draft = SettingsDraft(prefs) }
            state.saved = prefs
            // Stored preferences may weigh more critics than the session's copy: show a row for each.
            let rows = SettingsRow.all(providerLines: state.providerLines, configLines: state.configLines, draft: state.draft)
            if rows != state.rows {
                let current = state.selectedRow
                state.rows = rows
                state.selected = current.flatMap { rows.firstIndex(of: $0) } ?? rows.firstIndex(where: \.isSelectable) ?? 0
            }
        case .loadFailed(let message, let catalog):
            state.loading = false
            state.catalog = catalog
            state.notice = message
            state.noticeIsError = true
            return .request(.toast(.error, message))
        case .moved(let delta):
            state.selected = step(from: state.selected, by: delta, in: state.rows)
        case .movedToEnd(let bottom):
            let selectable = state.rows.indices.filter { state.rows[$0].isSelectable }
            state.selected = (bottom ? selectable.last : selectable.first) ?? state.selected
        case .activated:
            activate(&state)
        case .cycled(let forward):
            cycle(&state, forward: forward)
        case .themeCycled(let forward):
            cycleTheme(&state, forward: forward)
        case .editInput(let event):
            _ = state.editing?.input.handle(event)
        case .editCommitted:
            commitEdit(&state)
        case .editCancelled:
            state.editing = nil
        case .saveRequested:
            commitEdit(&state)
            return save(&state, env)
        case .saved(let prefs):
            state.saving = false
            state.saved = prefs
            state.draft = SettingsDraft(prefs)
            state.problems = [:]
            state.notice = "Saved."
            state.noticeIsError = false
            let back = state.backAfterSave
            state.backAfterSave = false
            return ScreenStep(requests: [.preferencesChanged(prefs), .toast(.ok, "Settings saved")] + (back ? [.back] : []))
        case .saveFailed(let message):
            state.saving = false
            state.backAfterSave = false
            state.notice = message
            state.noticeIsError = true
            return .request(.toast(.error, message))
        case .changesDiscarded:
            state.editing = nil
            state.draft = SettingsDraft(state.saved)
            state.problems = [:]
            state.notice = "Changes discarded."
            state.noticeIsError = false
        case .leaveAsked:
            state.leavePrompt = true
        case .leaveAnswered(let answer):
            state.leavePrompt = false
            switch answer {
            case "s":
                let step = save(&state, env)
                // Go back only once the save has succeeded; an invalid field keeps the user here.
                if state.saving { state.backAfterSave = true }
                return step
            case "d":
                state.draft = SettingsDraft(state.saved)
                state.problems = [:]
                return .request(.back)
            default: break
            }
        }
        return .none
    }

    /// The next selectable row `delta` rows away (clamped), skipping headings and information.
    static func step(from index: Int, by delta: Int, in rows: [SettingsRow]) -> Int {
        let selectable = rows.indices.filter { rows[$0].isSelectable }
        guard let here = selectable.firstIndex(where: { $0 >= index }) ?? selectable.indices.last else { return index }
        return selectable[min(max(0, here + delta), selectable.count - 1)]
    }

    static func activate(_ state: inout State) {
        switch state.selectedRow {
        case .field(let field)?:
            state.editing = Editing(field: field, input: TextInputState(text: state.draft.text(of: field)))
        case .action(let id, _)?:
            let field = SettingsField.binding(id)
            state.editing = Editing(field: field, input: TextInputState(text: state.draft.text(of: field)))
        case .theme?, .reduceMotion?, .mouse?, .preferredProvider?:
            cycle(&state, forward: true)
        default: break
        }
    }

    static func cycle(_ state: inout State, forward: Bool) {
        switch state.selectedRow {
        case .theme?: cycleTheme(&state, forward: forward)
        case .reduceMotion?: state.draft.reduceMotion.toggle()
        case .mouse?: state.draft.mouse.toggle()
        case .preferredProvider?:
            let choices: [String?] = [nil] + state.providerNames.map { Optional($0) }
            let i = choices.firstIndex(of: state.draft.preferredProvider) ?? 0
            state.draft.preferredProvider = choices[(i + (forward ? 1 : choices.count - 1)) % choices.count]
        default: break
        }
    }

    /// Changes only the draft: the preview shows it, and the shell's theme changes on save.
    static func cycleTheme(_ state: inout State, forward: Bool) {
        let names = state.catalog.names
        guard !names.isEmpty else { return }
        let i = names.firstIndex(of: state.draft.themeName) ?? -1
        state.draft.themeName = names[((forward ? i + 1 : i - 1) + names.count) % names.count]
    }

    static func commitEdit(_ state: inout State) {
        guard let editing = state.editing else { return }
        state.editing = nil
        state.draft.set(editing.field, to: editing.input.text)
        state.problems[editing.field] = state.draft.problem(with: editing.field)
    }

    static func save(_ state: inout State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard !state.saving else { return .none }
        guard let userId = env.session?.userId else {
            state.notice = "Sign in to save settings."
            state.noticeIsError = true
            return .none
        }
        switch state.draft.validated() {
        case .failure(let problems):
            state.problems = problems.problems
            let n = problems.problems.count
            state.notice = "Not saved: \(n) field\(n == 1 ? " has a problem" : "s have problems") (marked \(env.look.theme.unicode ? "✗" : "[X]"))."
            state.noticeIsError = true
            if let first = state.rows.firstIndex(where: { if case .field(let f) = $0 { problems.problems[f] != nil } else if case .action(let id, _) = $0 { problems.problems[.binding(id)] != nil } else { false } }) {
                state.selected = first
            }
            return .none
        case .success(let prefs):
            state.problems = [:]
            state.saving = true
            state.notice = "Saving…"
            state.noticeIsError = false
            let accounts = env.services.accounts
            return .command(.task {
                do {
                    try await accounts.setPreferences(PreferencesCodec.encode(prefs), userId: userId)
                    return .saved(prefs)
                } catch {
                    return .saveFailed("Could not save settings: \(error)")
                }
            })
        }
    }
}
