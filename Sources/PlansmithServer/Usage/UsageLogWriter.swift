import Foundation
import Hummingbird
import Logging
import PlansmithCore
import ServiceLifecycle
import Store

/// Writes one usage row per API request without putting a database write on the request path:
/// requests append to an in-memory batch, and this service writes the batch in one
/// transaction every `flushInterval`, or as soon as `batchSize` rows wait. API keys' `last_used_at`
/// ride along in the same flush. On graceful shutdown (after the HTTP server has finished its
/// in-flight requests, since services stop in reverse order) the rest is written.
///
/// A failed write keeps the rows for the next flush, up to `maximumPending`; beyond that the
/// oldest are dropped and counted, so a database outage cannot exhaust memory.
///
/// `@unchecked Sendable`: `pending`, `keyUses` and `dropped` are only touched under `lock`.
public final class UsageLogWriter: Service, @unchecked Sendable {
    private let analytics: any AnalyticsService
    private let keys: any KeysService
    private let batchSize: Int
    private let flushInterval: Duration
    let maximumPending = 200_000
    private let logger: Logger
    private let lock = NSLock()
    private var pending: [UsageEntry] = []
    private var keyUses: [Int64: Date] = [:]
    private var dropped = 0
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    /// Serialises flushes (the timer and an explicit `flush()` may overlap).
    private let flushing = FlushGate()

    public init(analytics: any AnalyticsService, keys: any KeysService, batchSize: Int, flushInterval: Duration, logger: Logger) {
        self.analytics = analytics
        self.keys = keys
        self.batchSize = max(batchSize, 1)
        self.flushInterval = flushInterval
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues one row (never waits for the database).
    public func record(_ row: UsageEntry) {
        let full: Bool = lock.withLock {
            pending.append(row)
            if pending.count > maximumPending {
                pending.removeFirst(pending.count - maximumPending)
                dropped += 1
            }
            return pending.count >= batchSize
        }
        if full { wake.yield() }
    }

    /// Remembers that a key was used at `date`; written with the next batch.
    public func noteKeyUse(_ keyId: Int64, at date: Date) {
        lock.withLock {
            if let previous = keyUses[keyId], previous >= date { return }
            keyUses[keyId] = date
        }
    }

    /// Rows waiting to be written.
    public var pendingCount: Int { lock.withLock { pending.count } }

    /// Writes everything queued so far.
    public func flush() async {
        await flushing.run {
            let (rows, uses) = self.lock.withLock {
                defer { self.pending.removeAll(keepingCapacity: true); self.keyUses.removeAll() }
                return (self.pending, self.keyUses)
            }
            guard !rows.isEmpty || !uses.isEmpty else { return }
            do {
                try await self.analytics.record(rows)
                try await self.keys.recordUse(uses)
            } catch {
                self.logger.warning("usage log write failed; will retry", metadata: ["error": .string("\(error)"), "rows": .stringConvertible(rows.count)])
                self.lock.withLock {
                    self.pending.insert(contentsOf: rows, at: 0)
                    for (id, date) in uses where (self.keyUses[id] ?? .distantPast) < date { self.keyUses[id] = date }
                }
            }
        }
    }

    public func run() async throws {
        let wake = self.wake
        let interval = flushInterval
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                wake.yield()
            }
        }
        await withGracefulShutdownHandler {
            for await _ in wakeups { await flush() }
        } onGracefulShutdown: {
            wake.finish()
        }
        ticker.cancel()
        await flush()
        let dropped = lock.withLock { self.dropped }
        if dropped > 0 { logger.warning("usage rows dropped while the database was unavailable", metadata: ["rows": .stringConvertible(dropped)]) }
    }
}

extension UsageLogWriter {
    /// The row for one finished request: the route pattern (not the concrete path, so ids do not
    /// split the statistics), status, latency from `started`, the caller if known, client address.
    func record(request: Request, context: APIRequestContext, status: Int, since started: ContinuousClock.Instant, at now: Date) {
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let endpoint = context.endpointPath.map { $0 == "NotFound" ? "(no route)" : $0 } ?? request.uri.path
        record(UsageEntry(userId: context.identity.userId, apiKeyId: context.identity.apiKeyId, endpoint: endpoint,
                           method: request.method.rawValue, statusCode: status, latencyMs: max(ms, 0),
                           ip: context.clientAddress, extraData: "{\"request_id\":\"\(context.requestId)\"}", createdAt: now))
    }
}

/// Runs one flush at a time; a caller arriving during a flush waits for it and then runs its own.
actor FlushGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run(_ body: @Sendable () async -> Void) async {
        while busy { await withCheckedContinuation { waiters.append($0) } }
        busy = true
        await body()
        busy = false
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }
}
