import Foundation
import PDDL

/// The elicitation state machine, as a pure value: `handle(_:)` takes one user message and
/// returns the reply, updating `state`. No I/O happens here; `ElicitationSession` persists each
/// exchange, and the TUI or the `elicit` command only show replies and forward lines.
///
/// Stages run `describe → objects → predicates → actions → initial state → goal → review →
/// complete`. Statements of the controlled syntax are accepted in any stage (a user who thinks of
/// a predicate while listing objects should not be refused); the stage decides the prompt, what
/// free text means, and which completeness gaps `next` asks about before moving on.
public struct Conversation: Sendable {
    public var state: ConversationState
    public let templates: [TemplateSource]

    public init(state: ConversationState = ConversationState(), templates: [TemplateSource] = []) {
        self.state = state; self.templates = templates
    }

    /// The question for the current stage.
    public var prompt: String { StagePrompts.prompt(for: state.stage, templates: templates.map(\.name)) }

    public mutating func handle(_ message: String) -> ConversationReply {
        let line = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if state.pasteBuffer != nil || line.hasPrefix("(") { return continuePaste(message) }
        let statement: Statement?
        do {
            statement = try ControlledSyntaxParser.parse(line)
        } catch {
            if state.stage == .describe && !line.isEmpty && !Self.looksLikeStatement(line) { return describe(line) }
            // A sentence, not a mistyped statement: answer what it says rather than where it fails.
            if Self.looksLikeProse(line), let understanding = understanding(of: line) {
                return reply("That reads as a description rather than a statement (statements start with a keyword; 'help' lists them).\n"
                             + understanding)
            }
            return ConversationReply(text: error.description, stage: state.stage, isError: true)
        }
        guard let statement else { return reply(prompt) }
        switch statement {
        case .command(let command): return run(command)
        case .template(let name): return loadTemplate(name)
        default:
            if state.stage == .complete {
                return ConversationReply(text: "The model is complete. Say 'back' to change it.", stage: state.stage, isError: true)
            }
            let previous = state.model
            do {
                let confirmation = try ModelEditor(line: line).apply(statement, to: &state.model)
                state.record(previous)
                return reply(confirmation)
            } catch {
                return ConversationReply(text: error.description, stage: state.stage, isError: true)
            }
        }
    }

    /// A line whose first word is a keyword was meant as a statement, even in the describe stage.
    static func looksLikeStatement(_ line: String) -> Bool {
        let first = line.split(whereSeparator: { $0 == " " || $0 == "(" }).first.map { $0.lowercased() } ?? ""
        // A near-miss of a keyword ("predicat") is a mistyped statement, not a description.
        return ControlledSyntaxParser.keywords.contains(first)
            || Suggestions.closest(to: first, among: ControlledSyntaxParser.keywords) != nil
    }

    func reply(_ text: String, isError: Bool = false) -> ConversationReply {
        ConversationReply(text: text, stage: state.stage, isError: isError)
    }

    mutating func describe(_ text: String) -> ConversationReply {
        let previous = state.model
        state.model.description = state.model.description.isEmpty ? text : state.model.description + " " + text
        state.record(previous)
        state.stage = .objects
        guard let understanding = understanding(of: text) else { return reply("Thanks, noted. " + prompt) }
        return reply("Thanks, noted.\n" + understanding + "\n\nNow: " + prompt)
    }

    mutating func run(_ command: ConversationCommand) -> ConversationReply {
        switch command {
        case .help:
            return reply(SyntaxExamples.help + "\n\nNow: " + prompt)
        case .show:
            return reply(ModelExplainer().explain(state.model))
        case .undo:
            guard let previous = state.undoStack.popLast() else { return reply("Nothing to undo.", isError: true) }
            state.model = previous
            if state.stage == .complete { state.stage = .review }
            return reply("Undone. " + ModelExplainer().summary(state.model))
        case .back:
            guard state.stage != .describe else { return reply("This is the first step; there is nothing before it.", isError: true) }
            state.stage = state.stage.previous
            return reply("Back to: \(state.stage.title). " + prompt)
        case .next, .done, .yes:
            return advance()
        }
    }

    /// Moves to the next stage unless a gap of this (or an earlier) stage needs an answer first.
    mutating func advance() -> ConversationReply {
        if state.stage == .complete { return reply("The conversation is already complete. Say 'back' to change the model.") }
        let gaps = CompletenessChecker().gaps(in: state.model).filter { $0.stage <= state.stage }
        if let blocking = gaps.first(where: \.isBlocking) {
            return reply(blocking.description)
        }
        let fresh = gaps.filter { !state.acknowledgedWarnings.contains($0.key) }
        if let first = fresh.first {
            state.acknowledgedWarnings.formUnion(fresh.map(\.key))
            var text = first.description
            if fresh.count > 1 { text += "\nAlso:\n" + fresh.dropFirst().map { "- " + $0.finding }.joined(separator: "\n") }
            return reply(text + "\nFix this, or say 'next' again to continue anyway.")
        }
        if state.stage == .review { return complete() }
        state.stage = state.stage.next
        if state.stage == .review {
            return reply(ModelExplainer().explain(state.model) + "\n\n" + prompt)
        }
        return reply(prompt)
    }

    mutating func complete() -> ConversationReply {
        do {
            let generated = try PDDLGenerator().generate(state.model)
            state.stage = .complete
            return ConversationReply(text: "Done: the domain '\(state.model.name)' and its problem are complete and valid.",
                                     stage: .complete, completed: generated)
        } catch {
            return reply(error.description, isError: true)
        }
    }
}
