/// The small protocol through which elicitation talks to a language model. `PlansmithCore`
/// adapts the LLM layer to it; tests use scripted fakes. Nothing here knows about HTTP.
public protocol ElicitationLanguageModel: Sendable {
    /// Answers `request` with a JSON object following `DomainModelSchema.jsonSchema`, calling
    /// `onToken` with each piece of text as it streams in.
    func complete(_ request: ExtractionRequest, onToken: @escaping @Sendable (String) -> Void) async throws -> String
}

/// One structured-extraction call: the instructions (with the schema), what the user said, the
/// model so far as JSON, and — in a repair round — what was wrong with the previous answer.
public struct ExtractionRequest: Sendable, Hashable {
    public var instructions: String
    public var userText: String
    public var currentModelJSON: String
    /// Empty in the first round; the problems found in the previous answer in a repair round.
    public var repairFeedback: [String]
    /// 0 for the first call, 1… for repairs.
    public var round: Int
}

/// Extraction gave up: after every repair round the answer still was not a usable model.
public struct ExtractionError: Error, Sendable, CustomStringConvertible {
    public var rounds: Int
    public var lastProblems: [String]
    public var description: String {
        "The assistant's model still had problems after \(rounds) attempt(s): " + lastProblems.prefix(5).joined(separator: "; ")
    }
}

/// What extraction produced, and how many repair rounds it took.
public struct ExtractionResult: Sendable, Hashable {
    public var model: DomainModel
    public var repairRounds: Int
    /// The problems fed back in each repair round, for logs and tests.
    public var feedback: [[String]]
}
