import TerminalUI

/// Which screen shows a route, opened with what it needs.
enum ScreenFactory {
    static func open(_ route: Route, mountId: Int, env: ScreenEnvironment) -> (any MountedScreen, Command<AppMsg>) {
        switch route {
        case .landing:
            Mounted.open(LandingScreen.self, route: route, mountId: mountId) { LandingScreen.start(env: env) }
        case .login:
            Mounted.open(AuthScreen.self, route: route, mountId: mountId) { AuthScreen.start(mode: .login, env: env) }
        case .register:
            Mounted.open(AuthScreen.self, route: route, mountId: mountId) { AuthScreen.start(mode: .register, env: env) }
        case .domain(let id):
            Mounted.open(DomainScreen.self, route: route, mountId: mountId) { DomainScreen.start(domainId: id, env: env) }
        case .plan(let target):
            Mounted.open(PlanScreen.self, route: route, mountId: mountId) { PlanScreen.start(target: target, env: env) }
        case .dashboard:
            Mounted.open(DashboardScreen.self, route: route, mountId: mountId) { DashboardScreen.start(env: env) }
        case .analytics:
            Mounted.open(AnalyticsScreen.self, route: route, mountId: mountId) { AnalyticsScreen.start(env: env) }
        case .apiKeys:
            Mounted.open(APIKeysScreen.self, route: route, mountId: mountId) { APIKeysScreen.start(env: env) }
        case .workspaces:
            Mounted.open(WorkspacesScreen.self, route: route, mountId: mountId) { WorkspacesScreen.start(env: env) }
        case .settings:
            Mounted.open(SettingsScreen.self, route: route, mountId: mountId) { SettingsScreen.start(env: env) }
        }
    }
}
