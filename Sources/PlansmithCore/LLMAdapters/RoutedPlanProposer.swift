import Critique
import LLM

/// Critique's plan-proposer protocol over the LLM router. The reply is only a proposal: the
/// orchestrator validates it and sends the first failing step back, and the classical planner
/// takes over when no valid plan arrives within the configured rounds.
public struct RoutedPlanProposer: PlanProposer {
    public let chat: RoutedChatModel

    public init(chat: RoutedChatModel) { self.chat = chat }

    public var name: String { chat.provider ?? chat.tier ?? "llm" }

    public func propose(_ request: PlanProposalRequest) async throws -> PlanProposal {
        let text = try await chat.send([.user(request.prompt)], options: ChatOptions(maxTokens: 2048, temperature: 0, purpose: .plan))
        return PlanProposal(text: text)
    }
}
