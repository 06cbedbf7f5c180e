/// Everything that tunes the critique loop; stored as the session's `config` JSON.
public struct CritiqueConfiguration: Codable, Sendable, Hashable {
    /// Weight of each critic's vote. Defaults: completeness 0.4, efficiency 0.3, safety 0.3.
    public var weights: [String: Double]
    /// An item is accepted when its score reaches this.
    public var threshold: Double
    public var maxIterations: Int
    /// Stop when a round improves the plan's quality by less than this.
    public var epsilon: Double
    /// Rounds the plan proposer (LLM) gets to produce a valid first plan before the classical planner takes over.
    public var proposerRounds: Int
    /// Time budget for one "replan from step k" search, in milliseconds.
    public var replanMilliseconds: Int

    public init(weights: [String: Double] = ["completeness": 0.4, "efficiency": 0.3, "safety": 0.3],
                threshold: Double = 0.5, maxIterations: Int = 5, epsilon: Double = 0.001,
                proposerRounds: Int = 3, replanMilliseconds: Int = 500) {
        self.weights = weights
        self.threshold = threshold
        self.maxIterations = maxIterations
        self.epsilon = epsilon
        self.proposerRounds = proposerRounds
        self.replanMilliseconds = replanMilliseconds
    }

    public static let `default` = CritiqueConfiguration()

    public func weight(of critic: CriticName) -> Double { weights[critic.rawValue] ?? 0 }
}
