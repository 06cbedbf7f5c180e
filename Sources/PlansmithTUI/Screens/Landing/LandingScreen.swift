import PlansmithCore
import TerminalUI

/// The first screen: what Plansmith does, what is on this machine, and the way in.
/// Signed in (reached from the palette), it lists the user's recent domains and sessions instead.
public enum LandingScreen: Screen {
    public struct State: Sendable {
        var choices: [Choice]
        var selected = 0
        var summary: [String] = []
        var loading = true
    }

    public enum Choice: Sendable, Equatable {
        case login, register, dashboard, open(Route, String), quit
        /// The passwordless local account the CLI created: one step in, no form.
        case continueLocal(String)
        var label: String {
            switch self {
            case .login: "Log in"
            case .register: "Create an account"
            case .dashboard: "Go to the dashboard"
            case .open(_, let title): title
            case .quit: "Quit"
            case .continueLocal(let email): "Continue as \(email)"
            }
        }
    }

    public enum Msg: Sendable {
        case loaded(summary: [String], recent: [(Route, String)], hasAccounts: Bool, local: String?)
        case signedIn(UserSession)
        case failed(String)
        case move(Int)
        case choose
        case pick(Choice)
    }

    static let pitch = [
        "Plansmith turns a planning problem into a correct, good plan.",
        "",
        "  • describe the problem in a chat; get PDDL you can read and edit",
        "  • live diagnostics, formatting and revisions for domain and problem",
        "  • plan with the built-in planner, then watch three critics improve it",
        "    round by round; the plan validator vetoes every step",
    ]

    public static func start(env: ScreenEnvironment) -> (State, Command<Msg>) {
        let context = env.app, session = env.session
        let initial: [Choice] = session == nil ? [.login, .register, .quit] : [.dashboard, .quit]
        return (State(choices: initial), .task {
            guard let session else {
                let local = try? await context.services.accounts.localAccount()
                let passwordless = local.flatMap { $0.hasPassword ? nil : $0.email }
                let accounts = (try? await context.services.accounts.hasAnyAccount()) ?? (local != nil)
                return .loaded(summary: [], recent: [], hasAccounts: accounts, local: passwordless)
            }
            let catalog = (try? await context.services.domains.catalog(userId: session.userId)) ?? DomainCatalog()
            let domains = catalog.own.filter { $0.workspaceId == session.workspace.id }
            let recentDomains = domains.sorted { $0.updatedAt > $1.updatedAt }.prefix(5)
            let sessions = (try? await context.services.critique.list(userId: session.userId, domainId: nil, limit: 5)) ?? []
            var recent: [(Route, String)] = recentDomains.map { d in (.domain(id: d.id), "Open domain \(d.name)") }
            recent += sessions.map { s in
                (.plan(.session(id: s.id)), "Session #\(s.id) · \(s.domainName ?? "?") · \(s.status.rawValue)")
            }
            return .loaded(summary: ["Signed in as \(session.account.email): \(domains.count) domains, \(sessions.count) recent sessions"],
                           recent: recent, hasAccounts: true, local: nil)
        })
    }

    public static func message(for event: InputEvent, in state: State) -> Msg? {
        guard case .key(let key) = event else { return nil }
        switch key {
        case .up, .char("k"): return .move(-1)
        case .down, .char("j"), .tab: return .move(1)
        case .enter: return .choose
        case .char("l"): return state.choices.contains(.login) ? .pick(.login) : nil
        case .char("r"): return state.choices.contains(.register) ? .pick(.register) : nil
        default: return nil
        }
    }

    public static func update(_ state: inout State, _ msg: Msg, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch msg {
        case .loaded(let summary, let recent, let hasAccounts, let local):
            state.loading = false
            state.summary = summary
            if env.session == nil {
                // Nobody has an account yet: creating one is the way in, so it comes first.
                state.choices = hasAccounts ? [.login, .register, .quit] : [.register, .login, .quit]
                if let local { state.choices.insert(.continueLocal(local), at: 0) }
            } else {
                state.choices = [.dashboard] + recent.map { Choice.open($0.0, $0.1) } + [.quit]
            }
            state.selected = 0
        case .move(let delta):
            state.selected = max(0, min(state.choices.count - 1, state.selected + delta))
        case .choose:
            guard state.choices.indices.contains(state.selected) else { return .none }
            return choose(state.choices[state.selected], env)
        case .pick(let choice):
            return choose(choice, env)
        case .signedIn(let session):
            return .request(.signedIn(session))
        case .failed(let problem):
            state.summary = [problem]
        }
        return .none
    }

    private static func signInLocal(_ email: String, _ context: AppContext) async -> Msg {
        do {
            return .signedIn(UserSession(try await context.services.accounts.continueAsLocal(email: email)))
        } catch let error as AppError where error.kind == .notFound {
            return .failed("The local account \(email) now has a password: log in instead.")
        } catch {
            return .failed("Could not open the local account: \(error)")
        }
    }

    private static func choose(_ choice: Choice, _ env: ScreenEnvironment) -> ScreenStep<Msg> {
        switch choice {
        case .login: .request(.navigate(.login))
        case .register: .request(.navigate(.register))
        case .dashboard: .request(.navigate(.dashboard))
        case .open(let route, _): .request(.navigate(route))
        case .quit: .request(.quit)
        case .continueLocal(let email): .command(.task { await signInLocal(email, env.app) })
        }
    }

    public static func view(_ state: State, in area: Rect, into buffer: inout ScreenBuffer, _ look: ViewContext) {
        let theme = look.theme
        let width = min(area.width, 76)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y, width: width, height: area.height)
        let inner = Block(title: "Welcome to Plansmith", theme: theme).draw(in: box, into: &buffer)
        var y = inner.y
        for line in pitch + [""] + state.summary where y < inner.maxY {
            for wrapped in TextWrap.wrap(line, width: max(1, inner.width - 2)) where y < inner.maxY {
                buffer.put(wrapped, x: inner.x + 1, y: y, style: theme[.text], maxX: inner.maxX)
                y += 1
            }
        }
        y += 1
        if state.loading, y < inner.maxY {
            buffer.put("loading…", x: inner.x + 1, y: y, style: theme[.muted], maxX: inner.maxX)
            return
        }
        for (i, choice) in state.choices.enumerated() where y < inner.maxY {
            let selected = i == state.selected
            let style = selected ? theme[.selection] : theme[.text]
            if selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            buffer.put((selected ? "> " : "  ") + choice.label, x: inner.x + 1, y: y, style: style, maxX: inner.maxX)
            y += 1
        }
    }

    public static func hints(_ state: State) -> [(key: String, label: String)] {
        [("↑↓", "choose"), ("enter", "open")] + (state.choices.contains(.login) ? [("l", "log in"), ("r", "register")] : [])
    }
}
