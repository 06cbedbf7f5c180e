/// Classifies the characters of PDDL text for syntax highlighting. PDDL has no multi-line
/// tokens (no strings, no block comments), so classifying one line at a time is exact — which
/// lets an editor re-highlight only the lines it draws.
public enum SyntaxClass: String, Sendable, Hashable, CaseIterable {
    case paren, keyword, connective, variable, name, number, comment, dash
}

/// A classified run of a line, in UTF-8 byte offsets of that line.
public struct SyntaxSpan: Sendable, Hashable {
    public var start: Int
    public var length: Int
    public var kind: SyntaxClass

    public init(start: Int, length: Int, kind: SyntaxClass) {
        self.start = start
        self.length = length
        self.kind = kind
    }
}

public enum SyntaxClassifier {
    /// Words that structure formulas rather than name things.
    public static let connectives: Set<String> = [
        "define", "domain", "problem", "and", "or", "not", "imply", "exists", "forall", "when",
        "either", "increase", "decrease", "assign", "minimize", "maximize", "=",
    ]

    /// The spans of one line; whitespace is not covered.
    public static func spans(ofLine line: String) -> [SyntaxSpan] {
        var spans: [SyntaxSpan] = []
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C:
                index += 1
            case UInt8(ascii: ";"):
                spans.append(SyntaxSpan(start: index, length: bytes.count - index, kind: .comment))
                index = bytes.count
            case UInt8(ascii: "("), UInt8(ascii: ")"):
                spans.append(SyntaxSpan(start: index, length: 1, kind: .paren))
                index += 1
            default:
                let start = index
                index += 1
                while index < bytes.count {
                    let b = bytes[index]
                    if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
                        || b == UInt8(ascii: ";") || b == UInt8(ascii: "?") { break }
                    index += 1
                }
                let word = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
                spans.append(SyntaxSpan(start: start, length: index - start, kind: classify(word)))
            }
        }
        return spans
    }

    static func classify(_ word: String) -> SyntaxClass {
        if word == "-" { return .dash }
        if word.hasPrefix("?") { return .variable }
        if word.hasPrefix(":") { return .keyword }
        if connectives.contains(word) { return .connective }
        if let first = word.unicodeScalars.first, first.properties.numericType != nil || first == "-" || first == ".",
           Double(word) != nil { return .number }
        return .name
    }
}
