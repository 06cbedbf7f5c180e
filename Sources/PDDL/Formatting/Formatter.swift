/// Canonical PDDL layout. Idempotent: formatting formatted text changes nothing.
///
/// Rules, in order of precedence:
/// * `(define …)`, `(:action …)`, `(:predicates …)`, `(:functions …)` and `(:init …)` are always
///   broken: one entry per line, indented by two spaces;
/// * any other list that fits in `width` columns stays on one line;
/// * a list that does not fit keeps its head (`and`, `:action move`, `:objects`) on the first line
///   and puts each child on its own line — except keyword/value pairs (`:effect (and …)`), which
///   share a line, and lists of plain names (typed lists), which are filled and broken after each
///   `- type`;
/// * closing parentheses follow the last child (Lisp style), except the one that ends `(define`;
/// * comments are kept where they were (own line, or after code on the same line), and one empty
///   line between entries is kept where the user had one.
public struct PDDLFormatter: Sendable {
    public var width: Int
    public var indentWidth: Int

    public init(width: Int = 80, indentWidth: Int = 2) {
        self.width = width
        self.indentWidth = indentWidth
    }

    public enum Failure: Error, Sendable {
        /// The input has syntax errors; formatting it could change its meaning.
        case syntaxErrors([Diagnostic])
    }

    /// Formats a whole file. Refuses input with syntax errors, returning them.
    public func format(_ source: SourceText) -> Result<String, Failure> {
        let parsed = PDDLParser.parse(source)
        let syntaxErrors = parsed.diagnostics.filter(\.isError)
        guard syntaxErrors.isEmpty, parsed.document != nil else { return .failure(.syntaxErrors(syntaxErrors)) }
        return .success(format(nodes: SyntaxTreeReader.read(source.bytes)))
    }

    public func format(_ text: String) -> Result<String, Failure> {
        format(SourceText(name: "<input>", text: text))
    }

    func format(nodes: [SyntaxNode]) -> String {
        var printer = LayoutPrinter(width: width, indentWidth: indentWidth)
        for (index, node) in nodes.enumerated() {
            if index > 0 {
                if case .comment(_, false, _) = node {
                    printer.emit(" ")
                } else {
                    printer.newline(indent: 0, blankLine: node.trivia.blankLineBefore)
                }
            }
            printer.print(node, indent: 0)
        }
        printer.finishLine()
        return printer.output
    }
}

/// Writes nodes with the rules of `PDDLFormatter`, tracking the current column.
struct LayoutPrinter {
    let width: Int
    let indentWidth: Int
    private(set) var output = ""
    private var column = 0
    /// The last thing written was a `;` comment, so nothing else may follow on this line.
    private var lineEndsInComment = false

    init(width: Int, indentWidth: Int) {
        self.width = width
        self.indentWidth = indentWidth
    }

    mutating func emit(_ text: String) {
        output += text
        column += text.unicodeScalars.count
    }

    mutating func newline(indent: Int, blankLine: Bool = false) {
        output += blankLine ? "\n\n" : "\n"
        output += String(repeating: " ", count: indent)
        column = indent
        lineEndsInComment = false
    }

    mutating func finishLine() {
        if !output.isEmpty && !output.hasSuffix("\n") { output += "\n" }
    }

    mutating func print(_ node: SyntaxNode, indent: Int) {
        switch node {
        case .atom(let text, _):
            emit(text)
        case .comment(let text, _, _):
            emit(text)
            lineEndsInComment = true
        case .list(let children, _):
            if !Self.alwaysBroken(children), let flat = Self.flat(node), column + flat.unicodeScalars.count <= width {
                emit(flat)
            } else {
                printBroken(children, indent: indent)
            }
        }
    }

    /// One-line form, or nil if the list holds a comment.
    static func flat(_ node: SyntaxNode) -> String? {
        switch node {
        case .atom(let text, _): return text
        case .comment: return nil
        case .list(let children, _):
            var parts: [String] = []
            parts.reserveCapacity(children.count)
            for child in children {
                guard let part = flat(child) else { return nil }
                parts.append(part)
            }
            return "(" + parts.joined(separator: " ") + ")"
        }
    }

    static let brokenHeads: Set<String> = ["define", ":action", ":predicates", ":functions", ":init", ":durative-action", ":derived"]

    static func alwaysBroken(_ children: [SyntaxNode]) -> Bool {
        guard let head = children.first?.atomText?.lowercased() else { return false }
        if head == ":predicates" || head == ":functions" || head == ":init" { return children.count > 1 }
        return brokenHeads.contains(head)
    }

    /// How many leading atoms stay on the opening line: the head word, plus the name after
    /// `:action`, `domain`, `problem` and friends.
    static func headCount(_ children: [SyntaxNode]) -> Int {
        guard let first = children.first?.atomText?.lowercased() else { return 0 }
        let named: Set<String> = [":action", ":durative-action", "domain", "problem", ":domain", ":derived"]
        if named.contains(first), children.count > 1, children[1].atomText != nil { return 2 }
        // `(define (domain name)`: the header stays on the first line.
        if first == "define", children.count > 1, case .list = children[1] { return 2 }
        // Quantifiers keep their variables beside them: `(forall (?x - t)`.
        if first == "forall" || first == "exists", children.count > 1, case .list = children[1] { return 2 }
        return 1
    }

    private mutating func printBroken(_ children: [SyntaxNode], indent: Int) {
        let isDefine = children.first?.atomText?.lowercased() == "define"
        emit("(")
        let plainNonKeyword = isPlainNames(children) && children.first?.atomText?.hasPrefix(":") != true && !isDefine
        let heads = plainNonKeyword ? 0 : Self.headCount(children)
        for index in 0..<heads {
            if index > 0 { emit(" ") }
            print(children[index], indent: indent)
        }
        let rest = Array(children[heads...])
        let childIndent = indent + indentWidth
        if heads == 1, let keyword = children.first?.atomText, keyword.hasPrefix(":"), ![":init", ":predicates", ":functions"].contains(keyword.lowercased()),
           rest.count == 1, case .list = rest[0] {
            // `(:goal (and …` — a section holding one expression keeps it beside the keyword,
            // and its children indent as if the section's own.
            emit(" ")
            print(rest[0], indent: indent)
        } else if isPlainNames(rest) {
            fill(rest, indent: childIndent, startOnNewLine: heads > 0)
        } else {
            var index = 0
            while index < rest.count {
                let child = rest[index]
                if case .comment(_, false, _) = child {
                    emit(" ")
                    print(child, indent: childIndent)
                    index += 1
                    continue
                }
                if index > 0 || heads > 0 {
                    // Actions are separated by an empty line; elsewhere the user's empty lines stay.
                    let separate = isDefine && index > 0 && Self.isActionLike(child)
                    newline(indent: childIndent, blankLine: (child.trivia.blankLineBefore || separate) && index > 0)
                }
                print(child, indent: childIndent)
                // `:keyword value` pairs share a line.
                if let key = child.atomText, key.hasPrefix(":"), index + 1 < rest.count,
                   rest[index + 1].atomText?.hasPrefix(":") != true, !rest[index + 1].isComment {
                    emit(" ")
                    print(rest[index + 1], indent: childIndent)
                    index += 1
                }
                index += 1
            }
        }
        if isDefine || lineEndsInComment {
            newline(indent: isDefine ? indent : childIndent - indentWidth)
        }
        emit(")")
    }

    static func isActionLike(_ node: SyntaxNode) -> Bool {
        guard let head = node.children.first?.atomText?.lowercased() else { return false }
        return head == ":action" || head == ":durative-action" || head == ":derived"
    }

    /// A list of atoms only (a typed list such as `a b - t c - u`).
    private func isPlainNames(_ nodes: [SyntaxNode]) -> Bool {
        !nodes.isEmpty && nodes.allSatisfy { if case .atom = $0 { true } else { false } }
    }

    /// Fills lines with names, breaking after each `- type` group and at the width.
    private mutating func fill(_ atoms: [SyntaxNode], indent: Int, startOnNewLine: Bool) {
        var needsBreak = startOnNewLine
        var lineHasContent = false
        var index = 0
        while index < atoms.count {
            // A group: names up to and including `- type`, kept together where possible.
            var group: [String] = []
            while index < atoms.count {
                let text = atoms[index].atomText ?? ""
                group.append(text)
                index += 1
                if text == "-" && index < atoms.count {
                    group.append(atoms[index].atomText ?? "")
                    index += 1
                    break
                }
            }
            for (position, word) in group.enumerated() {
                let glued = position > 0 && (group[position - 1] == "-")
                if needsBreak || (!glued && lineHasContent && column + 1 + word.unicodeScalars.count > width) {
                    newline(indent: indent)
                    needsBreak = false
                    lineHasContent = false
                } else if lineHasContent {
                    emit(" ")
                }
                emit(word)
                lineHasContent = true
            }
            if group.count >= 2 && group[group.count - 2] == "-" { needsBreak = true }
        }
    }
}
