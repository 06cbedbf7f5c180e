/// Everything needed to continue a conversation: persisted (as JSON) with every reply, so a
/// conversation resumes exactly where it stopped.
public struct ConversationState: Codable, Sendable, Hashable {
    public var stage: ElicitationStage
    public var model: DomainModel
    /// Earlier models, newest last, for `undo` (bounded).
    public var undoStack: [DomainModel]
    /// Warnings the user has already been shown; a second `next` accepts them.
    public var acknowledgedWarnings: Set<String>
    /// PDDL being pasted over several lines, until its parentheses balance.
    public var pasteBuffer: String?
    /// A pasted domain waiting for its problem.
    public var pastedDomain: String?

    public static let undoLimit = 50

    public init(model: DomainModel = DomainModel(), stage: ElicitationStage = .describe) {
        self.stage = stage; self.model = model; undoStack = []; acknowledgedWarnings = []
    }

    public var isComplete: Bool { stage == .complete }

    mutating func record(_ previous: DomainModel) {
        guard previous != model else { return }
        undoStack.append(previous)
        if undoStack.count > Self.undoLimit { undoStack.removeFirst(undoStack.count - Self.undoLimit) }
    }
}

/// What the conversation answers to one message.
public struct ConversationReply: Sendable, Hashable {
    public var text: String
    public var stage: ElicitationStage
    /// True when the message was not understood (nothing changed).
    public var isError: Bool
    /// The PDDL, when this reply completed the conversation.
    public var completed: GeneratedPDDL?

    public init(text: String, stage: ElicitationStage, isError: Bool = false, completed: GeneratedPDDL? = nil) {
        self.text = text; self.stage = stage; self.isError = isError; self.completed = completed
    }
}

/// A bundled domain the conversation can start from (`template NAME`).
public struct TemplateSource: Sendable, Hashable {
    public var name: String
    public var domainPDDL: String
    public var problemPDDL: String
    /// One line saying what the template models (shown when a description matches it).
    public var description: String
    public init(name: String, domainPDDL: String, problemPDDL: String, description: String = "") {
        self.name = name; self.domainPDDL = domainPDDL; self.problemPDDL = problemPDDL; self.description = description
    }
}
