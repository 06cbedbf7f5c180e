/// What parsing a file produced: the document if its structure could be read, and every
/// diagnostic found on the way (syntax only; see `SemanticChecker` for the rest).
public struct ParseResult: Sendable {
    public var document: PDDLDocument?
    public var diagnostics: [Diagnostic]
}

/// Entry point of the PDDL front end.
public enum PDDLParser {
    /// Parses a domain or a problem file, whichever `source` holds.
    public static func parse(_ source: SourceText, maximumSize: Int = SourceText.defaultMaximumSize) -> ParseResult {
        if let problem = source.inputProblem(maximumSize: maximumSize) {
            return ParseResult(document: nil, diagnostics: [problem])
        }
        return source.bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, file: source.name)
            let document = parser.parseDocument()
            return ParseResult(document: document, diagnostics: parser.diagnostics)
        }
    }

    /// Parses text (for tests, the editor and generated PDDL).
    public static func parse(_ text: String, file: String = "<input>") -> ParseResult {
        parse(SourceText(name: file, text: text))
    }
}
