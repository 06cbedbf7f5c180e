/// A language model as Critique needs it: a prompt in, a reply out. Critique owns this protocol so
/// it never imports the LLM module; PlansmithCore implements it over the LLM router
/// (`RoutedCriticModel`), tests with scripted replies.
public protocol CriticLanguageModel: Sendable {
    /// For reports and critic names ("openai", "scripted").
    var name: String { get }
    /// With `prompt.schema`, the reply text should be one JSON object conforming to it (the
    /// implementation may use the provider's structured output); without, free text.
    func respond(_ prompt: CriticPrompt) async throws -> CriticModelReply
}

/// One request to a critic model.
public struct CriticPrompt: Sendable, Hashable {
    public var system: String
    public var user: String
    /// The JSON Schema of the expected reply (as JSON text), or nil for free text.
    public var schema: CriticReplySchema?

    public init(system: String, user: String, schema: CriticReplySchema? = nil) {
        self.system = system
        self.user = user
        self.schema = schema
    }
}

/// A named JSON Schema (a tool name for Anthropic, a `json_schema` name for OpenAI).
public struct CriticReplySchema: Sendable, Hashable {
    /// Letters, digits, `_` and `-` only.
    public var name: String
    public var json: String

    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }
}

/// What came back, with the tokens it cost when the provider said.
public struct CriticModelReply: Sendable, Hashable {
    public var text: String
    public var promptTokens: Int?
    public var completionTokens: Int?

    public init(text: String, promptTokens: Int? = nil, completionTokens: Int? = nil) {
        self.text = text
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
