import FakeLLMServer
import Foundation
import Testing
@testable import LLM

@Suite("HTTP over libcurl against the fake server")
struct CurlHTTPClientTests {
    let client = CurlHTTPClient()

    @Test("streams a body incrementally and exposes status and headers")
    func streamsIncrementally() async throws {
        try await withFakeServer([FakeStep(text: "abcdefghijkl", chunkSize: 3, chunkDelayMs: 40)]) { server in
            let response = try await client.send(anthropicRequest(server))
            #expect(response.status == 200)
            #expect(response.headers["Content-Type"] == "text/event-stream")
            #expect(response.headers["REQUEST-ID"] == "req_fake_1")
            var chunks = 0
            var text = ""
            for try await chunk in response.body {
                chunks += 1
                text += String(decoding: chunk, as: UTF8.self)
            }
            #expect(chunks >= 8)  // one network chunk per delayed event, not one big body
            #expect(text.contains("message_stop"))
            let sent = try #require(server.requests.first)
            #expect(sent.headers["x-api-key"] == "sk-test-key-0000")
            #expect(sent.json?["max_tokens"] as? Int == 64)
        }
    }

    @Test("reports error statuses with their retry-after header instead of failing")
    func errorStatusWithRetryAfter() async throws {
        try await withFakeServer([.error(429, retryAfter: "7")]) { server in
            let response = try await client.send(anthropicRequest(server, stream: false))
            #expect(response.status == 429)
            #expect(response.headers["retry-after"] == "7")
            let body = String(decoding: try await response.collectBody(), as: UTF8.self)
            #expect(body.contains("rate_limit_error"))
        }
    }

    @Test("sequential requests to one server reuse the connection; a cancelled one does not poison it")
    func reusesConnections() async throws {
        let client = CurlHTTPClient(isolatedPool: true)  // other tests running in parallel share the default pool
        try await withFakeServer([.reply("one"), .reply("two"), FakeStep(fault: .headersThenStall), .reply("four")]) { server in
            for _ in 0..<2 {
                let response = try await client.send(anthropicRequest(server, stream: false))
                _ = try await response.collectBody()
            }
            #expect(server.acceptedConnectionCount == 1)
            let stalled = try await client.send(anthropicRequest(server, stream: false))
            stalled.cancel()
            let response = try await client.send(anthropicRequest(server, stream: false))
            #expect(String(decoding: try await response.collectBody(), as: UTF8.self).contains("four"))
            #expect(server.acceptedConnectionCount == 2)  // the cancelled transfer's connection was dropped
            var fresh = anthropicRequest(server, stream: false)
            fresh.reuseConnection = false
            _ = try await client.send(fresh).collectBody()
            #expect(server.acceptedConnectionCount == 3)
        }
    }

    @Test("cancel stops a stalled stream and closes the connection within 200 ms")
    func cancelWithin200ms() async throws {
        try await withFakeServer([FakeStep(fault: .headersThenStall)]) { server in
            let response = try await client.send(anthropicRequest(server))
            let reader = Task { () -> Error? in
                do { for try await _ in response.body {} ; return nil } catch { return error }
            }
            try await Task.sleep(for: .milliseconds(100))
            let clock = ContinuousClock()
            let start = clock.now
            response.cancel()
            let error = await reader.value
            let elapsed = clock.now - start
            #expect(error as? TransportError == .cancelled)
            print("measured: stalled stream ended \(elapsed) after cancel()")
            #expect(elapsed < .milliseconds(200), "stream ended \(elapsed) after cancel")
            // The socket itself closes on the curl thread's next wake-up (poll interval 20 ms).
            #expect(await eventually(within: .milliseconds(500)) { server.openConnectionCount == 0 })
        }
    }

    @Test("cancelling the task stops a slowly streaming response within 200 ms")
    func taskCancellation() async throws {
        let step = FakeStep(text: String(repeating: "token ", count: 200), chunkSize: 6, chunkDelayMs: 50)
        try await withFakeServer([step]) { server in
            let started = AsyncStream<Void>.makeStream()
            let task = Task { () -> Error? in
                do {
                    let response = try await client.send(anthropicRequest(server))
                    for try await _ in response.body { started.continuation.yield() }
                    return nil
                } catch { return error }
            }
            for await _ in started.stream { break }
            let clock = ContinuousClock()
            let start = clock.now
            task.cancel()
            _ = await task.value
            print("measured: streaming task ended \(clock.now - start) after Task.cancel()")
            #expect(clock.now - start < .milliseconds(200))
            #expect(await eventually(within: .milliseconds(500)) { server.openConnectionCount == 0 })
        }
    }

    @Test("an idle stream times out after the idle limit, not the total limit")
    func idleTimeout() async throws {
        try await withFakeServer([FakeStep(fault: .headersThenStall)]) { server in
            let timeouts = HTTPTimeouts(connect: .seconds(2), total: .seconds(30), idle: .milliseconds(300))
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await client.send(anthropicRequest(server, timeouts: timeouts))
            await #expect(throws: TransportError.timedOut(.idle)) {
                for try await _ in response.body {}
            }
            let elapsed = clock.now - start
            #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(3))  // far below the 30 s total
        }
    }

    @Test("a server that never answers hits the idle (first byte) timeout")
    func hangBeforeHead() async throws {
        try await withFakeServer([FakeStep(fault: .hang)]) { server in
            let timeouts = HTTPTimeouts(connect: .seconds(2), total: .seconds(30), idle: .milliseconds(250))
            await #expect(throws: TransportError.timedOut(.idle)) {
                _ = try await client.send(anthropicRequest(server, timeouts: timeouts))
            }
        }
    }

    @Test("a slow but alive stream is cut by the total timeout")
    func totalTimeout() async throws {
        let step = FakeStep(text: String(repeating: "x", count: 100), chunkSize: 1, chunkDelayMs: 50)
        try await withFakeServer([step]) { server in
            let timeouts = HTTPTimeouts(connect: .seconds(2), total: .milliseconds(400), idle: .seconds(5))
            let response = try await client.send(anthropicRequest(server, timeouts: timeouts))
            await #expect(throws: TransportError.timedOut(.total)) {
                for try await _ in response.body {}
            }
        }
    }

    @Test("a refused connection is a connection failure")
    func connectionRefused() async throws {
        let refusing = try #require(RefusingPort())
        defer { refusing.close() }
        let request = HTTPRequest(url: "http://127.0.0.1:\(refusing.port)/v1/messages", body: Array("{}".utf8))
        await #expect {
            _ = try await client.send(request)
        } throws: { error in
            if case .connectionFailed = error as? TransportError { return true }
            return false
        }
    }

    @Test("a connection closed mid-body is a lost connection")
    func midStreamDisconnect() async throws {
        try await withFakeServer([FakeStep(text: "one two three four", fault: .disconnect, disconnectAfterEvents: 3)]) { server in
            let response = try await client.send(anthropicRequest(server))
            await #expect {
                for try await _ in response.body {}
            } throws: { error in
                if case .connectionLost = error as? TransportError { return true }
                return false
            }
        }
    }
}
