import FakeLLMServer
import Testing
@testable import LLM

@Suite("API keys never leak")
struct RedactionTests {
    @Test("a key shows as its first three and last four characters only")
    func redactedForm() {
        let key = APIKey("sk-ant-api03-SECRETSECRETSECRET-abcd")
        #expect(key.redacted == "sk-…abcd")
        #expect("\(key)" == "sk-…abcd")
        #expect(String(reflecting: key) == "APIKey(sk-…abcd)")
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("SECRET"))
        #expect(APIKey("short").redacted == "…")
    }

    @Test("scrubbing removes the key and masked fragments of it from provider messages")
    func scrubbing() {
        let key = APIKey("sk-proj-ABCDEFGHIJKLMNOP-wxyz")
        let message = "Incorrect API key provided: sk-proj-ABCDEFGHIJKLMNOP-wxyz. Also sk-proj-ABCD****MNOP-wxyz"
        let clean = key.scrub(message)
        #expect(!clean.contains("ABCDEFGHIJKLMNOP"))
        #expect(!clean.contains("sk-proj-ABCD"))
    }

    @Test("errors, events, usage rows and ping results from a rejected key never contain it")
    func nothingLeaksThroughTheRouter() async throws {
        try await withRouterFixture { f in
            f.primary.requireAPIKey("sk-the-right-key-00000000")
            f.secondary.requireAPIKey("sk-the-right-key-00000000")
            let router = try f.router()
            var texts: [String] = []
            do {
                _ = try await router.complete(ChatRequest(messages: [.user("hi")], stream: false))
                Issue.record("expected failure")
            } catch {
                texts += [String(describing: error), String(reflecting: error)]
            }
            texts += f.eventLog.all.map { String(describing: $0) }
            texts += await f.recorder.records.map { String(describing: $0) }
            texts += await router.ping().flatMap { [$0.jsonText, $0.summary] }
            texts += router.listModels().map(\.summary)
            texts += router.configuration.providers.map { String(describing: $0) }
            #expect(texts.contains { $0.contains("401") })
            for text in texts {
                #expect(!text.contains(RouterFixture.anthropicKey), "\(text)")
                #expect(!text.contains(RouterFixture.openAIKey), "\(text)")
                #expect(!text.contains("SECRET"), "\(text)")
            }
        }
    }
}
