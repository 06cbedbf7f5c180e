/// Where the user is. Every screen has a route, and the palette, sidebar and Esc move between them.
public enum Route: Hashable, Sendable {
    case landing
    case login
    case register
    case dashboard
    case domain(id: Int64)
    /// A planning session's scoreboard: an existing session, or a new run for a domain.
    case plan(PlanTarget)
    case analytics
    case apiKeys
    case settings
    /// The workspace switcher and members view.
    case workspaces

    /// Name used by the palette (`:dashboard`, `:keys` …) and the status line.
    public var title: String {
        switch self {
        case .landing: "Landing"
        case .login: "Log in"
        case .register: "Register"
        case .dashboard: "Dashboard"
        case .domain: "Domain"
        case .plan: "Plan"
        case .analytics: "Analytics"
        case .apiKeys: "API Keys"
        case .settings: "Settings"
        case .workspaces: "Workspaces"
        }
    }

    /// Screens that need a signed-in user.
    public var needsSession: Bool {
        switch self {
        case .landing, .login, .register: false
        default: true
        }
    }
}

/// What the Plan screen opens.
public enum PlanTarget: Hashable, Sendable {
    /// Shows a stored session (live if it is still running in this process).
    case session(id: Int64)
    /// Starts a new critique run on a domain's current domain and problem text.
    case newRun(domainId: Int64)
}
