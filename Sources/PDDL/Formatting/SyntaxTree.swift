/// A concrete syntax tree for formatting: lists, atoms and comments, exactly as written.
///
/// The formatter works on this rather than the AST so it can keep every comment and the
/// user's paragraph breaks; only whitespace changes, so `parse(fmt(x))` equals `parse(x)`.
indirect enum SyntaxNode: Equatable, Sendable {
    case list([SyntaxNode], Trivia)
    case atom(String, Trivia)
    /// A `;` comment. `ownLine` is false for a comment that followed code on the same line.
    case comment(String, ownLine: Bool, Trivia)

    var trivia: Trivia {
        switch self {
        case .list(_, let t), .atom(_, let t), .comment(_, _, let t): t
        }
    }

    var isComment: Bool { if case .comment = self { true } else { false } }

    var atomText: String? { if case .atom(let text, _) = self { text } else { nil } }

    var children: [SyntaxNode] { if case .list(let c, _) = self { c } else { [] } }

    /// Whether a comment sits anywhere inside (such a list cannot be printed on one line).
    var containsComment: Bool {
        switch self {
        case .comment: true
        case .atom: false
        case .list(let children, _): children.contains { $0.containsComment }
        }
    }
}

/// Layout facts from the source that the formatter keeps.
struct Trivia: Equatable, Sendable {
    /// The user left an empty line before this node (kept, at most one).
    var blankLineBefore = false
}

/// Reads source bytes into `SyntaxNode`s. Only called on input the parser accepted, so the
/// parentheses are balanced and nesting is bounded.
struct SyntaxTreeReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func read(_ bytes: [UInt8]) -> [SyntaxNode] {
        var reader = SyntaxTreeReader(bytes)
        return reader.readSequence(untilClose: false)
    }

    private mutating func readSequence(untilClose: Bool) -> [SyntaxNode] {
        var nodes: [SyntaxNode] = []
        while true {
            let (newlines, _) = skipSpace()
            guard offset < bytes.count else { return nodes }
            var trivia = Trivia(blankLineBefore: newlines >= 2 && !nodes.isEmpty)
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: ")"):
                offset += 1
                if untilClose { return nodes }
            case UInt8(ascii: "("):
                offset += 1
                let children = readSequence(untilClose: true)
                nodes.append(.list(children, trivia))
            case UInt8(ascii: ";"):
                let start = offset
                while offset < bytes.count && bytes[offset] != 0x0A { offset += 1 }
                var end = offset
                while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D) { end -= 1 }
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                let ownLine = newlines > 0 || nodes.isEmpty
                if !ownLine { trivia.blankLineBefore = false }
                nodes.append(.comment(text, ownLine: ownLine, trivia))
            default:
                let start = offset
                offset += 1
                while offset < bytes.count {
                    let b = bytes[offset]
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B
                        || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: ";") || b == UInt8(ascii: "?") { break }
                    offset += 1
                }
                nodes.append(.atom(String(decoding: bytes[start..<offset], as: UTF8.self), trivia))
            }
        }
    }

    /// Skips whitespace; returns how many line breaks it crossed.
    private mutating func skipSpace() -> (Int, Int) {
        var newlines = 0
        let start = offset
        while offset < bytes.count {
            let b = bytes[offset]
            if b == 0x0A { newlines += 1 } else if !(b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B) { break }
            offset += 1
        }
        return (newlines, offset - start)
    }
}
