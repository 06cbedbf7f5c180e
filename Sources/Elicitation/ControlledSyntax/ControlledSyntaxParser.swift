import PDDL

/// Parses one line of the controlled syntax documented on `Statement`. Keywords are matched
/// case-insensitively and names are lower-cased (PDDL compares names without case).
public struct ControlledSyntaxParser {
    struct Token: Equatable {
        enum Kind: Equatable { case word, symbol }
        var kind: Kind
        var text: String
        var column: Int
    }

    /// The first words a statement may start with; used for "did you mean".
    public static let keywords = ["name", "type", "types", "object", "objects", "predicate", "action", "init",
                                  "goal", "remove", "template"] + ConversationCommand.allCases.map(\.rawValue)

    let line: String
    var tokens: [Token] = []
    var position = 0
    var example = SyntaxExamples.type

    /// Parses `line`; nil for a blank line.
    public static func parse(_ line: String) throws(ControlledSyntaxError) -> Statement? {
        var parser = ControlledSyntaxParser(line: line)
        try parser.tokenize()
        if parser.tokens.isEmpty { return nil }
        return try parser.statement()
    }

    init(line: String) { self.line = line }

    // MARK: tokens

    private static func isWordStart(_ c: Character) -> Bool { c.isLetter || c == "_" || c.isNumber }
    private static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "-" }

    mutating func tokenize() throws(ControlledSyntaxError) {
        let characters = Array(line)
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace { i += 1; continue }
            if Self.isWordStart(c) {
                let start = i
                while i < characters.count && Self.isWordChar(characters[i]) { i += 1 }
                tokens.append(Token(kind: .word, text: String(characters[start..<i]).lowercased(), column: start + 1))
            } else if c == "!" && i + 1 < characters.count && characters[i + 1] == "=" {
                tokens.append(Token(kind: .symbol, text: "!=", column: i + 1)); i += 2
            } else if "(),:=-".contains(c) {
                tokens.append(Token(kind: .symbol, text: String(c), column: i + 1)); i += 1
            } else {
                throw ControlledSyntaxError("unexpected character '\(c)'", column: i + 1, line: line, example: SyntaxExamples.action)
            }
        }
    }

    var current: Token? { position < tokens.count ? tokens[position] : nil }
    var endColumn: Int { line.count + 1 }

    func fail(_ message: String, at token: Token? = nil, suggestions: [String] = []) -> ControlledSyntaxError {
        ControlledSyntaxError(message, column: (token ?? current)?.column ?? endColumn, line: line, example: example, suggestions: suggestions)
    }

    mutating func accept(_ symbol: String) -> Bool {
        if let token = current, token.kind == .symbol, token.text == symbol { position += 1; return true }
        return false
    }

    mutating func acceptWord(_ word: String) -> Bool {
        if let token = current, token.kind == .word, token.text == word { position += 1; return true }
        return false
    }

    mutating func expect(_ symbol: String, _ what: String) throws(ControlledSyntaxError) {
        guard accept(symbol) else { throw fail("expected '\(symbol)' \(what)\(found)") }
    }

    var found: String { current.map { ", found '\($0.text)'" } ?? ", found the end of the line" }

    mutating func expectName(_ what: String) throws(ControlledSyntaxError) -> Located {
        guard let token = current, token.kind == .word else { throw fail("expected \(what)\(found)") }
        guard let first = token.text.first, first.isLetter else {
            throw fail("\(what) must start with a letter: '\(token.text)'")
        }
        position += 1
        return Located(token.text, column: token.column)
    }

    mutating func expectEnd() throws(ControlledSyntaxError) {
        if let token = current { throw fail("unexpected '\(token.text)' after the end of the statement", at: token) }
    }
}
