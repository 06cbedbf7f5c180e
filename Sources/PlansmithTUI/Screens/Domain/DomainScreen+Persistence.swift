import Foundation
import PlansmithCore
import TerminalUI

/// Saving as a new revision, the history list and restoring a revision. A failed save keeps
/// every character in the editor and says why.
extension DomainScreen {
    static func updateSaving(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .save:
            guard !state.isSaving else { return .none }
            guard let userId = env.session?.userId else { return .request(.toast(.error, "not signed in")) }
            state.isSaving = true
            let texts = SavedTexts(domain: state.domainEditor.text, problem: state.problemEditor.text, revision: nil)
            let draft = draft(state, texts)
            let domains = env.services.domains, id = state.domainId
            return .command(.task {
                do {
                    var saved = texts
                    saved.revision = try await domains.save(draft, to: id, message: "edited in the terminal", userId: userId).revision
                    return .saved(.success(saved))
                } catch {
                    return .saved(.failure(ScreenFailure(DomainLoader.describe(error))))
                }
            })
        case .saved(.success(let texts)):
            state.isSaving = false
            markSaved(&state, texts)
            let errors = state.validation.errorCount
            let revision = texts.revision.map { "revision \($0)" } ?? "a new revision"
            return .request(errors > 0 ? .toast(.warning, "saved \(revision) of \(state.domainName) with \(errors) error(s)")
                                       : .toast(.ok, "saved \(revision) of \(state.domainName)"))
        case .saved(.failure(let failure)):
            state.isSaving = false
            return .request(.toast(.error, "save failed: \(failure.text) (your text is still in the editor)"))
        default:
            return .none
        }
    }

    static func draft(_ state: State, _ texts: SavedTexts) -> DomainContents {
        DomainContents(name: state.domainName, description: state.domainDescription, domainPddl: texts.domain,
                       problemPddl: texts.problem, isPublic: state.domainIsPublic)
    }

    /// Editors whose text is what was stored are no longer "modified" (typing during the save keeps them so).
    static func markSaved(_ state: inout State, _ texts: SavedTexts) {
        if state.domainEditor.text == texts.domain { state.domainEditor.isModified = false }
        if state.problemEditor.text == texts.problem { state.problemEditor.isModified = false }
    }

    static func updateHistory(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard let userId = env.session?.userId else { return .none }
        let domains = env.services.domains, id = state.domainId
        switch msg {
        case .showHistory:
            state.history = HistoryPopup()
            return .command(.task {
                do {
                    let rows = try await domains.history(of: id, userId: userId).map {
                        RevisionRow(revision: $0.revision, message: $0.message, date: DisplayDate.string($0.createdAt))
                    }
                    return .historyLoaded(.success(rows))
                } catch {
                    return .historyLoaded(.failure(ScreenFailure(DomainLoader.describe(error))))
                }
            })
        case .historyLoaded(.success(let rows)):
            state.history?.revisions = rows
            state.history?.isLoading = false
        case .historyLoaded(.failure(let failure)):
            state.history = nil
            return .request(.toast(.error, "could not read the history: \(failure.text)"))
        case .historyMove(let step):
            guard var popup = state.history else { break }
            popup.selected = max(0, min(popup.revisions.count - 1, popup.selected + step))
            state.history = popup
        case .closeHistory:
            state.history = nil
        case .restoreSelected:
            guard let popup = state.history, popup.revisions.indices.contains(popup.selected) else { break }
            let revision = popup.revisions[popup.selected].revision
            return .command(.task {
                do {
                    let restored = try await domains.restore(id, revision: revision, userId: userId)
                    return .restored(.success(SavedTexts(domain: restored.domainPddl, problem: restored.problemPddl,
                                                         revision: restored.revision)))
                } catch {
                    return .restored(.failure(ScreenFailure(DomainLoader.describe(error))))
                }
            })
        case .restored(.success(let texts)):
            let restoredFrom = state.history.flatMap { $0.revisions.indices.contains($0.selected) ? $0.revisions[$0.selected].revision : nil }
            let hadUnsaved = state.hasUnsavedChanges
            state.history = nil
            // Replaced as one undo step each: unsaved edits come back with ctrl-z.
            replaceAll(&state.domainEditor, with: texts.domain)
            replaceAll(&state.problemEditor, with: texts.problem)
            markSaved(&state, texts)
            var note = "restored revision \(restoredFrom.map(String.init) ?? "?") as revision \(texts.revision.map(String.init) ?? "?")"
            if hadUnsaved { note += "; ctrl-z in the editor brings back your unsaved edits" }
            return ScreenStep(scheduleValidation(&state), requests: [.toast(.ok, note)])
        case .restored(.failure(let failure)):
            return .request(.toast(.error, "restore failed: \(failure.text)"))
        default: break
        }
        return .none
    }
}
