import FakeLLMServer
import Foundation
import Testing
@testable import LLM

@Suite("Provider adapters over real HTTP")
struct ProviderAdapterTests {
    static let kinds: [ProviderKind] = [.anthropic, .openAI]
    let question = ChatRequest(messages: [.system("Be brief."), .user("Say hello")], maxTokens: 50)

    private func complete(_ server: FakeLLMServer, _ kind: ProviderKind, _ request: ChatRequest,
                          log: FragmentLog = FragmentLog()) async throws -> ChatReply {
        try await fakeEndpoint(server, kind).makeAdapter()
            .complete(request, model: "test-model", onText: { log.append($0) })
    }

    @Test("non-streaming reply carries text, usage, stop reason and request id", arguments: kinds)
    func nonStreaming(kind: ProviderKind) async throws {
        try await withFakeServer([.reply("Hello there", inputTokens: 21, outputTokens: 4)]) { server in
            var request = question
            request.stream = false
            let reply = try await complete(server, kind, request)
            #expect(reply.text == "Hello there")
            #expect(reply.usage == TokenUsage(inputTokens: 21, outputTokens: 4))
            #expect(reply.stopReason == .endTurn)
            #expect(reply.requestID == "req_fake_1")
            let sent = try #require(server.requests.first?.json)
            #expect(sent["model"] as? String == "test-model")
            #expect(sent["stream"] == nil)
        }
    }

    @Test("streaming delivers fragments in order and usage from the final events", arguments: kinds)
    func streaming(kind: ProviderKind) async throws {
        try await withFakeServer([FakeStep(text: "The quick brown fox", chunkSize: 3, inputTokens: 30, outputTokens: 9)]) { server in
            let log = FragmentLog()
            let reply = try await complete(server, kind, question, log: log)
            #expect(log.all.count == 7)
            #expect(log.all.joined() == "The quick brown fox")
            #expect(reply.text == "The quick brown fox")
            #expect(reply.usage.inputTokens == 30 && reply.usage.outputTokens == 9 && reply.usage.isKnown)
        }
    }

    @Test("a stream sent one byte per write with CRLF line endings decodes the same", arguments: kinds)
    func byteByByteCRLF(kind: ProviderKind) async throws {
        try await withFakeServer([FakeStep(text: "héllo wörld", byteByByte: true, crlf: true)]) { server in
            let reply = try await complete(server, kind, question)
            #expect(reply.text == "héllo wörld")
        }
    }

    @Test("Anthropic requests carry the key header, version, top-level system and max_tokens")
    func anthropicRequestShape() async throws {
        try await withFakeServer { server in
            _ = try await complete(server, .anthropic, question)
            let sent = try #require(server.requests.first)
            #expect(sent.path == "/v1/messages")
            #expect(sent.headers["x-api-key"] == "sk-test-key-0000")
            #expect(sent.headers["anthropic-version"] == "2023-06-01")
            let body = try #require(sent.json)
            #expect(body["system"] as? String == "Be brief.")
            #expect((body["messages"] as? [[String: Any]])?.count == 1)
            #expect(body["max_tokens"] as? Int == 50)
        }
    }

    @Test("OpenAI requests carry a bearer token, the configured max-tokens field and include_usage")
    func openAIRequestShape() async throws {
        try await withFakeServer { server in
            _ = try await complete(server, .openAI, question)
            let sent = try #require(server.requests.first)
            #expect(sent.path == "/v1/chat/completions")
            #expect(sent.headers["authorization"] == "Bearer sk-test-key-0000")
            let body = try #require(sent.json)
            #expect(body["max_tokens"] as? Int == 50)  // a local base URL: not max_completion_tokens
            #expect((body["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
        }
    }

    @Test("structured output comes back as JSON in both formats, streamed and not",
          arguments: kinds, [true, false])
    func structured(kind: ProviderKind, stream: Bool) async throws {
        let json = #"{"steps":["(move a b)","(move b c)"],"cost":2}"#
        try await withFakeServer([.structured(json, toolName: "emit_plan")]) { server in
            var request = question
            request.stream = stream
            request.structuredOutput = StructuredOutputSpec(name: "emit_plan", schema: ["type": "object"])
            let reply = try await complete(server, kind, request)
            #expect(reply.structured == (try JSONValue.parse(json)))
            let body = try #require(server.requests.first?.json)
            if kind == .anthropic {
                #expect((body["tool_choice"] as? [String: Any])?["name"] as? String == "emit_plan")
            } else {
                #expect((body["response_format"] as? [String: Any])?["type"] as? String == "json_schema")
            }
        }
    }

    @Test("an error event inside a 200 stream is a stream error", arguments: kinds)
    func inStreamError(kind: ProviderKind) async throws {
        try await withFakeServer([FakeStep(fault: .streamError)]) { server in
            await #expect { try await complete(server, kind, question) } throws: { error in
                if case .streamError = error as? ProviderError { return true }
                return false
            }
        }
    }

    @Test("a stream that ends without its terminator is truncated, keeping the partial text", arguments: kinds)
    func truncated(kind: ProviderKind) async throws {
        try await withFakeServer([FakeStep(text: "half an answer", fault: .truncated)]) { server in
            await #expect(throws: ProviderError.truncated(partialText: "half an answer")) {
                try await complete(server, kind, question)
            }
        }
    }

    @Test("a mid-stream disconnect is a lost connection", arguments: kinds)
    func disconnect(kind: ProviderKind) async throws {
        try await withFakeServer([FakeStep(text: "a long answer cut", fault: .disconnect, disconnectAfterEvents: 2)]) { server in
            await #expect { try await complete(server, kind, question) } throws: { error in
                if case .transport(.connectionLost) = error as? ProviderError { return true }
                return false
            }
        }
    }

    @Test("a bad event mid-stream stops the transfer instead of reading on")
    func badEventStopsTransfer() async throws {
        let step = FakeStep(text: String(repeating: "x", count: 200), chunkSize: 1, fault: .malformedJSON, chunkDelayMs: 20)
        try await withFakeServer([step]) { server in
            await #expect(throws: ProviderError.self) { try await complete(server, .anthropic, question) }
            #expect(await eventually(within: .milliseconds(500)) { server.openConnectionCount == 0 })
        }
    }

    @Test("malformed JSON is reported as a malformed response, streamed or not",
          arguments: kinds, [true, false])
    func malformed(kind: ProviderKind, stream: Bool) async throws {
        try await withFakeServer([FakeStep(text: "some text here", fault: .malformedJSON)]) { server in
            var request = question
            request.stream = stream
            await #expect { try await complete(server, kind, request) } throws: { error in
                if case .malformedResponse = error as? ProviderError { return true }
                // Non-streaming: half a body under a full Content-Length may also end as a lost connection.
                if case .transport(.connectionLost) = error as? ProviderError { return !stream }
                return false
            }
        }
    }

    @Test("an HTML page with status 200 is an unexpected content type", arguments: kinds)
    func wrongContentType(kind: ProviderKind) async throws {
        try await withFakeServer([FakeStep(fault: .wrongContentType)]) { server in
            await #expect(throws: ProviderError.unexpectedContentType("text/html")) {
                try await complete(server, kind, question)
            }
        }
    }

    @Test("an error status keeps type, code, retry-after and request id", arguments: kinds)
    func httpError(kind: ProviderKind) async throws {
        try await withFakeServer([.error(429, retryAfter: "1.5", code: "insufficient_quota")]) { server in
            await #expect { try await complete(server, kind, question) } throws: { error in
                guard case let .http(status, _, code, _, retryAfter, _, requestID) = error as? ProviderError else { return false }
                return status == 429 && code == "insufficient_quota" && retryAfter == .milliseconds(1500)
                    && requestID == "req_fake_1"
            }
        }
    }

    @Test("an echoed API key never appears in the error or its description", arguments: kinds)
    func keyNeverInErrors(kind: ProviderKind) async throws {
        let key = "sk-live-SECRETSECRET-9876abcd"
        try await withFakeServer(apiKey: "sk-the-right-one-000000") { server in
            let endpoint = fakeEndpoint(server, kind, key: key)
            do {
                _ = try await endpoint.makeAdapter().complete(question, model: "m", onText: { _ in })
                Issue.record("expected a 401")
            } catch {
                let texts = [String(describing: error), String(reflecting: error), "\(error)", endpoint.description]
                for text in texts {
                    #expect(!text.contains(key))
                    #expect(!text.contains("SECRETSECRET"))
                }
                #expect(String(describing: error).contains("HTTP 401"))
            }
        }
    }
}
