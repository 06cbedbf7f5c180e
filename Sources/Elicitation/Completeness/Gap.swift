/// Something missing or suspicious in the model, in plain words, with the question that asks the
/// user to fix it. A blocking gap keeps the conversation from completing; a warning is shown once
/// and may be accepted with `next`.
public struct Gap: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case inconsistent, emptySection, untypedObject, unusedSymbol, inapplicableAction
        case unreachableGoal, emptyInit, emptyGoal, goalAlreadyTrue
    }
    public var kind: Kind
    public var stage: ElicitationStage
    public var isBlocking: Bool
    /// What is wrong, e.g. "Nothing can ever make at(p1, shop) true."
    public var finding: String
    /// The next question to ask, e.g. "Which action should make at(p1, shop) true?"
    public var question: String

    public var description: String { "\(finding) \(question)" }
    /// A stable key, to remember which warnings the user has already seen.
    public var key: String { "\(kind.rawValue):\(finding)" }
}
