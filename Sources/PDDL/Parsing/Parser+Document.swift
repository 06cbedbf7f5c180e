extension Parser {
    /// `(define (domain|problem name) section…)`.
    mutating func parseDocument() -> PDDLDocument? {
        let defineStart = current
        guard current.kind == .openParen else {
            if current.kind == .endOfFile {
                report(.emptyInput, "input has no PDDL: expected '(define (domain …)' or '(define (problem …)'", at: current.range)
            } else {
                report(.notAPDDLFile, "expected '(define' at the start of a PDDL file, found \(describe(current))", at: current.range)
            }
            return nil
        }
        _ = consumeOpen()
        guard isKeyword("define", current) else {
            report(.expectedDefine, "expected 'define', found \(describe(current))", at: current.range,
                   suggestion: current.kind == .name ? suggest(currentText, among: ["define"]) : nil)
            return nil
        }
        advance()
        guard let header = parseHeader() else { return nil }
        let document: PDDLDocument
        switch header.kind {
        case .domain:
            var domain = Domain(name: header.name)
            parseDomainSections(into: &domain)
            domain.range = SourceRange(start: defineStart.start, end: lexer.endLocation)
            document = .domain(domain)
        case .problem:
            var problem = Problem(name: header.name, domainName: Name(""))
            parseProblemSections(into: &problem)
            problem.range = SourceRange(start: defineStart.start, end: lexer.endLocation)
            document = .problem(problem)
        }
        if current.kind != .endOfFile {
            report(.trailingContent, "unexpected \(describe(current)) after the end of the definition", at: current.range,
                   notes: ["a PDDL file holds one (define …); check for an extra ')' earlier in the file"])
        }
        return document
    }

    private enum HeaderKind { case domain, problem }

    /// `(domain name)` or `(problem name)`.
    private mutating func parseHeader() -> (kind: HeaderKind, name: Name)? {
        guard expectOpen("the '(domain NAME)' or '(problem NAME)' header") else { return nil }
        let kind: HeaderKind
        if isKeyword("domain", current) {
            kind = .domain
        } else if isKeyword("problem", current) {
            kind = .problem
        } else {
            report(.expectedHeader, "expected 'domain' or 'problem' after 'define', found \(describe(current))",
                   at: current.range,
                   suggestion: current.kind == .name ? suggest(currentText, among: ["domain", "problem"]) : nil)
            return nil
        }
        advance()
        let name = expectName("the \(kind == .domain ? "domain" : "problem") name") ?? Name("")
        closeList("the header")
        return (kind, name)
    }

    /// Runs `body` for each `(:keyword …)` section until the `(define` list closes.
    mutating func forEachSection(_ body: (inout Parser, _ keyword: Token) -> Void) {
        while true {
            if unwindingToSection { finishUnwinding() }
            switch current.kind {
            case .closeParen:
                if depth == 1 { openParens.removeLast(); advance(); return }
                openParens.removeLast()
                advance()
            case .endOfFile:
                reportUnclosed()
                return
            case .openParen:
                _ = consumeOpen()
                guard current.kind == .name, currentText.hasPrefix(":") else {
                    report(.expectedKeyword, "expected a section keyword such as ':action' after '(', found \(describe(current))",
                           at: current.range)
                    skipToCloseOfCurrentList()
                    continue
                }
                let keyword = current
                advance()
                body(&self, keyword)
            default:
                report(.unexpectedToken, "unexpected \(describe(current)) between sections; expected '(' or ')'", at: current.range)
                advance()
            }
        }
    }

    /// Reports an unknown section keyword with a suggestion and skips the section.
    mutating func unknownSection(_ keyword: Token, known: [String]) {
        let text = self.text(keyword)
        report(.unknownSection, "unknown section '\(text)'", at: keyword.range,
               notes: ["sections here are \(known.joined(separator: ", "))"],
               suggestion: suggest(text, among: known))
        skipToCloseOfCurrentList()
    }

    /// An unsupported section (`:durative-action`, `:derived`, …): one clear error, then skip.
    mutating func unsupportedSection(_ keyword: Token, feature: String) {
        report(.unsupportedFeature, "\(feature) ('\(text(keyword))') is not supported: Plansmith plans with classical PDDL (STRIPS, ADL, action costs)",
               at: keyword.range)
        skipToCloseOfCurrentList()
    }

    /// `(:requirements :strips :typing …)`.
    mutating func parseRequirements() -> [RequirementEntry] {
        var entries: [RequirementEntry] = []
        while current.kind == .name {
            let entry = RequirementEntry(Name(currentText, range: current.range))
            if let requirement = entry.requirement {
                if !requirement.isSupported {
                    report(.unsupportedRequirement,
                           "requirement '\(requirement.rawValue)' is not supported: Plansmith plans with classical PDDL",
                           at: current.range,
                           notes: ["supported: \(Requirement.supportedNames.joined(separator: " "))"])
                }
            } else {
                report(.unknownRequirement, "unknown requirement '\(entry.name.text)'", at: current.range,
                       suggestion: suggest(entry.name.text, among: Requirement.allCases.map(\.rawValue)))
            }
            entries.append(entry)
            advance()
        }
        closeList("the requirements")
        return entries
    }

    /// A name token, or a diagnostic naming what was expected.
    mutating func expectName(_ what: String) -> Name? {
        guard current.kind == .name else {
            report(.expectedName, "expected \(what), found \(describe(current))", at: current.range)
            return nil
        }
        let name = Name(currentText, range: current.range)
        advance()
        return name
    }

    func suggest(_ text: String, among candidates: [String]) -> String? {
        Suggestions.closest(to: text, among: candidates)
    }
}
