import FakeLLMServer
import Testing
@testable import LLM

@Suite("JSON schema subset and structured replies")
struct StructuredOutputTests {
    static let planSchema: JSONValue = [
        "type": "object",
        "required": ["steps", "cost"],
        "additionalProperties": false,
        "properties": [
            "steps": ["type": "array", "items": ["type": "string"]],
            "cost": ["type": "integer"],
            "mode": ["enum": ["fast", "safe"]],
            "note": ["type": ["string", "null"]],
        ],
    ]
    let validator = JSONSchemaValidator(schema: planSchema)

    @Test("accepts a conforming value")
    func accepts() throws {
        let value = try JSONValue.parse(#"{"steps":["a","b"],"cost":2,"mode":"safe","note":null}"#)
        #expect(validator.violations(of: value).isEmpty)
    }

    @Test("reports every violation with its path")
    func reportsViolations() throws {
        let value = try JSONValue.parse(#"{"steps":["a",3],"cost":2.5,"mode":"reckless","extra":1}"#)
        #expect(validator.violations(of: value) == [
            "$.cost: expected integer, got number",
            "$: unexpected property \"extra\"",
            "$.mode: \"reckless\" is not one of \"fast\", \"safe\"",
            "$.steps[1]: expected string, got integer",
        ])
        #expect(validator.violations(of: ["steps": []]) == ["$: missing required property \"cost\""])
        #expect(validator.violations(of: "text") == ["$: expected object, got string"])
    }

    @Test("re-asks once with the problems, and accepts the corrected reply", arguments: [ProviderKind.anthropic, .openAI])
    func reasksOnce(kind: ProviderKind) async throws {
        try await withRouterFixture { f in
            let server = kind == .anthropic ? f.primary : f.secondary
            server.enqueue(.structured(#"{"steps":"not a list"}"#, toolName: "plan"),
                           .structured(#"{"steps":["(move a b)"],"cost":1}"#, toolName: "plan"))
            let model = RoutedChatModel(router: try f.router(), provider: kind.rawValue)
            let spec = StructuredOutputSpec(name: "plan", schema: Self.planSchema)
            let value = try await model.structured([.user("plan it")], output: spec, options: ChatOptions())
            #expect(value["cost"] == 1)
            #expect(server.requests.count == 2)
            let retry = server.requests[1].bodyText
            #expect(retry.contains("missing required property") && retry.contains("expected array"))
        }
    }

    @Test("gives up with a schema violation after the second bad reply")
    func givesUp() async throws {
        try await withRouterFixture { f in
            f.primary.setFallback(.structured(#"{"steps":[]}"#, toolName: "plan"))
            let model = RoutedChatModel(router: try f.router())
            let spec = StructuredOutputSpec(name: "plan", schema: Self.planSchema)
            await #expect(throws: LLMError.schemaViolation(["$: missing required property \"cost\""])) {
                try await model.structured([.user("plan it")], output: spec, options: ChatOptions())
            }
            #expect(f.primary.requests.count == 2)
        }
    }

    @Test("text that is not JSON (even in a code fence) is caught and re-asked")
    func notJSON() async throws {
        try await withRouterFixture { f in
            f.secondary.enqueue(.reply("Sure! Here is the plan."), .reply("```json\n{\"steps\":[],\"cost\":0}\n```"))
            let model = RoutedChatModel(router: try f.router(), provider: "openai")
            let spec = StructuredOutputSpec(name: "plan", schema: Self.planSchema)
            let value = try await model.structured([.user("plan")], output: spec, options: ChatOptions())
            #expect(value == ["steps": [], "cost": 0])
            #expect(f.secondary.requests[1].bodyText.contains("not valid JSON"))
        }
    }
}
