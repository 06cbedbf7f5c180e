import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import PlansmithCore
import ServiceLifecycle
import Store

/// `plansmith serve`: the versioned JSON API over HTTP/1.1, with WebSocket upgrades for live
/// session events.
///
/// Every request passes one middleware chain, outermost first:
///
///     request id → rate limit → usage log → auth → route
///
/// - request id names the request and turns any error into the JSON envelope;
/// - the limiter refuses floods before they cost anything (a key's limit comes from a cache);
/// - the usage log sees every request the limiter let through, including auth failures;
/// - auth resolves the caller; health, the OpenAPI document, register and login skip it.
///
/// Routes are thin: they decode, call a service, encode. Workflows (validation, planning,
/// critique sessions, domains) live in PlansmithCore's services, shared with the CLI and TUI.
public struct APIServer: Sendable {
    public let services: AppServices
    public let configuration: ServerConfiguration
    public let version: String
    /// Nil when the usage log is switched off (`--no-limits`, benchmarks only).
    public let usageWriter: UsageLogWriter?
    let limiter: any RequestLimiter
    let sessions: LoginSessions
    let keyLimits: KeyLimitCache
    let launched = LaunchedSessions()
    let conversations = OpenConversations()
    let logger: Logger

    /// `limiter` and `sharedSessions` nil: this process's own (one server); servers sharing a
    /// PostgreSQL database pass `Store.makeRequestLimiter` and `Store.sharedLoginSessions`.
    public init(services: AppServices, configuration: ServerConfiguration, version: String,
                limiter: (any RequestLimiter)? = nil, sharedSessions: (any LoginSessionRepository)? = nil,
                logger: Logger = Logger(label: "plansmith.server")) {
        self.services = services
        self.configuration = configuration
        self.version = version
        self.logger = logger
        self.limiter = limiter ?? SlidingWindowLimiter(window: 60, clock: configuration.clock)
        sessions = LoginSessions(lifetime: configuration.sessionLifetime, clock: configuration.clock, shared: sharedSessions)
        let keys = services.keys
        keyLimits = KeyLimitCache(clock: configuration.clock) { secret in try await keys.rateLimit(ofSecret: secret) }
        usageWriter = configuration.usageLogEnabled
            ? UsageLogWriter(analytics: services.analytics, keys: services.keys, batchSize: configuration.usageBatchSize,
                             flushInterval: configuration.usageFlushInterval, logger: logger)
            : nil
    }

    /// The HTTP application; `onServerRunning` receives the bound port (useful with port 0).
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000
                                          + configuration.idleTimeout.components.attoseconds / 1_000_000_000)
        var services: [any Service] = []
        if let usageWriter { services.append(usageWriter) }
        return Application(
            router: router(),
            server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter(),
                                           configuration: .init(http1: .init(idleTimeout: idle))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                 serverName: "plansmith/\(version)"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// What runs: the HTTP application, then the keeper of critique sessions (listed after the
    /// application so it stops first: running sessions are interrupted before the listener closes).
    public func lifecycle(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> [any Service] {
        [application(onServerRunning: onServerRunning), SessionKeeper(critique: services.critique, launched: launched, logger: logger)]
    }

    /// Runs until SIGTERM or SIGINT, then shuts down gracefully: running critique sessions are
    /// interrupted (resumable), the listener closes, in-flight requests finish, then the usage log
    /// writes its last batch.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(services: lifecycle(onServerRunning: onServerRunning),
                                                      gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await group.run()
    }

    // MARK: - Routing

    /// The chain every route sits behind (see the type's comment for the order).
    func addSharedMiddleware(to router: Router<APIRequestContext>) {
        let clock = configuration.clock
        router.add(middleware: RequestIdMiddleware(bodyLimit: configuration.bodyLimit))
        if configuration.limitsEnabled {
            router.add(middleware: RateLimitMiddleware(limiter: limiter, keyLimits: keyLimits,
                                                       sessionLimit: configuration.sessionRateLimit,
                                                       anonymousLimit: configuration.anonymousRateLimit,
                                                       usage: usageWriter, clock: clock))
        }
        if let usageWriter {
            router.add(middleware: UsageLogMiddleware(writer: usageWriter, clock: clock))
        }
    }

    var authMiddleware: AuthMiddleware {
        AuthMiddleware(keys: services.keys, sessions: sessions, usage: usageWriter, clock: configuration.clock)
    }

    func router(table: RouteTable = RouteTable()) -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        addSharedMiddleware(to: router)
        let routes = RouteRegistrar(router: router,
                                    authenticated: router.group(RouterPath(RouteRegistrar.authenticatedPrefix)).add(middleware: authMiddleware),
                                    table: table)
        SystemRoutes(version: version).add(to: routes)
        AuthRoutes(accounts: services.accounts, sessions: sessions).add(to: routes)
        KeyRoutes(keys: services.keys, keyLimits: keyLimits).add(to: routes)
        UsageRoutes(analytics: services.analytics, writer: usageWriter).add(to: routes)
        DomainRoutes(domains: services.domains).add(to: routes)
        WorkspaceRoutes(workspaces: services.workspaces).add(to: routes)
        PlanningRoutes(planning: services.planning, maximumPlanTimeout: configuration.maximumPlanTimeout).add(to: routes)
        sessionRoutes.add(to: routes)
        ChatRoutes(chats: services.chats, conversations: conversations).add(to: routes)
        return router
    }

    var sessionRoutes: SessionRoutes { SessionRoutes(critique: services.critique, launched: launched,
                                                heartbeat: configuration.eventHeartbeatInterval) }

    /// Every route the server answers, as "METHOD /path" (for the OpenAPI check).
    public var routeTable: [String] {
        let table = RouteTable()
        _ = router(table: table)
        return table.routes
    }

    /// Upgrade requests (`Upgrade: websocket`) are routed here, through the same chain; plain
    /// GETs of the same paths reach `router()` (Server-Sent Events for curl users).
    func webSocketRouter() -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        addSharedMiddleware(to: router)
        sessionRoutes.addWebSocket(to: router.group(RouterPath(RouteRegistrar.authenticatedPrefix)).add(middleware: authMiddleware))
        return router
    }
}
