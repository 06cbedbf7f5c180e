import Foundation
import LLM
import Logging
import PlansmithCore
import PlansmithServer
import ServiceLifecycle
import Store

/// A fresh temporary directory, removed when released.
final class TemporaryDirectory: @unchecked Sendable {
    // @unchecked: immutable after init.
    let path: String

    init() {
        path = NSTemporaryDirectory() + "plansmith-server-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A real `plansmith serve` in-process: a fresh SQLite file, the server on a free loopback
/// port, and a libcurl client talking HTTP to it. Always run through `TestServer.with`, which
/// shuts the server down gracefully (and so flushes the usage log) whatever the test did.
final class TestServer: Sendable {
    let directory: TemporaryDirectory
    let store: Store
    let clock: InjectedClock
    let server: APIServer
    let port: Int
    let group: ServiceGroup
    let running: Task<Void, Error>
    let client = CurlHTTPClient(reuseConnections: true, isolatedPool: true)

    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(directory: TemporaryDirectory, store: Store, clock: InjectedClock, server: APIServer, port: Int,
                 group: ServiceGroup, running: Task<Void, Error>) {
        self.directory = directory; self.store = store; self.clock = clock; self.server = server
        self.port = port; self.group = group; self.running = running
    }

    /// Starts a server, runs `body`, stops the server. `configure` adjusts the configuration;
    /// `limiter` replaces the 60 s limiter (for the real-time check over a short window).
    static func with<T>(configure: (inout ServerConfiguration) -> Void = { _ in },
                        limiter: (any RequestLimiter)? = nil,
                        _ body: (TestServer) async throws -> T) async throws -> T {
        let server = try await start(configure: configure, limiter: limiter)
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    static func start(configure: (inout ServerConfiguration) -> Void, limiter: (any RequestLimiter)?) async throws -> TestServer {
        let directory = TemporaryDirectory()
        let clock = InjectedClock(Date())
        var options = StoreOptions()
        options.clock = clock
        options.passwordCost = .testing
        let store = try Store.open(DatabaseLocation(path: directory.path + "/plansmith.sqlite", createsDirectory: false),
                                   options: options)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.clock = clock
        configuration.usageFlushInterval = .milliseconds(50)
        configure(&configuration)
        var logger = Logger(label: "plansmith.server.test")
        logger.logLevel = .warning
        let server = APIServer(services: AppServices.live(store: store, models: nil), configuration: configuration, version: "test", limiter: limiter, logger: logger)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let services = server.lifecycle { port in portSink.yield(port); portSink.finish() }
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            running.cancel()
            throw TestServerError.didNotStart
        }
        return TestServer(directory: directory, store: store, clock: clock, server: server, port: port,
                          group: group, running: running)
    }

    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await running.value
    }

    // MARK: - Users and keys

    /// A registered user with an API key (default limit unless given).
    func userWithKey(_ email: String = "ada@example.com", rateLimit: Int = 1000,
                     expiresAt: Date? = nil) async throws -> (user: User, key: String, keyId: Int64) {
        var found = try await store.accounts.user(email: email)
        if found == nil { found = try await store.accounts.register(email: email, password: "correct horse battery") }
        let user = found!
        let created = try await store.apiKeys.create(userId: user.id!, name: "test", rateLimit: rateLimit, expiresAt: expiresAt)
        return (user, created.plaintext, created.key.id!)
    }

    // MARK: - HTTP

    struct Reply: Sendable {
        let status: Int
        let headers: LLM.HTTPHeaders
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body parsed as a JSON object (empty when it is not one).
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }

        /// `error.code` of the error envelope.
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
    }

    func request(_ method: String, _ path: String, key: String? = nil, json: Any? = nil, rawBody: [UInt8]? = nil,
                 contentType: String? = nil, headers extra: [(String, String)] = []) async throws -> Reply {
        var headers = LLM.HTTPHeaders()
        if let key { headers.add("Authorization", "Bearer \(key)") }
        var body: [UInt8] = []
        if let json {
            body = Array(try JSONSerialization.data(withJSONObject: json))
            headers.add("Content-Type", contentType ?? "application/json")
        } else if let rawBody {
            body = rawBody
            if let contentType { headers.add("Content-Type", contentType) }
        }
        // curl would otherwise wait up to a second for "100 Continue" before sending large bodies.
        headers.add("Expect", "")
        for (name, value) in extra { headers.add(name, value) }
        let response = try await client.send(HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body,
                                                         timeouts: HTTPTimeouts(connect: .seconds(5), total: .seconds(60), idle: .seconds(30))))
        let bytes = try await response.collectBody()
        return Reply(status: response.status, headers: response.headers, body: bytes)
    }

    func get(_ path: String, key: String? = nil) async throws -> Reply {
        try await request("GET", path, key: key)
    }

    func post(_ path: String, key: String? = nil, json: Any = [String: Any]()) async throws -> Reply {
        try await request("POST", path, key: key, json: json)
    }
}

enum TestServerError: Error { case didNotStart }
