import PlansmithCore
import TerminalUI

/// Publishing (every account may read the domain, read-only) and deleting the domain with all
/// its revisions. Delete asks first, naming what goes: "Delete domain X and its N revisions? y/N".
/// Only owners and editors of the domain's workspace may do either; the Store refuses the rest,
/// and the refusal is shown as it comes.
extension DomainScreen {
    /// The delete confirmation, once the revisions are counted.
    public struct DeletePrompt: Sendable, Equatable {
        public var name: String
        public var revisions: Int

        public init(name: String, revisions: Int) { self.name = name; self.revisions = revisions }

        var dialog: Dialog {
            Dialog(title: "Delete domain",
                   message: "Delete domain \(name) and its \(revisions) revision\(revisions == 1 ? "" : "s")? y/N",
                   choices: [Dialog.Choice(.char("y"), "delete"), Dialog.Choice(.char("n"), "keep")])
        }
    }

    static func deletePromptMessage(_ event: InputEvent, _ prompt: DeletePrompt) -> Msg? {
        guard case .key(let key) = event else { return nil }
        // Anything but y keeps the domain (the N in y/N is the default).
        return .answerDelete(key == .char("y") || key == .char("Y"))
    }

    static func updateSharing(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard let session = env.session else { return .none }
        let domains = env.services.domains, id = state.domainId, userId = session.userId, name = state.domainName
        switch msg {
        case .togglePublic:
            let wanted = !state.domainIsPublic
            return .command(.task {
                do { return .publicChanged(.success(try await domains.setPublic(id, wanted, userId: userId).summary.isPublic)) }
                catch { return .publicChanged(.failure(ScreenFailure(DomainLoader.describe(error)))) }
            })
        case .publicChanged(.success(let isPublic)):
            state.domainIsPublic = isPublic
            let text = isPublic ? "\(name) is public: every account can read it (read-only)" : "\(name) is private to its workspace again"
            return .request(.toast(.ok, text))
        case .publicChanged(.failure(let failure)):
            return .request(.toast(.error, "could not change who can read \(name): \(failure.text)"))
        case .askDelete:
            return .command(.task {
                do { return .deleteCounted(.success(try await domains.history(of: id, userId: userId).count)) }
                catch { return .deleteCounted(.failure(ScreenFailure(DomainLoader.describe(error)))) }
            })
        case .deleteCounted(.success(let revisions)):
            state.deletePrompt = DeletePrompt(name: name, revisions: revisions)
        case .deleteCounted(.failure(let failure)):
            return .request(.toast(.error, "could not delete \(name): \(failure.text)"))
        case .answerDelete(let yes):
            state.deletePrompt = nil
            guard yes else { return .none }
            return .command(.task {
                do {
                    try await domains.delete(id, userId: userId)
                    return .deleted(.success(name))
                } catch { return .deleted(.failure(ScreenFailure(DomainLoader.describe(error)))) }
            })
        case .deleted(.success(let deleted)):
            // Nothing is left to edit: drop the texts so quitting does not ask about unsaved changes.
            state.domainEditor = EditorState(text: "")
            state.problemEditor = EditorState(text: "")
            return .request(.toast(.ok, "deleted \(deleted) and its revisions"), .back)
        case .deleted(.failure(let failure)):
            return .request(.toast(.error, "could not delete \(name): \(failure.text)"))
        default: break
        }
        return .none
    }

    static func drawDeletePrompt(_ prompt: DeletePrompt, _ area: Rect, _ buffer: inout ScreenBuffer, _ theme: Theme) {
        var dialog = prompt.dialog
        dialog.theme = theme
        dialog.draw(in: area, into: &buffer)
    }
}
