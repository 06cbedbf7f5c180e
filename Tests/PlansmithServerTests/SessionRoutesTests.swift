import Foundation
import HTTPTypes
import HummingbirdWSClient
import LLM
import Logging
import Testing
@testable import PlansmithServer

@Suite("Critique sessions: start, status, events over WebSocket and SSE", .serialized)
struct SessionRoutesTests {
    /// Starts a session on logistics p02 (several rounds of critique) and returns its id.
    static func start(_ server: TestServer, key: String, rounds: Int = 3) async throws -> Int {
        let started = try await server.post("/v1/sessions", key: key, json: [
            "domain": try PDDLFixtures.logisticsDomain, "problem": try PDDLFixtures.logisticsProblem, "max_iterations": rounds,
        ])
        #expect(started.status == 202)
        #expect(started.json["events"] as? String != nil)
        return try #require(started.json["id"] as? Int)
    }

    @Test("a WebSocket client watches a session to its final event, and the events match the stored rounds")
    func webSocketToFinal() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let id = try await Self.start(server, key: key)
            let messages = MessageLog()
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(key)"
            var logger = Logger(label: "ws-test")
            logger.logLevel = .warning
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(server.port)/v1/sessions/\(id)/events",
                                              configuration: .init(maxFrameSize: 1 << 20, additionalHeaders: headers),
                                              logger: logger) { inbound, _, _ in
                for try await message in inbound.messages(maxSize: 1 << 22) {
                    if case .text(let text) = message { messages.append(text) }
                }
            }
            let events = messages.objects
            let types = events.compactMap { $0["type"] as? String }
            #expect(types.first == "session")
            #expect(types.last == "final", "the server closes after the final event")
            #expect(types.contains("round"))
            let final = try #require(events.last)
            #expect(final["valid"] as? Bool == true)
            #expect(final["session_id"] as? Int == id)
            #expect(!(final["plan"] as? [String] ?? []).isEmpty)
            // Every round the socket reported is stored, in order.
            let status = try await server.get("/v1/sessions/\(id)", key: key)
            let session = status.json["session"] as? [String: Any] ?? [:]
            #expect(session["status"] as? String == "completed")
            let storedRounds = (status.json["rounds"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "round" }
            let streamedRounds = events.filter { $0["type"] as? String == "round" }
            #expect(storedRounds.map { $0["iteration"] as? Int } == streamedRounds.map { $0["iteration"] as? Int })
            #expect(storedRounds.map { $0["cost"] as? Int } == streamedRounds.map { $0["cost"] as? Int })
        }
    }

    @Test("SSE replays a finished session's rounds and ends with its final event")
    func serverSentEvents() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let id = try await Self.start(server, key: key, rounds: 2)
            let reply = try await server.get("/v1/sessions/\(id)/events", key: key)
            #expect(reply.status == 200)
            #expect(reply.headers["Content-Type"] == "text/event-stream")
            let blocks = reply.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            let names = blocks.compactMap { $0.split(separator: "\n").first.map(String.init) }
            #expect(names.first == "event: session")
            #expect(names.last == "event: final")
            for block in blocks {
                let lines = block.split(separator: "\n")
                #expect(lines.count == 2 && lines[1].hasPrefix("data: {"))
            }
        }
    }

    @Test("SSE on a running session carries heartbeat comments between events and still ends with the final event")
    func serverSentEventsHeartbeat() async throws {
        try await TestServer.with(configure: { $0.eventHeartbeatInterval = .milliseconds(5) }) { server in
            let (_, key, _) = try await server.userWithKey()
            let id = try await Self.start(server, key: key, rounds: 3)
            let reply = try await server.get("/v1/sessions/\(id)/events", key: key)
            let blocks = reply.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(blocks.contains(": heartbeat"))
            let events = blocks.filter { $0 != ": heartbeat" }
            #expect(events.first?.hasPrefix("event: session") == true)
            #expect(events.last?.hasPrefix("event: final") == true)
            #expect(events.allSatisfy { $0.hasPrefix("event: ") && $0.contains("\ndata: {") })
        }
    }

    @Test("heartbeats come while the source is quiet; the merged stream ends with its source and releases it when dropped")
    func heartbeatMerging() async throws {
        let (source, sink) = AsyncStream<Int>.makeStream()
        let merged = source.withHeartbeats(every: .milliseconds(10))
        let producer = Task {
            try await Task.sleep(for: .milliseconds(150))
            sink.yield(7)
            sink.finish()
        }
        var beats = 0, elements: [Int] = []
        for await chunk in merged {
            switch chunk {
            case .element(let value): elements.append(value)
            case .heartbeat: beats += 1
            }
        }
        try await producer.value
        #expect(elements == [7] && beats >= 1)

        // A consumer that goes away (a client hanging up) stops the forwarding of its source.
        let (quiet, quietSink) = AsyncStream<Int>.makeStream()
        let released = AsyncStream<Void>.makeStream()
        quietSink.onTermination = { _ in released.continuation.yield(); released.continuation.finish() }
        let consumer = Task { for await _ in quiet.withHeartbeats(every: .milliseconds(10)) {} }
        try await Task.sleep(for: .milliseconds(30))
        consumer.cancel()
        var iterator = released.stream.makeAsyncIterator()
        #expect(await iterator.next() != nil)
    }

    @Test("list; cancelling a finished session is 409; resuming a stored domain's session starts a new one")
    func listCancelResume() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let created = try await server.post("/v1/domains", key: key, json: [
                "name": "logistics", "domain_pddl": try PDDLFixtures.logisticsDomain, "problem_pddl": try PDDLFixtures.logisticsProblem,
            ])
            let domainId = try #require(created.json["id"] as? Int)
            let started = try await server.post("/v1/sessions", key: key, json: ["domain_id": domainId, "max_iterations": 1])
            #expect(started.status == 202 && started.json["domain_name"] as? String == "logistics")
            let id = try #require(started.json["id"] as? Int)
            _ = try await server.get("/v1/sessions/\(id)/events", key: key)  // returns once the session is final
            let list = try await server.get("/v1/sessions?domain_id=\(domainId)", key: key)
            #expect((list.json["sessions"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
            let cancel = try await server.post("/v1/sessions/\(id)/cancel", key: key)
            #expect(cancel.status == 409 && cancel.errorCode == "conflict")
            let resumed = try await server.post("/v1/sessions/\(id)/resume", key: key)
            #expect(resumed.status == 202)
            let newId = try #require(resumed.json["id"] as? Int)
            #expect(newId != id)
            let chain = try await server.get("/v1/sessions/\(newId)", key: key)
            #expect(chain.json["chain"] as? [Int] == [id, newId])
        }
    }

    @Test("a session started from PDDL texts cannot be resumed (no stored domain): 409")
    func resumeWithoutDomain() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let id = try await Self.start(server, key: key, rounds: 1)
            _ = try await server.get("/v1/sessions/\(id)/events", key: key)
            let resumed = try await server.post("/v1/sessions/\(id)/resume", key: key)
            #expect(resumed.status == 409 && resumed.errorCode == "conflict")
        }
    }

    @Test("another user's session is 404 on every route, including the event stream")
    func foreignSession() async throws {
        try await TestServer.with { server in
            let (_, owner, _) = try await server.userWithKey("owner@example.com")
            let (_, stranger, _) = try await server.userWithKey("stranger@example.com")
            let id = try await Self.start(server, key: owner, rounds: 1)
            for (method, path) in [("GET", "/v1/sessions/\(id)"), ("GET", "/v1/sessions/\(id)/events"),
                                   ("POST", "/v1/sessions/\(id)/cancel"), ("POST", "/v1/sessions/\(id)/resume")] {
                let reply = try await server.request(method, path, key: stranger)
                #expect(reply.status == 404, "\(method) \(path) answered \(reply.status)")
            }
            #expect(try await server.get("/v1/sessions/999999", key: owner).status == 404)
        }
    }

    @Test("starting without a domain is 422")
    func badStart() async throws {
        try await TestServer.with { server in
            let (_, key, _) = try await server.userWithKey()
            let reply = try await server.post("/v1/sessions", key: key, json: ["max_iterations": 2])
            #expect(reply.status == 422 && reply.errorCode == "invalid_input")
            let broken = try await server.post("/v1/sessions", key: key, json: ["domain": "(define", "problem": "(define"])
            #expect(broken.status == 422)
        }
    }
}

/// Text messages received on the socket (the handler runs on another task).
final class MessageLog: @unchecked Sendable {
    // @unchecked: `texts` only under `lock`.
    private let lock = NSLock()
    private var texts: [String] = []

    func append(_ text: String) { lock.withLock { texts.append(text) } }

    var objects: [[String: Any]] {
        lock.withLock { texts }.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }
}
