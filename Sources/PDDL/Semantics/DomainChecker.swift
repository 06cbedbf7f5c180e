/// Semantic checks of a domain: declarations, then every action, then what is declared but never used.
struct DomainChecker: DiagnosticCollector {
    let domain: Domain
    let file: String
    let scope: DomainScope
    var diagnostics: [Diagnostic] = []

    init(_ domain: Domain, file: String) {
        self.domain = domain
        self.file = file
        self.scope = DomainScope(domain)
    }

    mutating func run() -> [Diagnostic] {
        let constants = domain.constants.map { (name: $0.name.text, type: scope.types.resolve($0.type)) }
        var expressions = ExpressionChecker(scope: scope, objects: constants, file: file)
        checkTypes(&expressions)
        checkConstants(&expressions)
        checkPredicatesAndFunctions(&expressions)
        checkActions(&expressions)
        diagnostics += expressions.diagnostics
        checkRequirements(expressions.features)
        checkUnused(predicateUsed: expressions.predicateUsed)
        return diagnostics
    }

    private mutating func checkTypes(_ expressions: inout ExpressionChecker) {
        var seen: [String: Name] = [:]
        for entry in domain.types {
            if entry.name.text == "object" { continue }
            if let first = seen[entry.name.text] {
                // `a - t1 a - t2` declares two parents; repeating the same one is a plain duplicate.
                if entry.type == nil || domain.types.filter({ $0.name.text == entry.name.text }).map(\.type).count < 2 {
                    report(.duplicateType, "type '\(entry.name.text)' is declared twice", at: entry.name.range,
                           notes: ["first declared at line \(first.range.start.line)"])
                }
                continue
            }
            seen[entry.name.text] = entry.name
            expressions.checkTypeReference(entry.type)
        }
        for id in scope.types.cyclic {
            let name = domain.types.first { $0.name.text == scope.types.names[id] }?.name ?? Name(scope.types.names[id])
            report(.cyclicTypeHierarchy, "type '\(name.text)' is its own ancestor", at: name.range)
        }
    }

    private mutating func checkConstants(_ expressions: inout ExpressionChecker) {
        reportDuplicates(domain.constants.map(\.name), kind: "constant", code: .duplicateObject)
        for constant in domain.constants { expressions.checkTypeReference(constant.type) }
    }

    private mutating func checkPredicatesAndFunctions(_ expressions: inout ExpressionChecker) {
        reportDuplicates(domain.predicates.map(\.name), kind: "predicate", code: .duplicatePredicate)
        for predicate in domain.predicates {
            checkParameterList(predicate.parameters, owner: "predicate '\(predicate.name.text)'", repeatedIsWarning: true, &expressions)
        }
        reportDuplicates(domain.functions.map(\.name), kind: "function", code: .duplicateFunction)
        for function in domain.functions {
            expressions.features.actionCosts = FeatureUse.first(expressions.features.actionCosts, function.range)
            checkParameterList(function.parameters, owner: "function '\(function.name.text)'", repeatedIsWarning: true, &expressions)
        }
    }

    /// Reports every repeated name after its first declaration.
    private mutating func reportDuplicates(_ names: [Name], kind: String, code: DiagnosticCode) {
        var seen: [String: Name] = [:]
        for name in names {
            if let first = seen[name.text] {
                report(code, "\(kind) '\(name.text)' is declared twice", at: name.range,
                       notes: ["first declared at line \(first.range.start.line)"])
            } else {
                seen[name.text] = name
            }
        }
    }

    /// Duplicate names in a parameter list, and their types. Predicate declarations only name
    /// argument slots, so a repeated name there is a warning (logistics has `(in ?obj ?obj)`).
    private mutating func checkParameterList(_ parameters: [TypedName], owner: String, repeatedIsWarning: Bool,
                                             _ expressions: inout ExpressionChecker) {
        var seen: Set<String> = []
        for parameter in parameters {
            if !seen.insert(parameter.name.text).inserted {
                if repeatedIsWarning {
                    report(.repeatedPredicateParameter, "parameter '?\(parameter.name.text)' of \(owner) is named twice",
                           at: parameter.name.range, notes: ["planners accept this, but a distinct name per slot reads better"])
                } else {
                    report(.duplicateParameter, "parameter '?\(parameter.name.text)' of \(owner) is declared twice", at: parameter.name.range)
                }
            }
            expressions.checkTypeReference(parameter.type)
        }
    }

    private mutating func checkActions(_ expressions: inout ExpressionChecker) {
        reportDuplicates(domain.actions.map(\.name), kind: "action", code: .duplicateAction)
        for action in domain.actions {
            checkParameterList(action.parameters, owner: "action '\(action.name.text)'", repeatedIsWarning: false, &expressions)
            var variables: ExpressionChecker.Variables = [:]
            for parameter in action.parameters where variables[parameter.name.text] == nil {
                variables[parameter.name.text] = scope.types.resolve(parameter.type)
            }
            expressions.usedVariables = []
            expressions.check(action.precondition, variables: variables)
            expressions.check(action.effect, variables: variables)
        }
    }

    private mutating func checkRequirements(_ features: FeatureUse) {
        var features = features
        if scope.typing, features.typing == nil { features.typing = domain.types.first?.name.range ?? domain.name.range }
        let declared = domain.requirementSet
        for (requirement, what, range) in features.uses where !declared.contains(requirement) {
            if requirement == .actionCosts && declared.contains(.numericFluents) { continue }
            report(.missingRequirement, "\(what) is used but '\(requirement.rawValue)' is not in :requirements", at: range,
                   notes: ["planners usually accept this; declaring it documents what the domain needs"])
        }
    }

    private mutating func checkUnused(predicateUsed: [Bool]) {
        for predicate in domain.predicates {
            guard let index = scope.predicates[predicate.name.text]?.index, !predicateUsed[index] else { continue }
            report(.unusedPredicate, "predicate '\(predicate.name.text)' is declared but no action uses it", at: predicate.name.range,
                   notes: ["a predicate only the problem mentions is static: it is fine if it only describes the problem"])
        }
        var usedTypes: Set<String> = []
        func use(_ reference: TypeReference?) { for name in reference?.alternatives ?? [] { usedTypes.insert(name.text) } }
        domain.types.forEach { use($0.type) }
        domain.constants.forEach { use($0.type) }
        domain.predicates.forEach { $0.parameters.forEach { use($0.type) } }
        domain.functions.forEach { $0.parameters.forEach { use($0.type) } }
        domain.actions.forEach { $0.parameters.forEach { use($0.type) } }
        for action in domain.actions {
            forEachQuantifier(action.precondition) { $0.forEach { use($0.type) } }
            forEachQuantifier(action.effect) { $0.forEach { use($0.type) } }
        }
        for type in domain.types where !usedTypes.contains(type.name.text) && type.name.text != "object" {
            report(.unusedType, "type '\(type.name.text)' is declared but nothing uses it", at: type.name.range,
                   notes: ["problems may still declare objects of this type"])
        }
    }
}

/// Calls `body` with the variables of every quantifier in a condition.
func forEachQuantifier(_ condition: Condition, _ body: ([TypedName]) -> Void) {
    switch condition {
    case .atom, .equals: break
    case .not(let inner, _): forEachQuantifier(inner, body)
    case .and(let parts, _), .or(let parts, _): parts.forEach { forEachQuantifier($0, body) }
    case .imply(let a, let b, _): forEachQuantifier(a, body); forEachQuantifier(b, body)
    case .exists(let vars, let inner, _), .forall(let vars, let inner, _): body(vars); forEachQuantifier(inner, body)
    }
}

/// Calls `body` with the variables of every quantifier in an effect (including its conditions).
func forEachQuantifier(_ effect: Effect, _ body: ([TypedName]) -> Void) {
    switch effect {
    case .add, .delete, .increase: break
    case .and(let parts, _): parts.forEach { forEachQuantifier($0, body) }
    case .forall(let vars, let inner, _): body(vars); forEachQuantifier(inner, body)
    case .when(let condition, let inner, _): forEachQuantifier(condition, body); forEachQuantifier(inner, body)
    }
}
