import Foundation
import PDDL

/// Starting from a template or from pasted PDDL.
extension Conversation {
    mutating func loadTemplate(_ name: Located) -> ConversationReply {
        guard let template = templates.first(where: { $0.name.lowercased() == name.text }) else {
            let error = ControlledSyntaxError("there is no template '\(name.text)'", column: name.column, line: "template \(name.text)",
                                              example: SyntaxExamples.template,
                                              suggestions: PDDLSuggestion.closest(name.text, templates.map(\.name)))
            return reply(error.description + "\n  templates: " + templates.map(\.name).joined(separator: ", "), isError: true)
        }
        return adopt(domain: template.domainPDDL, problem: template.problemPDDL, origin: "the template '\(template.name)'")
    }

    /// Collects pasted lines until the parentheses balance, then reads the domain or problem.
    mutating func continuePaste(_ line: String) -> ConversationReply {
        if state.pasteBuffer != nil && line.lowercased().trimmingCharacters(in: .whitespaces) == "cancel" {
            state.pasteBuffer = nil
            return reply("Pasting cancelled. " + prompt)
        }
        let text = (state.pasteBuffer.map { $0 + "\n" } ?? "") + line
        var depth = 0
        for character in text { if character == "(" { depth += 1 } else if character == ")" { depth -= 1 } }
        guard depth <= 0 else { state.pasteBuffer = text; return reply("(reading PDDL … \(depth) parenthes\(depth == 1 ? "is" : "es") still open; 'cancel' stops)") }
        state.pasteBuffer = nil
        let lowered = text.lowercased()
        if lowered.contains("(domain") && !lowered.contains("(problem") {
            state.pastedDomain = text
            return adopt(domain: text, problem: nil, origin: "the pasted domain", keepWaiting: true)
        }
        guard let domain = state.pastedDomain else {
            return reply("That looks like a problem; paste its domain first (starting with '(define (domain').", isError: true)
        }
        return adopt(domain: domain, problem: text, origin: "the pasted PDDL")
    }

    mutating func adopt(domain: String, problem: String?, origin: String, keepWaiting: Bool = false) -> ConversationReply {
        do {
            let imported = try PDDLImporter().importModel(domain: domain, problem: problem)
            let previous = state.model
            state.model = imported
            if !previous.description.isEmpty && imported.description.isEmpty { state.model.description = previous.description }
            state.record(previous)
            if !keepWaiting { state.pastedDomain = nil }
            state.stage = keepWaiting ? .objects : .review
            let next = keepWaiting ? "Now paste its problem, or add objects, init and goal here. " + prompt
                                   : ModelExplainer().explain(state.model) + "\n\n" + prompt
            return reply("Loaded \(origin).\n" + next)
        } catch {
            if keepWaiting { state.pastedDomain = nil }
            return reply(error.description, isError: true)
        }
    }
}

/// "Did you mean" as a list (empty when nothing is close).
enum PDDLSuggestion {
    static func closest(_ word: String, _ candidates: [String]) -> [String] {
        Suggestions.closest(to: word, among: candidates).map { [$0] } ?? []
    }
}
