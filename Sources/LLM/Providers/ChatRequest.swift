/// Who said a message. System messages go to Anthropic's top-level `system` field.
public enum ChatRole: String, Sendable, Codable, Equatable {
    case system, user, assistant
}

public struct ChatMessage: Sendable, Equatable, Codable {
    public var role: ChatRole
    public var content: String

    public init(_ role: ChatRole, _ content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(.system, text) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(.user, text) }
    public static func assistant(_ text: String) -> ChatMessage { ChatMessage(.assistant, text) }
}

/// Ask for a JSON reply conforming to `schema` (Anthropic: a forced tool; OpenAI: `response_format`).
/// The schema's top level must be an object (`"type": "object"`): Anthropic tool inputs are objects.
public struct StructuredOutputSpec: Sendable, Equatable {
    /// A tool / schema name: letters, digits, `_` and `-` only.
    public var name: String
    public var description: String
    public var schema: JSONValue

    public init(name: String, description: String = "Return the result as JSON.", schema: JSONValue) {
        self.name = name
        self.description = description
        self.schema = schema
    }
}

/// One model call, independent of provider.
public struct ChatRequest: Sendable, Equatable {
    public var messages: [ChatMessage]
    public var maxTokens: Int
    public var temperature: Double?
    public var stopSequences: [String]
    public var structuredOutput: StructuredOutputSpec?
    /// Stream the reply (tokens reach the caller as they arrive).
    public var stream: Bool
    /// What the call is for; a provider's `CallLimits` size it by this.
    public var purpose: CallPurpose
    /// Longest time one attempt may take (set from the provider's `CallLimits`); nil: the
    /// endpoint's own timeouts only.
    public var timeout: Duration?

    public init(messages: [ChatMessage], maxTokens: Int = 1024, temperature: Double? = nil,
                stopSequences: [String] = [], structuredOutput: StructuredOutputSpec? = nil, stream: Bool = true,
                purpose: CallPurpose = .general, timeout: Duration? = nil) {
        self.messages = messages
        self.purpose = purpose
        self.timeout = timeout
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.stopSequences = stopSequences
        self.structuredOutput = structuredOutput
        self.stream = stream
    }
}
