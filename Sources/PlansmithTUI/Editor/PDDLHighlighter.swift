import PDDL
import TerminalUI

/// Colours PDDL for the editor, one line at a time, from the PDDL module's classifier (exact
/// per line: PDDL has no multi-line tokens).
public struct PDDLHighlighter: Highlighter {
    public init() {}

    public func spans(for line: String, lineIndex: Int) -> [HighlightSpan] {
        let columns = GraphemeColumns(line)
        return SyntaxClassifier.spans(ofLine: line).compactMap { span in
            guard let role = Self.role(for: span.kind) else { return nil }
            let start = columns.column(atByte: span.start)
            let end = columns.column(atByte: span.start + span.length)
            return start < end ? HighlightSpan(start..<end, role) : nil
        }
    }

    static func role(for kind: SyntaxClass) -> Theme.Role? {
        switch kind {
        case .keyword: .keyword
        case .connective: .accent
        case .variable: .variable
        case .number: .number
        case .comment: .comment
        case .paren, .dash: .punctuation
        case .name: nil
        }
    }
}

/// Maps UTF-8 byte offsets of a line to the grapheme columns the editor counts in.
struct GraphemeColumns {
    /// `starts[i]`: byte offset where grapheme `i` begins; the last entry is the line's length.
    private var starts: [Int] = []

    init(_ line: String) {
        var offset = 0
        for character in line {
            starts.append(offset)
            offset += character.utf8.count
        }
        starts.append(offset)
    }

    /// The grapheme column containing byte `offset` (offsets inside a grapheme map to it).
    func column(atByte offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
