import Critique
import Planner

/// What a caller (TUI screen, command) hands the service to start a session.
public struct CritiqueRequest: Sendable {
    public var task: CritiqueTask
    public var configuration: CritiqueConfiguration
    public var domainId: Int64?
    /// PDDL text for a plan proposer's prompt.
    public var domainText: String
    public var problemText: String
    /// An LLM-backed (or scripted) source of first plans; nil: the classical planner.
    public var proposer: (any PlanProposer)?
    public var critics: [any Critic]
    /// LLM mode: asked each round for a revised plan (validated before use).
    public var reviser: (any PlanReviser)?
    /// The classical planner's configuration for the first plan (its time limit above all).
    public var planning: SearchConfiguration = CritiqueOrchestrator.fastPlanning

    public init(task: CritiqueTask, configuration: CritiqueConfiguration = .default, domainId: Int64? = nil,
                domainText: String = "", problemText: String = "", proposer: (any PlanProposer)? = nil,
                critics: [any Critic] = SoundCritics.all) {
        self.task = task
        self.configuration = configuration
        self.domainId = domainId
        self.domainText = domainText
        self.problemText = problemText
        self.proposer = proposer
        self.critics = critics
    }
}
