import Foundation
import PlansmithCore
import TerminalUI

/// The workspace switcher and members view. Left: the user's workspaces (Enter works in the
/// selected one from now on: new domains go there and the Dashboard lists its domains). Right: the
/// selected workspace's members and pending invitations; owners invite by email with a role
/// (`i`), change a member's role (`o`/`e`/`v`) and remove a member (`x`, asks first). Others see
/// the list read-only. `n` creates a workspace.
public enum WorkspacesScreen: Screen {
    public enum Pane: Int, Sendable { case workspaces, members }

    /// A text prompt at the bottom: a new workspace's name, or an email to invite with a role.
    public enum Prompt: Sendable, Equatable {
        case newWorkspace(TextInputState)
        case invite(TextInputState, role: WorkspaceAccess)
    }

    public struct State: Sendable {
        public internal(set) var workspaces: [WorkspaceInfo] = []
        var list = FilterListState(items: [])
        public internal(set) var roster: WorkspaceRoster?
        var members = FilterListState(items: [])
        public internal(set) var focus = Pane.workspaces
        public internal(set) var prompt: Prompt?
        /// A member waiting for "Remove X from W? y/N".
        public internal(set) var removing: MemberInfo?
        public internal(set) var loading = true
        public internal(set) var problem: String?

        public var selected: WorkspaceInfo? { list.selectedItem.flatMap { workspaces.indices.contains($0) ? workspaces[$0] : nil } }
        public var selectedMember: MemberInfo? {
            guard let roster, let index = members.selectedItem, roster.members.indices.contains(index) else { return nil }
            return roster.members[index]
        }
        /// Only owners change members.
        public var canManage: Bool { roster?.workspace.role == .owner }
    }

    public enum Msg: Sendable {
        case loaded(Result<[WorkspaceInfo], Failure>, select: Int64?)
        case rosterLoaded(Result<WorkspaceRoster, Failure>)
        case input(InputEvent)
        case switched(Result<(WorkspaceInfo, Preferences), Failure>)
        case changed(Result<String, Failure>)
    }

    public struct Failure: Error, Sendable { public var message: String }

    public static func start(env: ScreenEnvironment) -> (State, Command<Msg>) {
        (State(), load(env, select: env.session?.workspace.id))
    }

    static func load(_ env: ScreenEnvironment, select: Int64?) -> Command<Msg> {
        guard let userId = env.session?.userId else { return .none }
        let workspaces = env.services.workspaces
        return .task {
            do { return .loaded(.success(try await workspaces.workspaces(userId: userId)), select: select) }
            catch { return .loaded(.failure(Failure(message: AppError.from(error).message)), select: select) }
        }
    }

    static func loadRoster(_ env: ScreenEnvironment, _ workspaceId: Int64) -> Command<Msg> {
        guard let userId = env.session?.userId else { return .none }
        let workspaces = env.services.workspaces
        return .task {
            do { return .rosterLoaded(.success(try await workspaces.roster(of: workspaceId, userId: userId))) }
            catch { return .rosterLoaded(.failure(Failure(message: AppError.from(error).message))) }
        }
    }

    public static func message(for event: InputEvent, in state: State) -> Msg? {
        if state.prompt != nil || state.removing != nil { return .input(event) }
        guard case .key(let key) = event else { return nil }
        switch key {
        case .tab, .backTab, .enter, .up, .down, .pageUp, .pageDown, .home, .end,
             .char("1"), .char("2"), .char("j"), .char("k"), .char("g"), .char("G"), .char("n"), .char("r"):
            return .input(event)
        case .char("i"), .char("o"), .char("e"), .char("v"), .char("x"):
            return state.focus == .members || key == .char("i") ? .input(event) : nil
        default:
            return nil  // Esc, q, :, ? and Ctrl keys are the shell's.
        }
    }

    public static func isTyping(_ state: State) -> Bool { state.prompt != nil }
}
