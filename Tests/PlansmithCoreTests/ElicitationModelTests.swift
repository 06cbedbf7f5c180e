import Elicitation
import FakeLLMServer
import Foundation
import LLM
@testable import PlansmithCore
import Testing

/// Free-text elicitation over real HTTP to the fake server, as a local provider: the request asks
/// for structured output with the domain-model schema, and the repair loop still catches a reply
/// that is not a usable model.
@Suite("Elicitation through the router with structured output")
struct ElicitationModelTests {
    static let deliveryModel = """
    {"name":"delivery","description":"Robots deliver parcels between rooms",
     "types":[{"name":"robot"},{"name":"room"}],
     "objects":[{"name":"r1","type":"robot"},{"name":"a","type":"room"},{"name":"b","type":"room"}],
     "predicates":[{"name":"at","parameters":[{"name":"r","type":"robot"},{"name":"l","type":"room"}]}],
     "actions":[{"name":"move","parameters":[{"name":"r","type":"robot"},{"name":"from","type":"room"},{"name":"to","type":"room"}],
       "preconditions":[{"predicate":"at","arguments":["r","from"],"negated":false}],
       "effects":[{"predicate":"at","arguments":["r","to"],"negated":false},{"predicate":"at","arguments":["r","from"],"negated":true}]}],
     "initialState":[{"predicate":"at","arguments":["r1","a"],"negated":false}],
     "goal":[{"predicate":"at","arguments":["r1","b"],"negated":false}]}
    """

    func extractor(_ server: FakeLLMServer) throws -> ModelExtractor {
        let configuration = try LLMConfiguration.load(configText: """
            [llm]
            max_retries = 0
            [llm.providers.local]
            base_url = "\(server.baseURL)/v1"
            """, environment: [:])
        let chat = RoutedChatModel(router: LLMRouter(configuration: configuration), provider: "local", session: "elicit")
        return ModelExtractor(languageModel: RoutedElicitationModel(chat: chat))
    }

    @Test("extraction asks for json_schema structured output with the domain-model schema, sized for elicitation")
    func asksForStructuredOutput() async throws {
        let server = FakeLLMServer(script: FakeScript(steps: [.structured(Self.deliveryModel)]))
        try server.start()
        defer { server.stop() }
        let result = try await extractor(server).extract(from: "Robots deliver parcels between rooms", current: DomainModel())
        #expect(result.model.name == "delivery" && result.repairRounds == 0)
        let body = try #require(server.requests.last { $0.method == "POST" }?.json)
        let format = try #require(body["response_format"] as? [String: Any])
        let schema = try #require(format["json_schema"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        #expect(schema["name"] as? String == "domain_model")
        let required = (schema["schema"] as? [String: Any])?["required"] as? [String]
        #expect(required?.contains("initialState") == true)
        #expect(body["max_tokens"] as? Int == CallLimits.localDefaults.maxTokens[.elicitation])
        #expect(body["stream"] as? Bool == true)
    }

    @Test("a reply that is not a model goes through the repair loop, which sends the problems back")
    func repairLoopIsTheFallback() async throws {
        let server = FakeLLMServer(script: FakeScript(steps: [.reply("Sure! Robots move parcels."), .structured(Self.deliveryModel)]))
        try server.start()
        defer { server.stop() }
        let result = try await extractor(server).extract(from: "Robots deliver parcels between rooms", current: DomainModel())
        #expect(result.repairRounds == 1)
        #expect(result.model.actions.map(\.name) == ["move"])
        let posts = server.requests.filter { $0.method == "POST" }
        #expect(posts.count == 2)
        #expect(posts[1].bodyText.contains("previous answer had these problems"))
        #expect(posts[1].bodyText.contains("response_format"))
    }

    @Test("the domain-model schema parses, so structured output is always requested")
    func schemaParses() {
        #expect(RoutedElicitationModel.outputSpec != nil)
    }
}
