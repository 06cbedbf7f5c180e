#if canImport(Glibc)
import Glibc
#endif
import FakeLLMServer
import Foundation
import Testing
@testable import LLM

@Suite("Router retries and failover over real HTTP")
struct RouterRetryTests {
    let hello = ChatRequest(messages: [.user("hello")], maxTokens: 20, stream: false)

    @Test("waits exactly the retry-after of a 429, then succeeds on the same provider")
    func honoursRetryAfter() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(.error(429, retryAfter: "1"), .reply("done"))
            let result = try await f.router().complete(hello, tier: "planner")
            #expect(result.reply.text == "done")
            #expect(result.target == ModelTarget(provider: "anthropic", model: "claude-sonnet-4-5"))
            #expect(result.attempts == 2)
            #expect(f.clock.sleeps == [.seconds(1)])
            #expect(f.secondary.requests.isEmpty)
        }
    }

    @Test("retry-after-ms is honoured too")
    func honoursRetryAfterMs() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(FakeStep(status: 529, headers: ["retry-after-ms": "250"]), .reply("done"))
            _ = try await f.router().complete(hello)
            #expect(f.clock.sleeps == [.milliseconds(250)])
        }
    }

    @Test("backs off exponentially with jitter on 500 and 529")
    func exponentialBackoff() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(.error(500), .error(529), .reply("finally"))
            let result = try await f.router().complete(hello)
            #expect(result.reply.text == "finally" && result.attempts == 3)
            // min(0.5 s · 2ⁿ, 8 s) · (1 − 0.25 · 0.5)
            #expect(f.clock.sleeps == [.milliseconds(437.5), .milliseconds(875)])
        }
    }

    @Test("fails over to the next provider after max_retries + 1 attempts")
    func failsOverAfterRetries() async throws {
        try await withRouterFixture { f in
            f.primary.setFallback(.error(503))
            f.secondary.enqueue(.reply("from openai"))
            let result = try await f.router().complete(hello, tier: "planner")
            #expect(f.primary.requests.count == 3)
            #expect(result.target == ModelTarget(provider: "openai", model: "gpt-4.1"))
            #expect(result.reply.text == "from openai")
            #expect(result.attempts == 4)
            #expect(f.eventLog.failoverActions.last == .failover)
        }
    }

    @Test("does not retry or fail over on 400; throws the rejection at once")
    func noRetryOn400() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(.error(400, message: "messages: bad"))
            await #expect { try await f.router().complete(hello) } throws: { error in
                if case .rejected(_, .http(400, _, _, _, _, _, _)) = error as? LLMError { return true }
                return false
            }
            #expect(f.primary.requests.count == 1 && f.secondary.requests.isEmpty)
            #expect(f.clock.sleeps.isEmpty)
        }
    }

    @Test("401 and 403 are not retried; the next provider is tried", arguments: [401, 403])
    func authFailsOver(status: Int) async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(.error(status))
            let result = try await f.router().complete(hello)
            #expect(f.primary.requests.count == 1)
            #expect(result.target.provider == "openai")
            #expect(f.clock.sleeps.isEmpty)
        }
    }

    @Test("a retry-after beyond 60 s, a spent quota, or x-should-retry false fail over without waiting",
          arguments: [FakeStep.error(429, retryAfter: "600"), .error(429, code: "insufficient_quota"),
                      FakeStep(status: 500, headers: ["x-should-retry": "false"])])
    func failsOverWithoutRetry(step: FakeStep) async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(step)
            let result = try await f.router().complete(hello)
            #expect(f.primary.requests.count == 1 && result.target.provider == "openai")
            #expect(f.clock.sleeps.isEmpty)
        }
    }

    @Test("x-should-retry true makes even a 400 retryable")
    func shouldRetryTrue() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(FakeStep(status: 400, headers: ["x-should-retry": "true"]), .reply("ok now"))
            let result = try await f.router().complete(hello)
            #expect(result.reply.text == "ok now" && f.primary.requests.count == 2)
        }
    }

    @Test("a hung server times out (idle) and the call is retried",
          arguments: [FakeFault.hang, .headersThenStall])
    func hangIsRetried(fault: FakeFault) async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(FakeStep(fault: fault), .reply("second try"))
            let result = try await f.router().complete(hello)
            #expect(result.reply.text == "second try" && result.attempts == 2)
        }
    }

    @Test("faulty answers are retried", arguments: [FakeFault.disconnect, .malformedJSON, .truncated,
                                                     .wrongContentType, .streamError, .emptyBody])
    func faultsAreRetried(fault: FakeFault) async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(FakeStep(text: "some partial text", fault: fault), .reply("clean"))
            var request = hello
            request.stream = fault != .emptyBody
            let result = try await f.router().complete(request)
            #expect(result.reply.text == "clean" && result.attempts == 2)
        }
    }

    @Test("a refused connection fails over to the next provider")
    func connectionRefusedFailsOver() async throws {
        try await withRouterFixture { f in
            // A port that is bound but not listening refuses connections, and staying bound keeps
            // a server of a test running in parallel from being given the same port.
            let refusing = try #require(RefusingPort())
            defer { refusing.close() }
            let router = try f.router(environment: ["ANTHROPIC_BASE_URL": "http://127.0.0.1:\(refusing.port)"])
            let result = try await router.complete(hello)
            #expect(result.target.provider == "openai")
        }
    }

    @Test("a stream retried after partial output signals a restart before the new text")
    func streamRestart() async throws {
        try await withRouterFixture { f in
            f.primary.enqueue(FakeStep(text: "abcdefghijkl", chunkSize: 2, fault: .disconnect, disconnectAfterEvents: 5),
                              FakeStep(text: "fresh answer", chunkSize: 4))
            let log = DeltaLog()
            var request = hello
            request.stream = true
            let result = try await f.router().complete(request, onText: { log.append($0) })
            let deltas = log.all
            let restart = try #require(deltas.firstIndex(of: .restart))
            #expect(restart > 0)
            let after = deltas[(restart + 1)...].compactMap { if case .text(let t) = $0 { return t }; return nil }
            #expect(after.joined() == "fresh answer" && result.reply.text == "fresh answer")
        }
    }
}

final class DeltaLog: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var items: [TextDelta] = []
    func append(_ d: TextDelta) { lock.lock(); items.append(d); lock.unlock() }
    var all: [TextDelta] { lock.lock(); defer { lock.unlock() }; return items }
}

/// A loopback TCP port bound by this process without listening: connecting to it is refused.
struct RefusingPort {
    let descriptor: Int32
    let port: Int

    init?() {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { Glibc.close(fd); return nil }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
