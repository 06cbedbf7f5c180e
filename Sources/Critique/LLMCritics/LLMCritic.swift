/// A critic played by a language model, in one of the three roles.
///
/// Design: in LLM mode each role has two critics, the sound one and this one, and the role's weight
/// is split between them (`CritiqueConfiguration.withLLMCritics`). The model sees the plan, the
/// domain and problem, and what the sound analyses established (validator verdict, redundant
/// steps, layers, dead ends, irreversible steps, goal regressions); it returns JSON items with
/// optional machine-applicable edits, and votes on every item of the round — its own, the other
/// LLM critics' and the sound critics' — in one call, told what the validator says of each edited
/// plan. It may still vote for an edit the validator rejects: that vote counts, and is recorded
/// (`agreedWithInvalid`), but refinement never applies an invalid plan. A reply that is not
/// usable JSON (after the adapter's one re-ask) or that does not arrive within `timeout` throws
/// `LLMCriticError`; the orchestrator records it as this critic's failure and goes on without it.
public struct LLMCritic: Critic, ReportsModelUsage {
    public let role: CriticRole
    public let model: any CriticLanguageModel
    public var domainText: String
    public var problemText: String
    public var timeout: Duration
    private let meter = UsageMeter()

    public init(role: CriticRole, model: any CriticLanguageModel, domainText: String = "", problemText: String = "",
                timeout: Duration = .seconds(90)) {
        self.role = role
        self.model = model
        self.domainText = domainText
        self.problemText = problemText
        self.timeout = timeout
    }

    /// The three roles over one model.
    public static func all(model: any CriticLanguageModel, domainText: String = "", problemText: String = "",
                           timeout: Duration = .seconds(90)) -> [LLMCritic] {
        CriticRole.allCases.map { LLMCritic(role: $0, model: model, domainText: domainText, problemText: problemText, timeout: timeout) }
    }

    public var name: CriticName { role.llmName }

    public func review(_ plan: PlanReview, in task: CritiqueTask) async throws -> [FeedbackItem] {
        let prompt = CriticPrompt(system: CriticPrompts.system(role),
                                  user: CriticPrompts.review(role: role, plan: plan, task: task, domainText: domainText, problemText: problemText),
                                  schema: CriticPrompts.itemsSchema)
        let reply = try await ask(prompt)
        return try CriticReplyParsing.items(from: reply.text, author: name, plan: plan.steps)
    }

    public func vote(on item: FeedbackItem, current: PlanReview, edited: PlanReview?, in task: CritiqueTask) async throws -> Vote {
        let votes = try await votes(on: [Ballot(item: item, edited: edited)], current: current, in: task)
        guard let vote = votes[item.id] else { throw LLMCriticError.unusableReply("no vote on \(item.id)") }
        return vote
    }

    public func votes(on ballots: [Ballot], current: PlanReview, in task: CritiqueTask) async throws -> [String: Vote] {
        guard !ballots.isEmpty else { return [:] }
        let prompt = CriticPrompt(system: CriticPrompts.system(role),
                                  user: CriticPrompts.votes(role: role, ballots: ballots, current: current, task: task),
                                  schema: CriticPrompts.votesSchema)
        let reply = try await ask(prompt)
        return try CriticReplyParsing.votes(from: reply.text, ids: ballots.map(\.item.id)).votes
    }

    public func takeUsage() -> (prompt: Int, completion: Int)? { meter.take() }

    private func ask(_ prompt: CriticPrompt) async throws -> CriticModelReply {
        let model = self.model
        let reply = try await withDeadline(timeout) { try await model.respond(prompt) }
        meter.add(reply)
        return reply
    }
}
