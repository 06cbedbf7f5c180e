import PlansmithCore
import TerminalUI

/// The editor pane and the checks: typing, tabs, debounced validation, F8, format.
extension DomainScreen {
    /// How long typing must pause before the texts are checked again.
    static let validationDelay = Duration.milliseconds(250)

    static func updateEditor(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .editorInput(let event):
            let tab = state.tab
            let before = state.editor(tab).buffer
            _ = state.withEditor(tab) { $0.handle(event) }
            if state.editor(tab).buffer != before { return .command(scheduleValidation(&state)) }
        case .switchTab(let file):
            state.tab = file ?? (state.tab == .domain ? .problem : .domain)
        case .validateDue(let generation):
            if generation == state.editGeneration { return .command(validationCommand(&state)) }
        case .validateNow:
            state.editGeneration += 1
            return .command(validationCommand(&state))
        case .validated(let generation, let result):
            guard generation == state.editGeneration else { break }
            state.isValidating = false
            state.validation = result
            state.domainEditor.diagnostics = result.editorDiagnostics(for: .domain)
            state.problemEditor.diagnostics = result.editorDiagnostics(for: .problem)
            state.validationSelected = min(state.validationSelected, max(0, result.diagnostics.count - 1))
        case .jumpDiagnostic(let step):
            let count = state.validation.diagnostics.count
            guard count > 0 else { return .request(.toast(.info, "no diagnostics")) }
            let next = state.diagnosticJumped ? state.validationSelected + step : (step > 0 ? 0 : count - 1)
            jump(&state, to: (next % count + count) % count)
        case .validationMove(let step):
            let count = state.validation.diagnostics.count
            state.validationSelected = max(0, min(count - 1, state.validationSelected + step))
        case .jumpToSelectedDiagnostic:
            if state.validation.diagnostics.indices.contains(state.validationSelected) { jump(&state, to: state.validationSelected) }
        case .format:
            let tab = state.tab, original = state.editor(tab).text, planning = env.services.planning
            return .command(.task { .formatted(tab, original: original, await PDDLCheck.formatOffMain(planning, original).mapError { ScreenFailure($0.text) }) })
        case .formatted(let tab, let original, let result):
            guard state.editor(tab).text == original else {
                return .request(.toast(.warning, "the text changed while formatting; format again"))
            }
            switch result {
            case .success(let formatted) where formatted == original:
                return .request(.toast(.info, "\(tab.rawValue) is already formatted"))
            case .success(let formatted):
                state.withEditor(tab) { replaceAll(&$0, with: formatted) }
                return ScreenStep(scheduleValidation(&state), requests: [.toast(.ok, "formatted the \(tab.rawValue) (ctrl-z undoes)")])
            case .failure(let failure):
                return .request(.toast(.warning, failure.text))
            }
        case .save, .saved:
            return updateSaving(&state, msg, env)
        default: break
        }
        return .none
    }

    static func scheduleValidation(_ state: inout State) -> Command<Msg> {
        state.editGeneration += 1
        state.isValidating = true
        return .after(validationDelay, .validateDue(state.editGeneration))
    }

    /// Checks the current texts now; the result is kept only if nothing was typed meanwhile.
    static func validationCommand(_ state: inout State) -> Command<Msg> {
        state.isValidating = true
        let generation = state.editGeneration
        // Checking is a pure function of the texts: the in-process planner's validation, whatever the services.
        let domain = state.domainEditor.text, problem = state.problemEditor.text, planning = LocalPlanning()
        return .task {
            guard let result = await PDDLCheck.validateOffMain(planning, domain: domain, problem: problem) else { return nil }
            return .validated(generation, result)
        }
    }

    /// Shows diagnostic `index` in the editor: its tab, its line and column, typing focus there.
    static func jump(_ state: inout State, to index: Int) {
        let diagnostic = state.validation.diagnostics[index]
        state.validationSelected = index
        state.diagnosticJumped = true
        state.tab = diagnostic.file
        state.focus = .editor
        state.isTyping = true
        let position = diagnostic.editor?.position ?? Position(line: diagnostic.line - 1, column: 0)
        state.withEditor(diagnostic.file) { editor in
            editor.goToLine(position.line + 1)
            for _ in 0..<min(position.column, 10_000) { _ = editor.handle(.key(.right)) }
        }
    }

    /// Replaces the whole text as one undoable step (select all, then paste over it), so a
    /// format, a restore or generated PDDL never loses what was there: Ctrl-Z brings it back.
    static func replaceAll(_ editor: inout EditorState, with text: String) {
        guard editor.text != text else { return }
        _ = editor.handle(.key(Key(.home, .ctrl)))
        _ = editor.handle(.key(Key(.end, [.ctrl, .shift])))
        if text.isEmpty { _ = editor.handle(.key(.backspace)) } else { _ = editor.handle(.paste(text)) }
        _ = editor.handle(.key(Key(.home, .ctrl)))
    }
}
