import Foundation
/// The language-model path: free text becomes a whole new model (see `ModelExtractor`), and the
/// completeness checker turns what is still missing into the next clarifying question.
extension Conversation {
    /// True when `line` is for the controlled-syntax handler (a statement, a command, pasted
    /// PDDL) rather than free text for the language model.
    public static func isControlledSyntax(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("(") { return true }
        return (try? ControlledSyntaxParser.parse(trimmed)) != nil
    }

    /// Takes a model extracted from the user's free text and asks about the first gap.
    public mutating func adoptExtracted(_ model: DomainModel) -> ConversationReply {
        let previous = state.model
        state.model = model
        state.record(previous)
        let gaps = CompletenessChecker().gaps(in: model)
        guard let gap = gaps.first(where: \.isBlocking) ?? gaps.first(where: { !state.acknowledgedWarnings.contains($0.key) }) else {
            state.stage = .review
            return reply(ModelExplainer().explain(model) + "\n\n" + prompt)
        }
        state.stage = max(gap.stage, .objects)
        if !gap.isBlocking { state.acknowledgedWarnings.insert(gap.key) }
        return reply(ModelExplainer().summary(model) + "\n" + gap.description)
    }
}
