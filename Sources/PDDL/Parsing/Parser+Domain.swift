extension Parser {
    static let domainSections = [":requirements", ":types", ":constants", ":predicates", ":functions", ":action"]

    mutating func parseDomainSections(into domain: inout Domain) {
        var seen: [String: Token] = [:]
        forEachSection { parser, keyword in
            let name = parser.text(keyword)
            if name != ":action", let first = seen[name] {
                parser.report(.duplicateSection, "section '\(name)' appears twice", at: keyword.range,
                              notes: ["first at line \(first.line); the entries of both are used"])
            }
            seen[name] = keyword
            switch name {
            case ":requirements":
                domain.requirements += parser.parseRequirements()
            case ":types":
                domain.hasTypesSection = true
                domain.types += parser.parseTypedList(of: .name, what: "type")
                parser.closeList("the types")
            case ":constants":
                domain.constants += parser.parseTypedList(of: .name, what: "constant")
                parser.closeList("the constants")
            case ":predicates":
                domain.predicates += parser.parsePredicateDeclarations()
            case ":functions":
                domain.functions += parser.parseFunctionDeclarations()
            case ":action":
                if let action = parser.parseAction(start: keyword) { domain.actions.append(action) }
            case ":durative-action":
                parser.unsupportedSection(keyword, feature: "durative actions")
            case ":derived":
                parser.unsupportedSection(keyword, feature: "derived predicates")
            case ":constraints":
                parser.unsupportedSection(keyword, feature: "constraints")
            default:
                parser.unknownSection(keyword, known: Self.domainSections)
            }
        }
    }

    /// `(name ?x - t …)` entries of `(:predicates …)`.
    private mutating func parsePredicateDeclarations() -> [PredicateDeclaration] {
        var predicates: [PredicateDeclaration] = []
        while current.kind == .openParen && !unwindIfSectionStarts() {
            let start = current
            guard consumeOpen() else { continue }
            guard let name = expectName("a predicate name") else { skipToCloseOfCurrentList(); continue }
            let parameters = parseTypedList(of: .variable, what: "parameter")
            let end = current.end
            closeList("the predicate '\(name.text)'")
            predicates.append(PredicateDeclaration(name, parameters: parameters, range: SourceRange(start: start.start, end: end)))
        }
        if unwindingToSection { return predicates }
        if current.kind != .closeParen && current.kind != .endOfFile {
            report(.expectedOpenParen, "expected '(' to start a predicate declaration, found \(describe(current))", at: current.range)
        }
        closeList("the predicates")
        return predicates
    }

    /// `(total-cost) - number (road-length ?a ?b - location) - number …`.
    private mutating func parseFunctionDeclarations() -> [FunctionDeclaration] {
        var functions: [FunctionDeclaration] = []
        while (current.kind == .openParen || current.kind == .dash) && !unwindIfSectionStarts() {
            if current.kind == .dash {
                // The result type; only `number` exists in the supported fragment.
                advance()
                if current.kind == .name {
                    if currentText != "number" {
                        report(.unsupportedFeature, "functions of type '\(currentText)' are not supported; only 'number' (for action costs)",
                               at: current.range)
                    }
                    advance()
                } else {
                    report(.malformedTypedList, "expected a type after '-', found \(describe(current))", at: current.range)
                }
                continue
            }
            let start = current
            guard consumeOpen() else { continue }
            guard let name = expectName("a function name") else { skipToCloseOfCurrentList(); continue }
            let parameters = parseTypedList(of: .variable, what: "parameter")
            let end = current.end
            closeList("the function '\(name.text)'")
            functions.append(FunctionDeclaration(name, parameters: parameters, range: SourceRange(start: start.start, end: end)))
        }
        closeList("the functions")
        return functions
    }

    /// `:action name :parameters (…) :precondition … :effect …`; the `(:action` is consumed.
    private mutating func parseAction(start keyword: Token) -> Action? {
        let openParen = openParens.last ?? keyword
        guard let name = expectName("the action name") else {
            skipToCloseOfCurrentList()
            return nil
        }
        var action = Action(name)
        var seen: Set<String> = []
        while current.kind == .name && !unwindingToSection {
            let key = current
            let keyText = currentText
            advance()
            if !seen.insert(keyText).inserted {
                report(.duplicateSection, "'\(keyText)' appears twice in action '\(name.text)'", at: key.range)
            }
            switch keyText {
            case ":parameters":
                if expectOpen("the parameter list") {
                    action.parameters = parseTypedList(of: .variable, what: "parameter")
                    closeList("the parameter list")
                }
            case ":precondition":
                action.precondition = parseCondition()
            case ":effect":
                action.effect = parseEffect()
            default:
                report(.expectedKeyword, "unknown action part '\(lexer.rawText(of: key))'", at: key.range,
                       notes: ["an action has :parameters, :precondition and :effect"],
                       suggestion: suggest(keyText, among: [":parameters", ":precondition", ":effect"]))
                if current.kind == .openParen, consumeOpen() { skipToCloseOfCurrentList() } else if current.kind != .closeParen { advance() }
            }
        }
        if unwindingToSection {
            action.range = SourceRange(start: openParen.start, end: current.start)
            return action
        }
        let end = current.end
        if current.kind != .closeParen && current.kind != .endOfFile {
            report(.expectedKeyword, "expected ':parameters', ':precondition', ':effect' or ')' in action '\(name.text)', found \(describe(current))",
                   at: current.range)
            skipToCloseOfCurrentList()
        } else {
            closeList("the action '\(name.text)'")
        }
        action.range = SourceRange(start: openParen.start, end: end)
        return action
    }
}
