import FakeLLMServer
import Foundation
import Testing
@testable import LLM
#if canImport(Glibc)
import Glibc
#endif

@Suite("Fake provider server itself")
struct FakeServerTests {
    @Test("listens on 127.0.0.1 only")
    func loopbackOnly() async throws {
        try await withFakeServer { server in
            // /proc/net/tcp lists local addresses as little-endian hex: 0100007F is 127.0.0.1.
            // (Read to the end by hand: String(contentsOfFile:) stops after one page of a /proc file.)
            let handle = try #require(FileHandle(forReadingAtPath: "/proc/net/tcp"))
            let table = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            let port = String(format: "%04X", server.port)
            let listening = table.split(separator: "\n").filter { $0.contains(":\(port) ") && $0.contains(" 0A ") }
            #expect(!listening.isEmpty)
            #expect(listening.allSatisfy { $0.contains("0100007F:\(port)") })
        }
    }

    @Test("rejects a request without anthropic-version or max_tokens like the real API")
    func validatesRequests() async throws {
        try await withFakeServer([.reply("kept for a valid request")]) { server in
            let body = #"{"model":"m","messages":[{"role":"user","content":"x"}]}"#
            let request = HTTPRequest(url: server.baseURL + "/v1/messages",
                                      headers: HTTPHeaders([("content-type", "application/json")]), body: Array(body.utf8))
            let response = try await CurlHTTPClient().send(request)
            #expect(response.status == 400)
            #expect(String(decoding: try await response.collectBody(), as: UTF8.self).contains("anthropic-version"))
            #expect(server.remainingSteps == 1 && server.requests.count == 1)
        }
    }

    @Test("stop reasons map, unknown values kept", arguments: [
        (ProviderKind.anthropic, "max_tokens", StopReason.maxTokens), (.anthropic, "refusal", .refusal),
        (.anthropic, "brand_new", .other("brand_new")), (.openAI, "length", .maxTokens),
        (.openAI, "content_filter", .contentFilter), (.openAI, "stop", .endTurn),
    ])
    func stopReasons(kind: ProviderKind, wire: String, expected: StopReason) async throws {
        try await withFakeServer([FakeStep(text: "t", stopReason: wire)]) { server in
            let reply = try await fakeEndpoint(server, kind).makeAdapter()
                .complete(ChatRequest(messages: [.user("x")]), model: "m", onText: { _ in })
            #expect(reply.stopReason == expected)
        }
    }

    @Test("a non-streaming body cut short of its Content-Length is a lost connection")
    func fixedBodyDisconnect() async throws {
        try await withFakeServer([FakeStep(text: "a reply long enough to cut", fault: .disconnect)]) { server in
            await #expect(throws: ProviderError.self) {
                try await fakeEndpoint(server, .openAI).makeAdapter()
                    .complete(ChatRequest(messages: [.user("x")], stream: false), model: "m", onText: { _ in })
            }
        }
    }
}

@Suite("Connect timeout")
struct ConnectTimeoutTests {
    @Test("a listener whose accept queue is full makes connect time out as a connect timeout")
    func connectTimeout() async throws {
        // A socket that listens with backlog 0 and never accepts: once its queue holds a
        // connection, the kernel drops further SYNs, so the next connect hangs.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        listen(fd, 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = UInt16(bigEndian: address.sin_port)
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<3 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, length) } }
            fillers.append(filler)
        }
        try await Task.sleep(for: .milliseconds(50))
        let request = HTTPRequest(url: "http://127.0.0.1:\(port)/v1/messages", body: Array("{}".utf8),
                                  timeouts: HTTPTimeouts(connect: .milliseconds(300), total: .seconds(5), idle: .seconds(5)))
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: TransportError.timedOut(.connect)) { _ = try await CurlHTTPClient().send(request) }
        #expect(clock.now - start < .seconds(2))
    }
}
