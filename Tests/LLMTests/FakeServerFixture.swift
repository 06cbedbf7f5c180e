import FakeLLMServer
import Foundation
@testable import LLM

/// Starts a fake provider server on 127.0.0.1 (random port) for one test and stops it after.
@discardableResult
func withFakeServer<T>(_ steps: [FakeStep] = [], apiKey: String? = nil,
                       _ body: (FakeLLMServer) async throws -> T) async throws -> T {
    let server = FakeLLMServer(script: FakeScript(steps: steps, apiKey: apiKey))
    try server.start()
    do {
        let result = try await body(server)
        await server.stopServing()
        return result
    } catch {
        await server.stopServing()
        throw error
    }
}

/// A valid Anthropic Messages request for the fake server.
func anthropicRequest(_ server: FakeLLMServer, stream: Bool = true,
                      timeouts: HTTPTimeouts = HTTPTimeouts()) -> HTTPRequest {
    let body = #"{"model":"claude-test","max_tokens":64,"stream":\#(stream),"messages":[{"role":"user","content":"hi"}]}"#
    return HTTPRequest(url: server.baseURL + "/v1/messages",
                       headers: HTTPHeaders([("content-type", "application/json"), ("x-api-key", "sk-test-key-0000"),
                                             ("anthropic-version", "2023-06-01")]),
                       body: Array(body.utf8), timeouts: timeouts)
}

/// Waits (polling) until `condition` holds or `timeout` passes; returns whether it held.
func eventually(within timeout: Duration = .seconds(2), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

/// An endpoint of `kind` pointing at the fake server, with the base URL convention of that kind.
func fakeEndpoint(_ server: FakeLLMServer, _ kind: ProviderKind, name: String? = nil,
                  key: String = "sk-test-key-0000", timeouts: HTTPTimeouts = HTTPTimeouts()) -> ProviderEndpoint {
    ProviderEndpoint(name: name ?? kind.rawValue, kind: kind,
                     baseURL: kind == .anthropic ? server.baseURL : server.baseURL + "/v1",
                     apiKey: APIKey(key), timeouts: timeouts)
}

/// Collects streamed text fragments from a `@Sendable` callback.
final class FragmentLog: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

/// Two fake providers (an Anthropic-format primary, an OpenAI-format secondary) and a router
/// configured for them through config TOML + environment, with a manual clock.
struct RouterFixture {
    static let anthropicKey = "sk-ant-test-SECRET-1234abcd"
    static let openAIKey = "sk-oai-test-SECRET-5678wxyz"

    let primary = FakeLLMServer()
    let secondary = FakeLLMServer()
    let clock = ManualClock()
    let recorder = InMemoryUsageRecorder()
    let eventLog = EventLog()

    var environment: [String: String] {
        ["ANTHROPIC_API_KEY": Self.anthropicKey, "ANTHROPIC_BASE_URL": primary.baseURL,
         "OPENAI_API_KEY": Self.openAIKey, "OPENAI_BASE_URL": secondary.baseURL + "/v1"]
    }

    static let baseTOML = """
    [llm]
    preference = ["anthropic", "openai"]
    max_retries = 2
    [llm.timeouts]
    connect_seconds = 2
    idle_seconds = 0.4
    total_seconds = 10
    [llm.tiers]
    planner = ["anthropic/claude-sonnet-4-5", "openai/gpt-4.1"]
    critic = ["anthropic/claude-haiku-4-5", "openai/gpt-5-mini"]
    """

    init() throws {
        try primary.start()
        try secondary.start()
    }

    /// `llmSettings` go into the `[llm]` table itself; `extraTOML` adds tables after it.
    func router(extraTOML: String = "", llmSettings: String = "",
                environment overrides: [String: String] = [:]) throws -> LLMRouter {
        let env = environment.merging(overrides) { _, new in new }
        let base = Self.baseTOML.replacingOccurrences(of: "max_retries = 2", with: "max_retries = 2\n" + llmSettings)
        let configuration = try LLMConfiguration.load(configText: base + "\n" + extraTOML, environment: env)
        return LLMRouter(configuration: configuration, recorder: recorder, events: { [eventLog] in eventLog.append($0) },
                         environment: clock.environment(random: 0.5))
    }

    func stop() async {
        await primary.stopServing()
        await secondary.stopServing()
    }
}

final class EventLog: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var items: [LLMEvent] = []
    func append(_ e: LLMEvent) { lock.lock(); items.append(e); lock.unlock() }
    var all: [LLMEvent] { lock.lock(); defer { lock.unlock() }; return items }
    var failoverActions: [FailureAction] {
        all.compactMap { if case .attemptFailed(_, _, _, let action) = $0 { return action }; return nil }
    }
}

/// Runs `body` with a fresh `RouterFixture`, stopping its servers afterwards.
@discardableResult
func withRouterFixture<T>(_ body: (RouterFixture) async throws -> T) async throws -> T {
    let fixture = try RouterFixture()
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}
