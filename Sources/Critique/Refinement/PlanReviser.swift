/// LLM-mode refinement: asked for a revised plan given the round's accepted items and the
/// validator's diagnostics. Like a proposer's, its reply is only a candidate: the validator vets
/// it and refinement keeps the previous plan unless the revision is valid and no worse.
public protocol PlanReviser: Sendable {
    var name: String { get }
    func revise(_ request: PlanRevisionRequest) async throws -> PlanProposal
}

public struct PlanRevisionRequest: Sendable, Hashable {
    public var domainText: String
    public var problemText: String
    /// The current (valid) plan.
    public var plan: [String]
    public var cost: Int
    /// Items the critics accepted this round.
    public var accepted: [FeedbackItem]
    /// Why the previous revision was rejected (first failing step first), if it was.
    public var diagnostics: String?

    public init(domainText: String, problemText: String, plan: [String], cost: Int, accepted: [FeedbackItem], diagnostics: String? = nil) {
        self.domainText = domainText
        self.problemText = problemText
        self.plan = plan
        self.cost = cost
        self.accepted = accepted
        self.diagnostics = diagnostics
    }

    public var prompt: String {
        var text = CriticPrompts.context(domainText: domainText, problemText: problemText)
        text += "Current plan (valid, cost \(cost)):\n" + plan.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: "\n") + "\n"
        if !accepted.isEmpty {
            text += "\nThe critics accepted these items:\n"
            for item in accepted {
                text += "- [\(item.severity.rawValue)] \(item.author): \(item.message)" + (item.edit.map { " (suggested edit: \($0))" } ?? "") + "\n"
            }
        }
        if let diagnostics {
            text += "\nYour previous revised plan was rejected by the plan validator:\n\(diagnostics)\n"
        }
        return text + """

        Write a revised plan that addresses the accepted items, stays valid and costs no more. Reply with the \
        revised plan only, one step per line, like:
        \(PlanProposalRequest.defaultExample)
        """
    }
}

/// The reviser over a critic model (free-text reply; ProposalParsing reads the steps).
public struct LLMPlanReviser: PlanReviser, ReportsModelUsage {
    public let model: any CriticLanguageModel
    public var timeout: Duration
    private let meter = UsageMeter()

    public init(model: any CriticLanguageModel, timeout: Duration = .seconds(120)) {
        self.model = model
        self.timeout = timeout
    }

    public var name: String { model.name }

    public func revise(_ request: PlanRevisionRequest) async throws -> PlanProposal {
        let model = self.model
        let prompt = CriticPrompt(system: "You revise PDDL plans. Reply with the plan only.", user: request.prompt)
        let reply = try await withDeadline(timeout) { try await model.respond(prompt) }
        meter.add(reply)
        return PlanProposal(text: reply.text)
    }

    public func takeUsage() -> (prompt: Int, completion: Int)? { meter.take() }
}
