/// What a heuristic guarantees; critics ask for an admissible one instead of assuming.
public struct HeuristicProperties: Sendable, Hashable {
    /// Never overestimates the optimal remaining cost.
    public var admissible: Bool
    /// h(s) ≤ c(o) + h(s') for every transition.
    public var consistent: Bool
    /// Computes its value (and any guarantee above) correctly on tasks with conditional effects.
    public var supportsConditionalEffects: Bool
}

/// A state evaluator used by the search. One instance per search: evaluators keep scratch
/// buffers between calls, so they are classes and not shared across threads.
protocol StateHeuristic: AnyObject {
    var properties: HeuristicProperties { get }
    /// The heuristic value of `state`, or `deadEnd` if the goal is unreachable from it. When
    /// `collectPreferred` is set, `preferred` holds the preferred operators afterwards.
    func evaluate(_ state: UnsafePointer<UInt64>, collectPreferred: Bool) -> Int
    var preferred: [Int32] { get }
}

let deadEnd = Int.max

extension HeuristicKind {
    /// The guarantees of each heuristic, as documented next to its implementation.
    public var properties: HeuristicProperties {
        switch self {
        case .ff: RelaxedExploration.Mode.ff.properties
        case .add: RelaxedExploration.Mode.add.properties
        case .max: RelaxedExploration.Mode.max.properties
        case .goalCount: GoalCountHeuristic.properties
        case .blind: BlindHeuristic.properties
        case .lmcut: LMCutHeuristic.properties
        }
    }

    func make(for task: SearchTask, costs: CostAdjustment) -> StateHeuristic {
        switch self {
        case .ff: RelaxedExploration(task: task, mode: .ff, costs: costs)
        case .add: RelaxedExploration(task: task, mode: .add, costs: costs)
        case .max: RelaxedExploration(task: task, mode: .max, costs: costs)
        case .goalCount: GoalCountHeuristic(task: task)
        case .blind: BlindHeuristic(task: task, costs: costs)
        case .lmcut: LMCutHeuristic(task: task, costs: costs)
        }
    }
}

extension CostAdjustment {
    @inline(__always) func apply(_ cost: Int32) -> Int {
        switch self {
        case .normal: Int(cost)
        case .unit: 1
        case .plusOne: Int(cost) + 1
        }
    }
}

/// Counts unsatisfied goal literals. Not admissible (one action may achieve several goals).
final class GoalCountHeuristic: StateHeuristic {
    static let properties = HeuristicProperties(admissible: false, consistent: false, supportsConditionalEffects: true)
    var properties: HeuristicProperties { Self.properties }
    let task: SearchTask
    let preferred: [Int32] = []
    init(task: SearchTask) { self.task = task }

    func evaluate(_ state: UnsafePointer<UInt64>, collectPreferred: Bool) -> Int {
        var count = 0
        for f in task.goal where !SearchTask.test(state, f) { count += 1 }
        for f in task.negativeGoal where SearchTask.test(state, f) { count += 1 }
        return count
    }
}

/// 0 in goal states, else the cheapest operator cost: admissible and consistent, no guidance.
final class BlindHeuristic: StateHeuristic {
    static let properties = HeuristicProperties(admissible: true, consistent: true, supportsConditionalEffects: true)
    var properties: HeuristicProperties { Self.properties }
    let task: SearchTask
    let minimumCost: Int
    let preferred: [Int32] = []
    init(task: SearchTask, costs: CostAdjustment) {
        self.task = task
        minimumCost = task.cost.map { costs.apply($0) }.min() ?? 0
    }

    func evaluate(_ state: UnsafePointer<UInt64>, collectPreferred: Bool) -> Int {
        task.isGoal(state) ? 0 : minimumCost
    }
}
