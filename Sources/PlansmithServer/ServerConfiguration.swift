import Foundation
import Store

/// How `plansmith serve` runs. Defaults are the production values; tests shorten the timings.
public struct ServerConfiguration: Sendable {
    public static let defaultBodyLimit = 8 << 20

    /// Loopback unless asked otherwise: the API is reachable from other machines only on purpose.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (tests read it back from `APIServer.boundPort`).
    public var port: Int = 8080
    /// Largest request body accepted; larger ones get 413 before being read.
    public var bodyLimit: Int = defaultBodyLimit
    /// Requests per minute for login sessions and for unauthenticated requests per client address.
    public var sessionRateLimit: Int = APIKeyService.defaultRateLimit
    public var anonymousRateLimit: Int = 120
    /// `--no-limits` (benchmarks only): no rate limiting and no usage rows, to measure their cost.
    public var limitsEnabled: Bool = true
    public var usageLogEnabled: Bool = true
    /// The usage writer flushes when this many rows wait, or after `usageFlushInterval`.
    public var usageBatchSize: Int = 512
    public var usageFlushInterval: Duration = .milliseconds(250)
    /// How long a login session token stays valid.
    public var sessionLifetime: TimeInterval = 24 * 3600
    /// The longest planner run `POST /v1/plan` may ask for (`timeout_s`), in seconds.
    public var maximumPlanTimeout: Double = 60
    /// How often a Server-Sent Events stream sends a comment line while no event comes.
    public var eventHeartbeatInterval: Duration = .seconds(15)
    /// A connection that sends nothing for this long is closed (slow or stalled clients).
    public var idleTimeout: Duration = .seconds(60)
    /// The time source for rate limiting, key expiry and session expiry.
    public var clock: any StoreClock = SystemClock()

    public init() {}
}
