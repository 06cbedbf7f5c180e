/// Where a first plan can come from besides the classical planner: a language model, a human, a
/// script. Critique owns this protocol so it never depends on the LLM module; PlansmithCore plugs
/// an LLM-backed implementation in.
public protocol PlanProposer: Sendable {
    /// A name for reports ("anthropic:claude-…", "scripted").
    var name: String { get }
    func propose(_ request: PlanProposalRequest) async throws -> PlanProposal
}

/// What the proposer is asked: the task, and from the second round on what was wrong last time.
public struct PlanProposalRequest: Sendable, Hashable {
    public var domainText: String
    public var problemText: String
    /// An example of the expected reply format.
    public var example: String
    /// 1-based round of this request.
    public var round: Int
    /// The previous reply, if any.
    public var previousReply: String?
    /// Validator diagnostics for the previous reply, first failing step first.
    public var feedback: String?

    public init(domainText: String, problemText: String, example: String = PlanProposalRequest.defaultExample,
                round: Int = 1, previousReply: String? = nil, feedback: String? = nil) {
        self.domainText = domainText
        self.problemText = problemText
        self.example = example
        self.round = round
        self.previousReply = previousReply
        self.feedback = feedback
    }

    public static let defaultExample = "(pick-up a)\n(stack a b)"

    /// The prompt text for a chat model.
    public var prompt: String {
        var text = """
        Solve this PDDL planning problem. Reply with the plan only, one step per line, like:
        \(example)

        Domain:
        \(domainText)

        Problem:
        \(problemText)
        """
        if let previousReply, let feedback {
            text += "\n\nYour previous plan was:\n\(previousReply)\n\nThe validator rejected it:\n\(feedback)\nReply with a corrected plan."
        }
        return text
    }
}

/// A proposer's reply, with token usage when it came from a model.
public struct PlanProposal: Sendable, Hashable {
    public var text: String
    public var promptTokens: Int?
    public var completionTokens: Int?

    public init(text: String, promptTokens: Int? = nil, completionTokens: Int? = nil) {
        self.text = text
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
