import Foundation

/// Gets a schema-conforming JSON reply: asks, validates, and when the reply does not conform
/// asks once more with the problems spelled out, then gives up with `LLMError.schemaViolation`.
public enum StructuredReply {
    public static func obtain(messages: [ChatMessage], output: StructuredOutputSpec,
                              ask: ([ChatMessage]) async throws -> ChatReply) async throws -> JSONValue {
        let validator = JSONSchemaValidator(schema: output.schema)
        var conversation = messages
        var problems: [String] = []
        for round in 0..<2 {
            let reply = try await ask(conversation)
            let (value, raw) = extract(reply)
            if let value {
                problems = validator.violations(of: value)
                if problems.isEmpty { return value }
            } else {
                problems = ["$: the reply is not valid JSON"]
            }
            if round == 0 {
                conversation += [
                    .assistant(raw),
                    .user("""
                    That reply does not match the required JSON schema:
                    \(problems.map { "- \($0)" }.joined(separator: "\n"))
                    Reply again with only a JSON value that matches the schema.
                    """),
                ]
            }
        }
        throw LLMError.schemaViolation(problems)
    }

    /// The JSON of a reply: the provider's structured value, else the text parsed as JSON
    /// (tolerating a Markdown code fence around it). Also returns the raw text for a re-ask.
    static func extract(_ reply: ChatReply) -> (JSONValue?, String) {
        if let structured = reply.structured { return (structured, structured.jsonText) }
        var text = reply.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("```") {
            text = String(text.drop { $0 != "\n" }.dropFirst())
            if text.hasSuffix("```") { text = String(text.dropLast(3)) }
        }
        return (try? JSONValue.parse(text), reply.text)
    }
}
