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
        case .dashboard, .plan, .analytics, .apiKeys, .settings:
            Mounted.open(DashboardScreen.self, route: route, mountId: mountId) { DashboardScreen.start(env: env) }
        }
    }
}
