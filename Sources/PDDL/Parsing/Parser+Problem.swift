extension Parser {
    static let problemSections = [":domain", ":requirements", ":objects", ":init", ":goal", ":metric"]

    mutating func parseProblemSections(into problem: inout Problem) {
        var seen: [String: Token] = [:]
        forEachSection { parser, keyword in
            let name = parser.text(keyword)
            if let first = seen[name] {
                parser.report(.duplicateSection, "section '\(name)' appears twice", at: keyword.range,
                              notes: ["first at line \(first.line)"])
            }
            seen[name] = keyword
            switch name {
            case ":domain":
                problem.domainName = parser.expectName("the domain name") ?? Name("")
                parser.closeList("'(:domain …)'")
            case ":requirements":
                problem.requirements += parser.parseRequirements()
            case ":objects":
                problem.objects.appendSection(parser.parseTypedList(of: .name, what: "object"))
                parser.closeList("the objects")
            case ":init":
                problem.initialState.appendSection(parser.parseInitialState())
            case ":goal":
                problem.hasGoal = true
                problem.goal = parser.parseCondition()
                parser.closeList("the goal")
            case ":metric":
                problem.metric = parser.parseMetric(keyword)
            case ":constraints":
                parser.unsupportedSection(keyword, feature: "constraints")
            case ":length":
                // PDDL 1.2 leftover that planners ignore; accept it silently.
                parser.skipToCloseOfCurrentList()
            default:
                parser.unknownSection(keyword, known: Self.problemSections)
            }
        }
        if seen[":domain"] == nil && !diagnostics.hasErrors {
            report(.expectedHeader, "the problem does not say which domain it belongs to", at: problem.name.range,
                   notes: ["add '(:domain NAME)' after the problem header"])
        }
    }

    /// Facts and `(= (f …) n)` assignments up to `)`.
    private mutating func parseInitialState() -> [InitialElement] {
        var elements: [InitialElement] = []
        elements.reserveCapacity(64)
        while !unwindingToSection {
            switch current.kind {
            case .closeParen, .endOfFile:
                closeList("the initial state")
                return elements
            case .openParen:
                if unwindIfSectionStarts() { return elements }
                let start = current
                guard consumeOpen() else { continue }
                guard current.kind == .name else {
                    report(.expectedName, "expected a predicate name in the initial state, found \(describe(current))", at: current.range)
                    skipToCloseOfCurrentList()
                    continue
                }
                let headToken = current
                let head = currentText
                advance()
                if head == "=" {
                    if let assignment = parseAssignment(start: start) { elements.append(assignment) }
                    continue
                }
                if head == "not" {
                    report(.unexpectedToken, "negative facts are not written in the initial state: what is not listed is false",
                           at: headToken.range)
                    skipToCloseOfCurrentList()
                    continue
                }
                let terms = parseTerms(context: "'\(head)'")
                let atom = Atom(Name(head, range: headToken.range), terms, range: SourceRange(start: start.start, end: current.end))
                closeList("'(\(head) …)'")
                elements.append(.fact(atom))
            default:
                report(.expectedOpenParen, "expected '(' to start a fact, found \(describe(current))", at: current.range)
                advance()
            }
        }
        return elements
    }

    /// `(= (function args) number)`, after the `=`.
    private mutating func parseAssignment(start: Token) -> InitialElement? {
        guard let function = parseFunctionTerm(context: "'='") else {
            skipToCloseOfCurrentList()
            return nil
        }
        guard current.kind == .number else {
            report(.expectedNumber, "expected the value of \(function) as a number, found \(describe(current))", at: current.range)
            skipToCloseOfCurrentList()
            return nil
        }
        let value = Double(currentText) ?? 0
        advance()
        let range = SourceRange(start: start.start, end: current.end)
        closeList("'(= …)'")
        return .assignment(function, value, range)
    }

    /// `minimize (total-cost)`, after `(:metric`.
    private mutating func parseMetric(_ keyword: Token) -> Metric? {
        let start = openParens.last ?? keyword
        guard current.kind == .name, let direction = Metric.Direction(rawValue: currentText) else {
            report(.expectedKeyword, "expected 'minimize' or 'maximize', found \(describe(current))", at: current.range,
                   suggestion: current.kind == .name ? suggest(currentText, among: ["minimize", "maximize"]) : nil)
            skipToCloseOfCurrentList()
            return nil
        }
        advance()
        if current.kind == .openParen {
            let next = peekNext()
            if next.kind != .name || ["+", "-", "*", "/"].contains(text(next)) || next.kind == .dash {
                report(.unsupportedFeature, "only '(:metric minimize (total-cost))' is supported", at: current.range)
                skipToCloseOfCurrentList()
                return nil
            }
        } else if current.kind == .name {
            report(.unsupportedFeature, "metric '\(currentText)' is not supported; use '(total-cost)'", at: current.range)
            skipToCloseOfCurrentList()
            return nil
        }
        guard let expression = parseFunctionTerm(context: "the metric") else {
            skipToCloseOfCurrentList()
            return nil
        }
        let range = SourceRange(start: start.start, end: current.end)
        closeList("the metric")
        return Metric(direction, expression, range: range)
    }
}

extension Array {
    /// Appends a section's entries; the first (usual) time it takes the array over instead of
    /// copying hundreds of thousands of elements one by one.
    mutating func appendSection(_ entries: [Element]) {
        if isEmpty { self = entries } else { self += entries }
    }
}
