import Foundation
import PlansmithCore
import TerminalUI

extension WorkspacesScreen {
    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .loaded(.success(let all), let select):
            state.loading = false
            state.workspaces = all
            state.list.items = all.map(label)
            if let select, let index = all.firstIndex(where: { $0.id == select }) { state.list.selected = index }
            return .command(state.selected.map { loadRoster(env, $0.id) } ?? .none)
        case .loaded(.failure(let failure), _):
            state.loading = false
            state.problem = "could not load your workspaces: \(failure.message)"
        case .rosterLoaded(.success(let roster)):
            guard roster.workspace.id == state.selected?.id else { return .none }  // the selection moved on
            let keep = state.members.selected
            state.roster = roster
            state.members = FilterListState(items: roster.members.map { "\($0.email)  \($0.role.rawValue)" }
                                            + roster.invitations.map { "\($0.email)  \($0.role.rawValue)  (invited)" })
            state.members.selected = min(keep, max(0, state.members.items.count - 1))
        case .rosterLoaded(.failure(let failure)):
            state.problem = failure.message
        case .input(let event):
            return handle(&state, event, env)
        case .switched(.success(let (workspace, preferences))):
            return .request(.workspaceChanged(workspace), .preferencesChanged(preferences),
                            .toast(.ok, "now working in \(workspace.name) (\(workspace.role.rawValue))"), .back)
        case .switched(.failure(let failure)), .changed(.failure(let failure)):
            state.problem = failure.message
            return .request(.toast(.error, failure.message))
        case .changed(.success(let text)):
            state.problem = nil
            return ScreenStep(load(env, select: state.selected?.id), requests: [.toast(.ok, text)])
        }
        return .none
    }

    static func label(_ w: WorkspaceInfo) -> String { "\(w.name)  \(w.role.rawValue)" }

    private static func handle(_ state: inout State, _ event: InputEvent, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        if state.prompt != nil { return handlePrompt(&state, event, env) }
        if let member = state.removing {
            state.removing = nil
            guard event == .key(.char("y")) || event == .key(.char("Y")), let roster = state.roster else { return .none }
            return change(env, "removed \(member.email) from \(roster.workspace.name)") { services, userId in
                try await services.workspaces.remove(member.userId, from: roster.workspace.id, userId: userId)
            }
        }
        guard case .key(let key) = event else { return .none }
        switch key {
        case .tab, .backTab: state.focus = state.focus == .workspaces ? .members : .workspaces
        case .char("1"): state.focus = .workspaces
        case .char("2"): state.focus = .members
        case .char("n"): state.prompt = .newWorkspace(TextInputState())
        case .char("r"): return .command(load(env, select: state.selected?.id))
        case .char("i"):
            guard state.canManage else { return notOwner(&state) }
            state.prompt = .invite(TextInputState(), role: .editor)
        case .char("o"), .char("e"), .char("v"):
            guard state.canManage else { return notOwner(&state) }
            guard let member = state.selectedMember, let roster = state.roster else { return .none }
            let role: WorkspaceAccess = key == .char("o") ? .owner : key == .char("e") ? .editor : .viewer
            return change(env, "\(member.email) is now \(role.rawValue)") { services, userId in
                try await services.workspaces.setRole(role, of: member.userId, in: roster.workspace.id, userId: userId)
            }
        case .char("x"):
            guard state.canManage else { return notOwner(&state) }
            state.removing = state.selectedMember
        case .enter:
            guard state.focus == .workspaces, let chosen = state.selected, let session = env.session else { return .none }
            return .command(switchTo(chosen, session, env))
        default:
            if state.focus == .workspaces {
                let before = state.list.selected
                _ = state.list.handle(event)
                if state.list.selected != before, let selected = state.selected {
                    state.roster = nil
                    state.members = FilterListState(items: [])
                    return .command(loadRoster(env, selected.id))
                }
            } else {
                _ = state.members.handle(event)
            }
        }
        return .none
    }

    private static func notOwner(_ state: inout State) -> ScreenStep<Msg> {
        state.problem = "only an owner of \(state.roster?.workspace.name ?? "this workspace") can change its members"
        return .none
    }

    private static func handlePrompt(_ state: inout State, _ event: InputEvent, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        if event == .key(.escape) {
            state.prompt = nil
            return .none
        }
        switch state.prompt! {
        case .newWorkspace(var input):
            guard case .submitted(let raw) = input.handle(event) else {
                state.prompt = .newWorkspace(input)
                return .none
            }
            state.prompt = nil
            let name = raw.trimmingCharacters(in: .whitespaces)
            return change(env, "created workspace \(name)") { services, userId in
                _ = try await services.workspaces.create(named: name, userId: userId)
            }
        case .invite(var input, let role):
            // Tab cycles the role the invitation gives.
            if event == .key(.tab) {
                let all = WorkspaceAccess.allCases
                state.prompt = .invite(input, role: all[(all.firstIndex(of: role)! + 1) % all.count])
                return .none
            }
            guard case .submitted(let raw) = input.handle(event) else {
                state.prompt = .invite(input, role: role)
                return .none
            }
            state.prompt = nil
            guard let workspace = state.roster?.workspace else { return .none }
            let email = raw.trimmingCharacters(in: .whitespaces)
            let workspaces = env.services.workspaces
            guard let userId = env.session?.userId else { return .none }
            return .command(.task {
                do {
                    switch try await workspaces.invite(email: email, role: role, to: workspace.id, userId: userId) {
                    case .added(let m): return .changed(.success("added \(m.email) to \(workspace.name) as \(m.role.rawValue)"))
                    case .invited(let i):
                        return .changed(.success("invited \(i.email) as \(i.role.rawValue); it waits until they sign up"))
                    }
                } catch { return .changed(.failure(Failure(message: AppError.from(error).message))) }
            })
        }
    }

    /// Runs a member change; success reloads the lists and says `done`.
    private static func change(_ env: ScreenEnvironment, _ done: String,
                               _ body: @escaping @Sendable (AppServices, Int64) async throws -> Void) -> ScreenStep<Msg> {
        guard let userId = env.session?.userId else { return .none }
        let services = env.services
        return .command(.task {
            do {
                try await body(services, userId)
                return .changed(.success(done))
            } catch { return .changed(.failure(Failure(message: AppError.from(error).message))) }
        })
    }

    /// Saves the choice with the account's preferences, so the next start opens in it too.
    private static func switchTo(_ chosen: WorkspaceInfo, _ session: UserSession, _ env: ScreenEnvironment) -> Command<Msg> {
        var preferences = session.preferences
        preferences.currentWorkspace = chosen.id
        let accounts = env.services.accounts, userId = session.userId, saved = preferences
        return .task {
            do {
                try await accounts.setPreferences(PreferencesCodec.encode(saved), userId: userId)
                return .switched(.success((chosen, saved)))
            } catch { return .switched(.failure(Failure(message: "could not switch workspace: \(AppError.from(error).message)"))) }
        }
    }
}
