/// How a condition or effect list begins: `(head …`, `()`, or something unusable (reported).
enum FormulaStart {
    case head(FormulaOpening)
    case emptyList(SourceRange)
    case invalid
}

struct FormulaOpening {
    var start: Token
    var head: String
    var headToken: Token
}

extension Parser {
    /// Shared opening of conditions and effects: requires `(`, handles `()` and a missing
    /// head word, and consumes the head. `what` is "a condition" or "an effect".
    mutating func openFormula(_ what: String, heads: String) -> FormulaStart {
        switch current.kind {
        case .openParen:
            break
        case .closeParen, .endOfFile:
            report(.expectedOpenParen, "expected \(what), found \(describe(current))", at: current.range)
            return .invalid
        default:
            report(.expectedOpenParen, "expected '(' to start \(what), found \(describe(current))", at: current.range,
                   notes: current.kind == .name ? ["an atom is written '(\(lexer.rawText(of: current)) …)'"] : [])
            advance()
            return .invalid
        }
        if unwindIfSectionStarts() { return .invalid }
        let start = current
        guard consumeOpen() else { return .invalid }
        if current.kind == .closeParen {
            let range = SourceRange(start: start.start, end: current.end)
            closeList(what)
            return .emptyList(range)
        }
        guard current.kind == .name else {
            report(.expectedName, "expected \(heads), found \(describe(current))", at: current.range)
            skipToCloseOfCurrentList()
            return .invalid
        }
        let opening = FormulaOpening(start: start, head: currentText, headToken: current)
        advance()
        return .head(opening)
    }

    // MARK: Conditions

    /// A goal description at `current`.
    mutating func parseCondition() -> Condition {
        let opening: FormulaOpening
        switch openFormula("a condition", heads: "a predicate name or a connective (and, or, not, …)") {
        case .invalid: return .empty
        case .emptyList(let range): return .and([], range)
        case .head(let value): opening = value
        }
        let (start, head, headToken) = (opening.start, opening.head, opening.headToken)
        let condition: Condition
        switch head {
        case "and", "or":
            var parts: [Condition] = []
            while current.kind != .closeParen && current.kind != .endOfFile && !unwindingToSection {
                parts.append(parseCondition())
            }
            let range = SourceRange(start: start.start, end: current.end)
            condition = head == "and" ? .and(parts, range) : .or(parts, range)
        case "not":
            let inner = parseCondition()
            condition = .not(inner, SourceRange(start: start.start, end: current.end))
        case "imply":
            let antecedent = parseCondition()
            let consequent = parseCondition()
            condition = .imply(antecedent, consequent, SourceRange(start: start.start, end: current.end))
        case "exists", "forall":
            let variables = parseQuantifiedVariables(head)
            let body = parseCondition()
            let range = SourceRange(start: start.start, end: current.end)
            condition = head == "exists" ? .exists(variables, body, range) : .forall(variables, body, range)
        case "=":
            let terms = parseTerms(context: "'='")
            if terms.count != 2 {
                report(.wrongArity, "'=' compares exactly two terms, got \(terms.count)", at: headToken.range)
            }
            let range = SourceRange(start: start.start, end: current.end)
            condition = terms.count == 2 ? .equals(terms[0], terms[1], range) : .empty
        case "<", ">", "<=", ">=":
            report(.unsupportedFeature, "numeric comparison '\(head)' is not supported (numeric fluents beyond total-cost)",
                   at: headToken.range)
            skipToCloseOfCurrentList()
            return .empty
        case "preference":
            report(.unsupportedFeature, "preferences are not supported", at: headToken.range)
            skipToCloseOfCurrentList()
            return .empty
        default:
            let terms = parseTerms(context: "'\(head)'")
            condition = .atom(Atom(Name(head, range: headToken.range), terms, range: SourceRange(start: start.start, end: current.end)))
        }
        closeList("'(\(head) …)'")
        return condition
    }

    /// `(?x - t ?y)` after `exists` / `forall`.
    mutating func parseQuantifiedVariables(_ quantifier: String) -> [TypedName] {
        guard expectOpen("the variables of '\(quantifier)'") else { return [] }
        let variables = parseTypedList(of: .variable, what: "quantified")
        closeList("the variables of '\(quantifier)'")
        return variables
    }

    /// Names and variables up to `)`.
    mutating func parseTerms(context: @autoclosure () -> String) -> [Term] {
        // Collected in a reused buffer, then copied once at the exact size: a large problem has
        // a million atoms, and growing each argument array costs allocations and memory.
        var terms: [Term] = []
        swap(&terms, &termBuffer)
        terms.removeAll(keepingCapacity: true)
        defer { swap(&terms, &termBuffer) }
        while !unwindingToSection {
            switch current.kind {
            case .name:
                terms.append(.constant(Name(currentText, range: current.range)))
                advance()
            case .variable:
                if current.length == 1 {
                    report(.expectedVariable, "'?' must be followed by a variable name", at: current.range)
                } else {
                    terms.append(.variable(Name(String(currentText.dropFirst()), range: current.range)))
                }
                advance()
            case .openParen:
                if unwindIfSectionStarts() { return Array(terms) }
                report(.unsupportedFeature, "nested terms in \(context()) are not supported (object fluents); arguments are objects or variables",
                       at: current.range)
                if consumeOpen() { skipToCloseOfCurrentList() }
            case .number, .dash:
                report(.expectedName, "expected an object or variable in \(context()), found \(describe(current))", at: current.range)
                advance()
            case .closeParen, .endOfFile:
                return Array(terms)
            }
        }
        return Array(terms)
    }

    // MARK: Effects

    mutating func parseEffect() -> Effect {
        let opening: FormulaOpening
        switch openFormula("an effect", heads: "a predicate name or 'and', 'not', 'forall', 'when', 'increase'") {
        case .invalid: return .empty
        case .emptyList(let range): return .and([], range)
        case .head(let value): opening = value
        }
        let (start, head, headToken) = (opening.start, opening.head, opening.headToken)
        let effect: Effect
        switch head {
        case "and":
            var parts: [Effect] = []
            while current.kind != .closeParen && current.kind != .endOfFile && !unwindingToSection {
                parts.append(parseEffect())
            }
            effect = .and(parts, SourceRange(start: start.start, end: current.end))
        case "not":
            guard let atom = parseAtom(context: "a negated effect") else {
                skipToCloseOfCurrentList()
                return .empty
            }
            effect = .delete(atom, SourceRange(start: start.start, end: current.end))
        case "forall":
            let variables = parseQuantifiedVariables(head)
            let body = parseEffect()
            effect = .forall(variables, body, SourceRange(start: start.start, end: current.end))
        case "when":
            let condition = parseCondition()
            let body = parseEffect()
            effect = .when(condition, body, SourceRange(start: start.start, end: current.end))
        case "increase":
            guard let target = parseFunctionTerm(context: "'increase'") else { skipToCloseOfCurrentList(); return .empty }
            guard let amount = parseNumericExpression() else { skipToCloseOfCurrentList(); return .empty }
            effect = .increase(target, amount, SourceRange(start: start.start, end: current.end))
        case "decrease", "assign", "scale-up", "scale-down":
            report(.unsupportedFeature, "numeric effect '\(head)' is not supported; only '(increase (total-cost) …)' for action costs",
                   at: headToken.range)
            skipToCloseOfCurrentList()
            return .empty
        default:
            let terms = parseTerms(context: "'\(head)'")
            effect = .add(Atom(Name(head, range: headToken.range), terms, range: SourceRange(start: start.start, end: current.end)))
        }
        closeList("'(\(head) …)'")
        return effect
    }

    /// `(predicate term …)`: a plain atom, as the operand of `not` in an effect.
    mutating func parseAtom(context: String) -> Atom? {
        guard current.kind == .openParen else {
            report(.expectedOpenParen, "expected '(' to start \(context), found \(describe(current))", at: current.range)
            return nil
        }
        if unwindIfSectionStarts() { return nil }
        let start = current
        guard consumeOpen() else { return nil }
        guard current.kind == .name else {
            report(.expectedName, "expected a predicate name in \(context), found \(describe(current))", at: current.range)
            skipToCloseOfCurrentList()
            return nil
        }
        let head = Name(currentText, range: current.range)
        if ["and", "or", "not", "forall", "when", "exists", "imply"].contains(head.text) {
            report(.unexpectedToken, "only a single atom can be negated in \(context), not '(\(head.text) …)'", at: current.range)
            skipToCloseOfCurrentList()
            return nil
        }
        advance()
        let terms = parseTerms(context: "'\(head.text)'")
        let atom = Atom(head, terms, range: SourceRange(start: start.start, end: current.end))
        closeList("'(\(head.text) …)'")
        return atom
    }

    /// `(function term …)`.
    mutating func parseFunctionTerm(context: String) -> FunctionTerm? {
        guard current.kind == .openParen else {
            report(.expectedOpenParen, "expected '(' to start a function term in \(context), found \(describe(current))",
                   at: current.range)
            return nil
        }
        let start = current
        guard consumeOpen() else { return nil }
        guard let name = expectName("a function name") else {
            skipToCloseOfCurrentList()
            return nil
        }
        let terms = parseTerms(context: "'\(name.text)'")
        let term = FunctionTerm(name, terms, range: SourceRange(start: start.start, end: current.end))
        closeList("'(\(name.text) …)'")
        return term
    }

    /// A number or a function term, as the amount of `increase`.
    mutating func parseNumericExpression() -> NumericExpression? {
        switch current.kind {
        case .number:
            let token = current
            advance()
            return .number(Double(text(token)) ?? 0, token.range)
        case .openParen:
            let next = peekNext()
            if next.kind == .name, ["+", "-", "*", "/"].contains(text(next)) {
                report(.unsupportedFeature, "arithmetic in action costs is not supported; use a number or a function such as '(road-length ?a ?b)'",
                       at: current.range)
                return nil
            }
            return parseFunctionTerm(context: "a cost").map { .function($0) }
        default:
            report(.expectedNumber, "expected a number or a function term, found \(describe(current))", at: current.range)
            return nil
        }
    }
}
