/// The stages of an elicitation conversation, in the order they are visited. The user may go
/// back at any time; `complete` is reached only from `review`.
public enum ElicitationStage: String, Codable, Sendable, CaseIterable, Comparable {
    case describe
    case objects
    case predicates
    case actions
    case initialState = "initial-state"
    case goal
    case review
    case complete

    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
    var index: Int { Self.allCases.firstIndex(of: self)! }

    public var next: ElicitationStage { index + 1 < Self.allCases.count ? Self.allCases[index + 1] : self }
    public var previous: ElicitationStage { index > 0 ? Self.allCases[index - 1] : self }

    /// A short title, e.g. for a progress line in the TUI.
    public var title: String {
        switch self {
        case .describe: "Describe the problem"
        case .objects: "Objects and types"
        case .predicates: "Predicates"
        case .actions: "Actions"
        case .initialState: "Initial state"
        case .goal: "Goal"
        case .review: "Review"
        case .complete: "Complete"
        }
    }
}
