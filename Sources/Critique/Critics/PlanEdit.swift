import Planner

/// A machine-applicable change to a plan. Step indices are 0-based positions in the plan the item
/// was written about.
public enum PlanEdit: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Remove these steps.
    case deleteSteps([Int])
    /// Put the steps in this order (a permutation of all indices).
    case reorder([Int])
    /// Replace `start..<end` with `steps` (written as `(action arg …)`).
    case replaceSegment(start: Int, end: Int, steps: [String])
    /// Keep steps before `step`, then search for a new suffix costing strictly less than `costBound`
    /// (no bound: any suffix that reaches the goal).
    case replanFrom(step: Int, costBound: Int?)

    public var description: String {
        switch self {
        case .deleteSteps(let steps): "delete steps \(steps.map { String($0 + 1) }.joined(separator: ", "))"
        case .reorder: "reorder steps"
        case .replaceSegment(let start, let end, let steps): "replace steps \(start + 1)–\(end) with \(steps.count) step(s)"
        case .replanFrom(let step, let bound):
            "replan from step \(step + 1)" + (bound.map { " with cost below \($0)" } ?? "")
        }
    }

    /// Short kind name for JSON output and logs.
    public var kind: String {
        switch self {
        case .deleteSteps: "delete-steps"
        case .reorder: "reorder"
        case .replaceSegment: "replace-segment"
        case .replanFrom: "replan-from"
        }
    }
}
