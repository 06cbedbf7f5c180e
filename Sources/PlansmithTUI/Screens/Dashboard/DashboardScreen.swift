import Foundation
import PlansmithCore
import TerminalUI

/// Home after signing in: the user's domains (by workspace, filter with `/`), templates to start
/// from, recent planning sessions with their status, and "new domain".
public enum DashboardScreen: Screen {
    public enum Pane: Int, Sendable, CaseIterable { case domains, templates, sessions }

    public struct State: Sendable {
        public internal(set) var data = DashboardData()
        var lists = Pane.allCases.map { _ in FilterListState(items: []) }
        public internal(set) var focus = Pane.domains
        /// `/` was pressed: printable keys go to the focused list's filter.
        var filtering = false
        /// The "new domain" name prompt, when open.
        var newName: TextInputState?
        public internal(set) var problem: String?
        public internal(set) var loading = true
        var busy = false
    }

    public enum Msg: Sendable {
        case loaded(Result<DashboardData, DashboardFailure>)
        case input(InputEvent)
        case reload
        case newDomain
        case opened(Result<Int64, DashboardFailure>)
        case openWorkspaces
    }

    public struct DashboardFailure: Error, Sendable { public var message: String }

    public static func start(env: ScreenEnvironment) -> (State, Command<Msg>) {
        (State(), load(env))
    }

    static func load(_ env: ScreenEnvironment) -> Command<Msg> {
        guard let session = env.session else { return .none }
        let context = env.app
        return .task {
            do { return .loaded(.success(try await DashboardData.load(context, session))) }
            catch { return .loaded(.failure(DashboardFailure(message: "could not load your domains: \(error)"))) }
        }
    }

    /// Back on top: what it lists may have changed meanwhile (a new session, a key made elsewhere).
    public static func reappeared(_ state: State) -> Msg? { .reload }

    public static func message(for event: InputEvent, in state: State) -> Msg? {
        if state.newName != nil || state.filtering { return .input(event) }
        guard case .key(let key) = event else { return .input(event) }
        switch key {
        case .char("n"): return .newDomain
        case .char("w"): return .openWorkspaces
        case .char("r"): return .reload
        case .tab, .backTab, .f(6), .enter, .up, .down, .pageUp, .pageDown, .home, .end,
             .char("1"), .char("2"), .char("3"), .char("/"), .char("j"), .char("k"), .char("g"), .char("G"):
            return .input(event)
        default:
            // Everything else (Esc, q, :, ?, ctrl keys) is the shell's.
            return nil
        }
    }

    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .loaded(.success(let data)):
            state.loading = false
            state.data = data
            state.lists[Pane.domains.rawValue].items = data.domains.map(\.label)
            state.lists[Pane.templates.rawValue].items = data.templates.map(\.label)
            state.lists[Pane.sessions.rawValue].items = data.sessions.map { $0.columns.joined(separator: "  ") }
            if data.domains.isEmpty, state.focus == .domains { state.focus = .templates }
            // The workspace kept from last time becomes the session's (where new domains go).
            if let current = data.current, let session = env.session, current != session.workspace {
                return .request(.workspaceChanged(current))
            }
        case .loaded(.failure(let failure)):
            state.loading = false
            state.problem = failure.message
        case .reload:
            state.loading = true
            return .command(load(env))
        case .openWorkspaces:
            return .request(.navigate(.workspaces))
        case .newDomain:
            state.newName = TextInputState()
            state.problem = nil
        case .input(let event):
            return handle(&state, event, env)
        case .opened(.success(let id)):
            state.busy = false
            return ScreenStep(load(env), requests: [.navigate(.domain(id: id))])
        case .opened(.failure(let failure)):
            state.busy = false
            state.problem = failure.message
        }
        return .none
    }

    private static func handle(_ state: inout State, _ event: InputEvent, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        if state.newName != nil { return handleNewName(&state, event, env) }
        let pane = state.focus.rawValue
        if state.filtering {
            switch event {
            case .key(.escape):
                state.filtering = false
                state.lists[pane].filter = ""
            case .key(.enter):
                state.filtering = false
                return open(&state, env)
            default:
                _ = state.lists[pane].handle(event)
            }
            return .none
        }
        guard case .key(let key) = event else { return .none }
        switch key {
        case .tab, .f(6): state.focus = Pane(rawValue: (pane + 1) % 3)!
        case .backTab: state.focus = Pane(rawValue: (pane + 2) % 3)!
        case .char("1"), .char("2"), .char("3"): state.focus = Pane(rawValue: Int(String(key.typedCharacter!))! - 1)!
        case .char("/"):
            state.filtering = true
        case .enter: return open(&state, env)
        default:
            // Navigation only (j/k/g/G, arrows, pages): other letters never start a filter here.
            if key.typedCharacter == nil || "jkgG".contains(key.typedCharacter!) { _ = state.lists[pane].handle(event) }
        }
        return .none
    }

    private static func handleNewName(_ state: inout State, _ event: InputEvent, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        if case .key(.escape) = event {
            state.newName = nil
            state.problem = nil
            return .none
        }
        guard case .submitted(let raw) = state.newName!.handle(event) else { return .none }
        let name = raw.trimmingCharacters(in: .whitespaces)
        if let problem = DomainName.problem(with: name) {
            state.problem = problem
            return .none
        }
        guard let session = env.session else { return .none }
        let workspaceId = session.workspace.id
        state.newName = nil
        state.busy = true
        let domains = env.services.domains
        return .command(.task {
            let skeleton = DomainName.skeleton(name)
            do {
                let domain = try await domains.create(
                    DomainContents(name: name, description: "new domain", domainPddl: skeleton.domain, problemPddl: skeleton.problem),
                    in: workspaceId, userId: session.userId)
                return .opened(.success(domain.id))
            } catch {
                return .opened(.failure(DashboardFailure(message: "could not create '\(name)': \(error)")))
            }
        })
    }

    /// Enter: a domain opens, a template is copied into the user's workspace and opened, a
    /// session opens its scoreboard.
    private static func open(_ state: inout State, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        guard let index = state.lists[state.focus.rawValue].selectedItem else { return .none }
        switch state.focus {
        case .domains:
            return .request(.navigate(.domain(id: state.data.domains[index].id)))
        case .sessions:
            return .request(.navigate(.plan(.session(id: state.data.sessions[index].id))))
        case .templates:
            guard let session = env.session else { return .none }
            let workspaceId = session.workspace.id
            let template = state.data.templates[index], domains = env.services.domains
            let taken = Set(state.data.domains.map(\.label))
            state.busy = true
            return .command(.task {
                let base = template.label.split(separator: " ").first.map(String.init) ?? "domain"
                // A second copy of the same template gets "-2", "-3" … instead of failing on the name.
                let name = ([base] + (2...99).map { "\(base)-\($0)" }).first { !taken.contains($0) } ?? base
                do {
                    let copy = try await domains.copy(template.id, into: workspaceId, as: name, userId: session.userId)
                    return .opened(.success(copy.id))
                } catch {
                    return .opened(.failure(DashboardFailure(message: "could not copy template \(base): \(error)")))
                }
            })
        }
    }
}
