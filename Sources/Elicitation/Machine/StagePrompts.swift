/// The question each stage asks, with an example of the expected answer.
enum StagePrompts {
    static func prompt(for stage: ElicitationStage, templates: [String]) -> String {
        switch stage {
        case .describe:
            let list = templates.isEmpty ? "" : " or start from a template (\(templates.joined(separator: ", "))) with 'template NAME'"
            return "Describe your planning problem in a sentence\(list), or paste PDDL starting with '(define'. You can name the domain with '\(SyntaxExamples.name)'."
        case .objects:
            return "What kinds of things and which objects are there? e.g. '\(SyntaxExamples.type)', '\(SyntaxExamples.object)'. Say 'next' when done."
        case .predicates:
            return "Which facts can be true or false? e.g. '\(SyntaxExamples.predicate)'. Say 'next' when done."
        case .actions:
            return "What actions change the facts? e.g. '\(SyntaxExamples.action)'. Say 'next' when done."
        case .initialState:
            return "What is true at the start? e.g. '\(SyntaxExamples.initial)'. Say 'next' when done."
        case .goal:
            return "What must be true at the end? e.g. '\(SyntaxExamples.goal)'. Say 'next' when done."
        case .review:
            return "Is this what you mean? Say 'yes' to finish, or change anything (or 'back')."
        case .complete:
            return "The model is complete. Say 'back' to change it."
        }
    }
}
