import Critique
import LLM

extension CritiqueRequest {
    /// LLM mode on top of the sound critics: the model proposes the first plan (validated, planner
    /// fallback), plays an LLM critic in each of the three roles (the role's weight split with the
    /// sound critic, see `CritiqueConfiguration.withLLMCritics`), and revises the plan each round
    /// from the accepted items (validated; an invalid revision is never applied). `timeout` bounds
    /// each critic or reviser call, so a silent provider cannot hang the session.
    public mutating func useLLM(_ chat: RoutedChatModel, domainText: String, problemText: String,
                                timeout: Duration = .seconds(90)) {
        let model = RoutedCriticModel(chat: chat)
        self.domainText = domainText
        self.problemText = problemText
        proposer = RoutedPlanProposer(chat: chat)
        critics = SoundCritics.all + LLMCritic.all(model: model, domainText: domainText, problemText: problemText, timeout: timeout)
        reviser = LLMPlanReviser(model: model, timeout: timeout)
        configuration = configuration.withLLMCritics()
    }
}
