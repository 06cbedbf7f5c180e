import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scriptable stand-in for the Anthropic Messages and OpenAI Chat Completions APIs, on plain
/// POSIX sockets bound to 127.0.0.1. Each provider request consumes the next `FakeStep` (then the
/// script's fallback, then a plain "ok" reply) and is recorded for assertions.
///
/// Control endpoints for other processes: `POST /_fake/script` (a `FakeScript` JSON: its steps are
/// appended, its fallback/api_key replace the current ones), `GET /_fake/requests`, `POST /_fake/reset`.
public final class FakeLLMServer: Sendable {
    struct State {
        var script: FakeScript
        var requests: [RecordedRequest] = []
        var listenFD: Int32 = -1
        var port: UInt16 = 0
        var openConnections: Set<Int32> = []
        var activeHandlers = 0
        var requestCounter = 0
        var acceptedConnections = 0
        /// Provider requests being answered right now, and the most seen at once.
        var inFlight = 0
        var maxInFlight = 0
        /// What `GET …/models` lists (the OpenAI list shape local servers answer).
        var models = ["fake-model"]
    }

    private let state: Mutex<State>
    private let running = Atomic<Bool>(false)
    private let acceptLoopDone = Atomic<Bool>(true)

    public init(script: FakeScript = FakeScript()) {
        state = Mutex(State(script: script))
    }

    deinit { stop() }

    /// Binds 127.0.0.1 (`port` 0 = any free port) and starts serving; returns the port.
    @discardableResult
    public func start(port: UInt16 = 0) throws -> Int {
        let (fd, actual) = try Socket.listenOnLoopback(port: port)
        state.withLock { $0.listenFD = fd; $0.port = actual }
        running.store(true, ordering: .sequentiallyConsistent)
        acceptLoopDone.store(false, ordering: .sequentiallyConsistent)
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "fake-llm-accept"
        thread.start()
        return Int(actual)
    }

    public var port: Int { Int(state.withLock { $0.port }) }
    /// `http://127.0.0.1:PORT` — what `ANTHROPIC_BASE_URL` / `OPENAI_BASE_URL` should be set to
    /// (OpenAI clients append `/v1` themselves only if configured so; see the adapters).
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public func enqueue(_ steps: FakeStep...) { enqueue(contentsOf: steps) }
    public func enqueue(contentsOf steps: [FakeStep]) { state.withLock { $0.script.steps += steps } }
    public func setFallback(_ step: FakeStep?) { state.withLock { $0.script.fallback = step } }
    /// Adds a route (checked before the queued steps; see `FakeScript.routes`).
    public func route(_ contains: String, _ steps: FakeStep...) {
        state.withLock { $0.script.routes = ($0.script.routes ?? []) + [FakeRoute(contains: contains, steps: steps)] }
    }
    public func requireAPIKey(_ key: String?) { state.withLock { $0.script.apiKey = key } }

    /// Provider requests received so far (control requests excluded).
    public var requests: [RecordedRequest] { state.withLock { $0.requests } }
    public var remainingSteps: Int { state.withLock { $0.script.steps.count } }
    /// Connections accepted since start (tests use it to prove that connections are reused).
    public var acceptedConnectionCount: Int { state.withLock { $0.acceptedConnections } }
    /// The most provider requests that were being answered at the same time.
    public var maxConcurrentRequests: Int { state.withLock { $0.maxInFlight } }
    /// The model ids `GET /v1/models` lists (a local server's loaded model).
    public func serveModels(_ ids: [String]) { state.withLock { $0.models = ids } }
    /// Client connections currently open (tests use it to prove a cancelled transfer hung up).
    public var openConnectionCount: Int { state.withLock { $0.openConnections.count } }

    /// Stops accepting, closes every open connection (waking hung handlers) and waits briefly
    /// for handlers to finish. Safe to call more than once.
    public func stop() {
        guard running.exchange(false, ordering: .sequentiallyConsistent) else { return }
        let deadline = Date().addingTimeInterval(2)
        while !acceptLoopDone.load(ordering: .sequentiallyConsistent) && Date() < deadline { usleep(2_000) }
        state.withLock { s in
            if s.listenFD >= 0 { close(s.listenFD) }
            s.listenFD = -1
            // Under the lock: a handler removes its fd from the set (under the lock) before closing
            // it, so every fd here is still open and ours.
            for fd in s.openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        while state.withLock({ $0.activeHandlers }) > 0 && Date() < deadline { usleep(2_000) }
    }

    /// `stop()` for async callers: it waits (briefly) for socket threads, so it runs on its own
    /// thread instead of blocking one of the few cooperative threads that tests share.
    public func stopServing() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread { [self] in
                stop()
                done.resume()
            }.start()
        }
    }

    func withState<T: Sendable>(_ body: (inout State) -> T) -> T {
        state.withLock { body(&$0) }
    }

    private var isRunning: Bool { running.load(ordering: .relaxed) }

    private func acceptLoop(_ listenFD: Int32) {
        defer { acceptLoopDone.store(true, ordering: .sequentiallyConsistent) }
        while isRunning {
            guard Socket.waitReadable(listenFD, timeoutMs: 20) else { continue }
            let client = accept(listenFD, nil, nil)
            guard client >= 0 else { continue }
            Socket.setNoDelay(client)
            state.withLock { $0.openConnections.insert(client); $0.activeHandlers += 1; $0.acceptedConnections += 1 }
            let thread = Thread { [self] in
                handle(client)
                state.withLock { $0.openConnections.remove(client); $0.activeHandlers -= 1 }
                close(client)
            }
            thread.start()
        }
    }

    /// Serves requests on one connection until the client closes it, asks to close it, or a
    /// fault leaves it unusable.
    private func handle(_ fd: Int32) {
        while isRunning {
            guard let request = RecordedRequest.read(from: fd, stillRunning: { isRunning }) else { return }
            let counted = !request.path.hasPrefix("/_fake/")
            if counted { state.withLock { $0.inFlight += 1; $0.maxInFlight = max($0.maxInFlight, $0.inFlight) } }
            var response = respond(to: request)
            response.keepAlive = response.endsCleanly && request.headers["connection"]?.lowercased() != "close"
            // A request stops counting as in flight just before its last piece goes out: the client
            // may finish (and send its next request) as soon as that piece arrives, before this
            // thread runs again.
            var finished = !counted
            let finish = { if !finished { finished = true; self.state.withLock { $0.inFlight -= 1 } } }
            let complete = response.write(to: fd, running: { isRunning }, finishing: finish)
            finish()
            guard complete && response.keepAlive else { return }
        }
    }
}
