extension Parser {
    /// A typed list: `a b - t c - (either u v) d`. Items are names or variables (`kind`); untyped
    /// trailing items get `type == nil`. Stops before `)` (not consumed) or at a stray `(`.
    mutating func parseTypedList(of kind: Token.Kind, what: String) -> [TypedName] {
        var items: [TypedName] = []
        var pendingStart = 0
        loop: while !unwindingToSection {
            switch current.kind {
            case .closeParen, .endOfFile:
                break loop
            case .dash:
                let dash = current
                advance()
                guard let type = parseTypeReference() else { break }
                if pendingStart == items.count {
                    report(.malformedTypedList, "'- \(type)' has no \(what)s before it to apply to", at: dash.range)
                }
                for index in pendingStart..<items.count { items[index].type = type }
                pendingStart = items.count
            case kind:
                if let name = itemName(current, kind: kind, what: what) { items.append(TypedName(name)) }
                advance()
            case .openParen:
                if unwindIfSectionStarts() { break loop }
                report(kind == .variable ? .expectedVariable : .expectedName,
                       "expected a \(what)\(kind == .variable ? " variable such as '?x'" : " name"), found '('", at: current.range)
                if consumeOpen() { skipToCloseOfCurrentList() }
            default:
                if kind == .variable && current.kind == .name {
                    report(.expectedVariable, "expected a \(what) variable, found \(describe(current))", at: current.range,
                           notes: ["variables start with '?'"], suggestion: "?" + currentText)
                } else {
                    report(kind == .variable ? .expectedVariable : .expectedName,
                           "expected a \(what)\(kind == .variable ? " variable" : " name"), found \(describe(current))",
                           at: current.range)
                }
                advance()
            }
        }
        return items
    }

    /// The name of a list item; variables drop their `?`.
    private mutating func itemName(_ token: Token, kind: Token.Kind, what: String) -> Name? {
        if kind == .variable {
            guard token.length > 1 else {
                report(.expectedVariable, "'?' must be followed by a variable name", at: token.range)
                return nil
            }
            return Name(String(text(token).dropFirst()), range: token.range)
        }
        return Name(text(token), range: token.range)
    }

    /// After `-`: a type name or `(either t1 t2 …)`.
    mutating func parseTypeReference() -> TypeReference? {
        switch current.kind {
        case .name:
            let name = Name(currentText, range: current.range)
            advance()
            return .named(name)
        case .openParen:
            let start = current
            let next = peekNext()
            guard isKeyword("either", next) else {
                report(.malformedTypedList, "expected a type name or '(either …)' after '-', found '('", at: current.range)
                if consumeOpen() { skipToCloseOfCurrentList() }
                return nil
            }
            guard consumeOpen() else { return nil }
            advance()
            var names: [Name] = []
            while current.kind == .name {
                names.append(Name(currentText, range: current.range))
                advance()
            }
            let end = current.end
            if names.isEmpty {
                report(.malformedTypedList, "'(either)' needs at least one type", at: start.range)
            }
            closeList("'(either …)'")
            return .either(names, SourceRange(start: start.start, end: end))
        default:
            report(.malformedTypedList, "expected a type after '-', found \(describe(current))", at: current.range)
            return nil
        }
    }
}
