/// Checks atoms, conditions and effects against the declarations in scope: predicates exist,
/// arities match, variables are bound, objects are declared, and argument types can match.
struct ExpressionChecker: DiagnosticCollector {
    typealias Variables = [String: [Int]]

    let scope: DomainScope
    /// Constants, plus the problem's objects when checking a problem: name → index.
    let objectIndex: NameIndex
    let objectTypes: [[Int]]
    let file: String
    var diagnostics: [Diagnostic] = []
    var features = FeatureUse()
    /// Flat "used" flags by predicate and object index: big problems check millions of arguments.
    var predicateUsed: [Bool]
    var objectUsed: [Bool]
    var usedVariables: Set<String> = []
    /// Object indices of the last atom checked, when all its arguments were known objects.
    var lastGroundArguments: [Int] = []
    private lazy var objectNames: [String] = objectIndex.names

    /// `index` maps each name of `objects` to its position; built here unless the caller has it.
    init(scope: DomainScope, objects: [(name: String, type: [Int])], index: NameIndex? = nil, file: String) {
        self.scope = scope
        if let index {
            self.objectIndex = index
        } else {
            var index = NameIndex(capacity: objects.count)
            for (position, object) in objects.enumerated() { index.insert(object.name, value: position) }
            self.objectIndex = index
        }
        self.objectTypes = objects.map(\.type)
        self.file = file
        self.predicateUsed = [Bool](repeating: false, count: scope.predicates.count)
        self.objectUsed = [Bool](repeating: false, count: objects.count)
    }

    // MARK: Conditions

    mutating func check(_ condition: Condition, variables: Variables, negated: Bool = false) {
        switch condition {
        case .atom(let atom):
            if negated { features.negativePreconditions = FeatureUse.first(features.negativePreconditions, atom.range) }
            checkAtom(atom, variables: variables)
        case .equals(let a, let b, let range):
            features.equality = FeatureUse.first(features.equality, range)
            if negated { features.negativePreconditions = FeatureUse.first(features.negativePreconditions, range) }
            let typeA = type(of: a, variables: variables)
            let typeB = type(of: b, variables: variables)
            if let typeA, let typeB, scope.typing, !scope.types.canOverlap(typeA, typeB) {
                report(.typeMismatch, "'\(a)' (\(scope.types.describe(typeA))) and '\(b)' (\(scope.types.describe(typeB))) can never be equal",
                       at: range, severity: .warning)
            }
        case .not(let inner, _):
            check(inner, variables: variables, negated: !negated)
        case .and(let parts, _):
            for part in parts { check(part, variables: variables, negated: negated) }
        case .or(let parts, let range):
            features.disjunctivePreconditions = FeatureUse.first(features.disjunctivePreconditions, range)
            for part in parts { check(part, variables: variables, negated: negated) }
        case .imply(let a, let b, let range):
            features.disjunctivePreconditions = FeatureUse.first(features.disjunctivePreconditions, range)
            check(a, variables: variables, negated: !negated)
            check(b, variables: variables, negated: negated)
        case .exists(let bound, let body, let range):
            if negated { features.universalPreconditions = FeatureUse.first(features.universalPreconditions, range) }
            else { features.existentialPreconditions = FeatureUse.first(features.existentialPreconditions, range) }
            check(body, variables: bind(bound, in: variables), negated: negated)
        case .forall(let bound, let body, let range):
            if negated { features.existentialPreconditions = FeatureUse.first(features.existentialPreconditions, range) }
            else { features.universalPreconditions = FeatureUse.first(features.universalPreconditions, range) }
            check(body, variables: bind(bound, in: variables), negated: negated)
        }
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange, severity: Severity) {
        diagnostics.append(Diagnostic(code, message, at: range, file: file, severity: severity))
    }

    // MARK: Effects

    mutating func check(_ effect: Effect, variables: Variables) {
        switch effect {
        case .add(let atom), .delete(let atom, _):
            checkAtom(atom, variables: variables)
        case .and(let parts, _):
            for part in parts { check(part, variables: variables) }
        case .forall(let bound, let body, let range):
            features.conditionalEffects = FeatureUse.first(features.conditionalEffects, range)
            check(body, variables: bind(bound, in: variables))
        case .when(let condition, let body, let range):
            features.conditionalEffects = FeatureUse.first(features.conditionalEffects, range)
            check(condition, variables: variables)
            check(body, variables: variables)
        case .increase(let target, let amount, let range):
            features.actionCosts = FeatureUse.first(features.actionCosts, range)
            if target.function.text != "total-cost" || !target.arguments.isEmpty {
                report(.invalidNumericEffect, "only '(total-cost)' can be increased; '\(target)' is a numeric fluent, which is not supported",
                       at: target.range)
            } else if scope.functions["total-cost"] == nil {
                report(.undeclaredFunction, "'(total-cost)' is not declared", at: target.range,
                       notes: ["declare it with '(:functions (total-cost) - number)'"])
            }
            switch amount {
            case .number(let value, let range) where value < 0:
                report(.invalidNumericEffect, "action costs must not be negative", at: range)
            case .function(let function):
                checkFunctionTerm(function, variables: variables)
            default:
                break
            }
        }
    }

    mutating func checkFunctionTerm(_ term: FunctionTerm, variables: Variables) {
        guard let signature = scope.functions[term.function.text] else {
            report(.undeclaredFunction, "function '\(term.function.text)' is not declared", at: term.function.range,
                   suggestion: Suggestions.closest(to: term.function.text, among: scope.functions.keys))
            return
        }
        checkArguments(term.arguments, against: signature, kind: "function", at: term.range, variables: variables)
    }

    // MARK: Atoms and terms

    /// The integer form of a ground atom over known symbols, without reporting anything.
    func groundKey(of atom: Atom) -> (predicate: Int, objects: [Int])? {
        guard let found = scope.predicateIndex[atom.predicate.text], case let signature = scope.predicateList[found],
              signature.parameterTypes.count == atom.arguments.count else { return nil }
        var objects: [Int] = []
        objects.reserveCapacity(atom.arguments.count)
        for argument in atom.arguments {
            guard case .constant(let name) = argument, let index = objectIndex[name.text] else { return nil }
            objects.append(index)
        }
        return (signature.index, objects)
    }

    /// Checks one atom; returns its predicate index when the predicate is declared. For a
    /// ground atom, `lastGroundArguments` then holds its object indices.
    @discardableResult
    mutating func checkAtom(_ atom: Atom, variables: Variables) -> Int? {
        guard let found = scope.predicateIndex[atom.predicate.text], case let signature = scope.predicateList[found] else {
            report(.undeclaredPredicate, "predicate '\(atom.predicate.text)' is not declared", at: atom.predicate.range,
                   suggestion: Suggestions.closest(to: atom.predicate.text, among: scope.predicates.keys))
            for argument in atom.arguments { _ = type(of: argument, variables: variables) }
            return nil
        }
        predicateUsed[signature.index] = true
        checkArguments(atom.arguments, against: signature, kind: "predicate", at: atom.range, variables: variables)
        return signature.index
    }

    private mutating func checkArguments(_ arguments: [Term], against signature: DomainScope.Signature, kind: String,
                                         at range: SourceRange, variables: Variables) {
        if arguments.count != signature.parameterTypes.count {
            let expected = signature.parameterTypes.count
            report(.wrongArity, "\(kind) '\(signature.name.text)' takes \(expected) argument\(expected == 1 ? "" : "s"), got \(arguments.count)",
                   at: range, notes: ["declared at line \(signature.name.range.start.line)"])
        }
        lastGroundArguments.removeAll(keepingCapacity: true)
        for (index, argument) in arguments.enumerated() {
            guard let actual = type(of: argument, variables: variables), index < signature.parameterTypes.count, scope.typing else { continue }
            let expected = signature.parameterTypes[index]
            let compatible = argument.isVariable ? scope.types.canOverlap(actual, expected) : scope.types.isInstance(actual, of: expected)
            if !compatible {
                report(.typeMismatch,
                       "argument \(index + 1) of '\(signature.name.text)' must be \(scope.types.describe(expected)), but '\(argument)' is \(scope.types.describe(actual))",
                       at: argument.range)
            }
        }
    }

    /// The type of a term; reports unbound variables and undeclared objects (returning nil).
    mutating func type(of term: Term, variables: Variables) -> [Int]? {
        switch term {
        case .variable(let name):
            if let type = variables[name.text] {
                usedVariables.insert(name.text)
                return type
            }
            report(.undeclaredVariable, "variable '?\(name.text)' is not declared here", at: name.range,
                   notes: variables.isEmpty ? ["declare it in ':parameters' or in a 'forall'/'exists'"] : [],
                   suggestion: Suggestions.closest(to: name.text, among: variables.keys).map { "?" + $0 })
            return nil
        case .constant(let name):
            if let index = objectIndex[name.text] {
                objectUsed[index] = true
                lastGroundArguments.append(index)
                return objectTypes[index]
            }
            report(.undeclaredObject, "'\(name.text)' is not a declared object or constant", at: name.range,
                   suggestion: Suggestions.closest(to: name.text, among: objectNames))
            return nil
        }
    }

    /// The variables in scope inside a quantifier.
    mutating func bind(_ bound: [TypedName], in variables: Variables) -> Variables {
        var inner = variables
        var seen: Set<String> = []
        for variable in bound {
            if !seen.insert(variable.name.text).inserted {
                report(.duplicateParameter, "variable '?\(variable.name.text)' is declared twice", at: variable.name.range)
            } else if variables[variable.name.text] != nil {
                report(.shadowedVariable, "'?\(variable.name.text)' hides the outer variable of the same name", at: variable.name.range)
            }
            checkTypeReference(variable.type)
            inner[variable.name.text] = scope.types.resolve(variable.type)
        }
        return inner
    }

    mutating func checkTypeReference(_ reference: TypeReference?) {
        guard let reference else { return }
        features.typing = FeatureUse.first(features.typing, reference.range)
        for name in reference.alternatives where scope.types.id(of: name.text) == nil {
            report(.undeclaredType, "type '\(name.text)' is not declared", at: name.range,
                   notes: scope.typing ? [] : ["declare types with '(:types …)'"],
                   suggestion: Suggestions.closest(to: name.text, among: scope.typeNames))
        }
    }
}
