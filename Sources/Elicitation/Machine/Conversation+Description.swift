/// Offline answers to plain sentences: "Robots deliver parcels between rooms" is not a statement
/// of the controlled syntax, but it says a lot — which templates are close, and which lines would
/// start the model. Without a language model this is what the conversation offers instead of a
/// syntax error.
extension Conversation {
    /// Matching templates and starter lines for `text`, or nil when the sentence names nothing
    /// usable (then the caller falls back to its usual answer).
    public func understanding(of text: String) -> String? {
        let reading = DescriptionReading(text)
        let matches = TemplateMatcher(templates: templates).matches(for: reading)
        let lines = StarterLines.lines(for: reading, model: state.model)
        guard !matches.isEmpty || !lines.isEmpty else { return nil }
        var parts: [String] = []
        if !reading.kinds.isEmpty {
            parts.append("I read: " + ([reading.agent.map { "\($0) (acts)" }].compactMap { $0 } + reading.items
                                      + reading.places.map { "\($0) (a place)" }).joined(separator: ", ")
                         + (reading.verbs.isEmpty ? "" : "; actions: " + reading.verbs.joined(separator: ", ")) + ".")
        }
        for match in matches {
            let about = match.description.isEmpty ? "" : " — \(match.description)"
            parts.append("Close to the template '\(match.template)'\(about) Say 'template \(match.template)' to start from it.")
        }
        if !lines.isEmpty {
            parts.append("Or build it step by step; these lines would start it (type them one at a time, or change the names):\n"
                         + lines.map { "  " + $0 }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n")
    }

    /// A line that reads as prose: several words, the first not a keyword nor close to one.
    static func looksLikeProse(_ line: String) -> Bool {
        line.split(whereSeparator: \.isWhitespace).count >= 3 && !looksLikeStatement(line)
    }
}
