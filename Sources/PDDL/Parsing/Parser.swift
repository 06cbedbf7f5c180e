/// Recursive-descent PDDL parser with error recovery.
///
/// The parser never stops at the first problem: each construct that goes wrong reports a
/// diagnostic and skips to the `)` that closes it, so one run lists every error in a file.
/// Two situations get special care because they are what users actually produce:
/// * a missing `)` — when a section keyword such as `(:action` shows up nested inside another
///   construct, the parser reports the unclosed paren and *unwinds* to the top level, so the rest
///   of the file is still checked normally;
/// * absurd nesting — lists deeper than `maximumDepth` are skipped iteratively, so 100,000 `(`
///   cannot overflow the stack.
struct Parser {
    static let maximumDepth = 256

    var lexer: Lexer
    var current: Token
    var diagnostics: [Diagnostic] = []
    let file: String
    /// Opening parens not yet closed, innermost last.
    var openParens: [Token] = []
    /// Set when a section keyword appeared inside a construct: every level returns until the
    /// top-level section loop takes over again.
    var unwindingToSection = false
    /// Scratch space for `parseTerms`.
    var termBuffer: [Term] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        lexer = Lexer(bytes)
        current = lexer.next()
        self.file = file
    }

    var depth: Int { openParens.count }

    // MARK: Tokens

    mutating func advance() {
        current = lexer.next()
    }

    func text(_ token: Token) -> String { lexer.text(of: token) }

    var currentText: String { lexer.text(of: current) }

    /// The token after `current`, without consuming anything.
    func peekNext() -> Token {
        var copy = lexer
        return copy.next()
    }

    func isKeyword(_ keyword: String, _ token: Token) -> Bool {
        token.kind == .name && token.length == keyword.utf8.count && lexer.text(of: token) == keyword
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .openParen: "'('"
        case .closeParen: "')'"
        case .endOfFile: "end of file"
        case .dash: "'-'"
        case .name, .variable, .number: "'\(lexer.rawText(of: token))'"
        }
    }

    // MARK: Diagnostics

    mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange,
                         notes: [String] = [], suggestion: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: range, file: file, notes: notes, suggestion: suggestion))
    }

    // MARK: Parentheses

    /// Consumes `(` if it is next. Lists nested beyond `maximumDepth` are reported and skipped.
    mutating func consumeOpen() -> Bool {
        guard current.kind == .openParen else { return false }
        if depth >= Self.maximumDepth {
            report(.nestingTooDeep, "lists are nested more than \(Self.maximumDepth) levels deep; the rest of this list is skipped",
                   at: current.range)
            skipDeepList()
            return false
        }
        openParens.append(current)
        advance()
        return true
    }

    /// Requires `(`; reports what was found instead.
    mutating func expectOpen(_ what: String) -> Bool {
        if current.kind == .openParen { return consumeOpen() }
        report(.expectedOpenParen, "expected '(' to start \(what), found \(describe(current))", at: current.range)
        return false
    }

    /// Closes the innermost list: expects `)`, and otherwise reports the stray tokens and skips
    /// everything up to that list's `)`.
    mutating func closeList(_ what: @autoclosure () -> String) {
        if unwindingToSection { return }
        if current.kind == .closeParen {
            openParens.removeLast()
            advance()
            return
        }
        if current.kind == .endOfFile {
            reportUnclosed()
            return
        }
        report(.unexpectedToken, "expected ')' to end \(what()), found \(describe(current))", at: current.range)
        skipToCloseOfCurrentList()
    }

    /// Skips tokens up to and including the `)` that closes the innermost open list.
    mutating func skipToCloseOfCurrentList() {
        let target = depth
        guard target > 0 else { return }
        while !unwindingToSection {
            switch current.kind {
            case .endOfFile:
                reportUnclosed()
                return
            case .openParen:
                if sectionKeywordFollows() && depth >= 1 {
                    if depth > 1 { startUnwinding(); return }
                }
                if depth >= Self.maximumDepth {
                    if !diagnostics.contains(where: { $0.code == .nestingTooDeep }) {
                        report(.nestingTooDeep, "lists are nested more than \(Self.maximumDepth) levels deep; the rest of this list is skipped",
                               at: current.range)
                    }
                    skipDeepList()
                    continue
                }
                openParens.append(current)
                advance()
            case .closeParen:
                openParens.removeLast()
                advance()
                if depth < target { return }
            default:
                advance()
            }
        }
    }

    /// Skips a list at `current` without recursion or bookkeeping: deep nesting costs nothing.
    mutating func skipDeepList() {
        var level = 0
        repeat {
            switch current.kind {
            case .openParen: level += 1
            case .closeParen: level -= 1
            case .endOfFile:
                reportUnclosed()
                return
            default: break
            }
            advance()
        } while level > 0
    }

    /// At end of file with lists still open: one diagnostic, at the innermost unclosed `(`.
    mutating func reportUnclosed() {
        guard let innermost = openParens.last, !diagnostics.contains(where: { $0.code == .unclosedParen }) else {
            openParens.removeAll()
            return
        }
        let missing = openParens.count
        report(.unclosedParen,
               "this '(' is never closed: the file ends with \(missing) unclosed \(missing == 1 ? "list" : "lists")",
               at: innermost.range,
               notes: ["add \(String(repeating: ")", count: missing)) at the end, or find where a ')' went missing"])
        openParens.removeAll()
    }

    // MARK: Section keywords (recovery from a missing ')')

    static let sectionKeywords: Set<String> = [
        ":requirements", ":types", ":constants", ":predicates", ":functions", ":action",
        ":durative-action", ":derived", ":objects", ":init", ":goal", ":metric", ":domain", ":constraints",
    ]

    /// Whether `current` is `(` followed by a top-level section keyword such as `:action`.
    func sectionKeywordFollows() -> Bool {
        guard current.kind == .openParen else { return false }
        let next = peekNext()
        // Cheap test first: this runs before every nested list, and almost none start with ':'.
        guard next.kind == .name && next.length > 1 && lexer.firstByte(of: next) == UInt8(ascii: ":") else { return false }
        return Self.sectionKeywords.contains(lexer.text(of: next))
    }

    /// Called on `(` + section keyword found inside a construct: report the unclosed list and
    /// unwind to the section loop.
    mutating func startUnwinding() {
        if let unclosed = openParens.last, openParens.count > 1 {
            let keyword = lexer.text(of: peekNext())
            let open = openParens.count - 1
            report(.unclosedParen, "this '(' is never closed before '(\(keyword)' on line \(current.line)",
                   at: unclosed.range,
                   notes: ["'(\(keyword) …' starts a new section, but \(open) \(open == 1 ? "list is" : "lists are") still open here; add the missing ')'"])
        }
        unwindingToSection = true
    }

    /// Checks for a section keyword where a nested list is about to be parsed.
    mutating func unwindIfSectionStarts() -> Bool {
        if unwindingToSection { return true }
        if depth > 1 && sectionKeywordFollows() {
            startUnwinding()
            return true
        }
        return false
    }

    /// Resets the paren stack to the `(define` level after unwinding.
    mutating func finishUnwinding() {
        unwindingToSection = false
        if openParens.count > 1 { openParens.removeSubrange(1...) }
    }
}
