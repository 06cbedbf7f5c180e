/// Semantic checks of a problem against its domain: objects, initial state, goal and metric.
///
/// The initial state of a large problem has hundreds of thousands of facts, so this checker
/// works with integer object indices and a flat "used" array rather than sets of strings.
struct ProblemChecker {
    let problem: Problem
    let domain: Domain
    let file: String
    let scope: DomainScope
    var diagnostics: [Diagnostic] = []

    init(_ problem: Problem, domain: Domain, file: String) {
        self.problem = problem
        self.domain = domain
        self.file = file
        self.scope = DomainScope(domain)
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [String] = [],
                         suggestion: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: range, file: file, notes: notes, suggestion: suggestion))
    }

    mutating func run() -> [Diagnostic] {
        if !problem.domainName.text.isEmpty && problem.domainName.text != domain.name.text {
            report(.domainMismatch, "problem is for domain '\(problem.domainName.text)', but the domain file defines '\(domain.name.text)'",
                   at: problem.domainName.range)
        }
        let objects = declareObjects()
        var expressions = ExpressionChecker(scope: scope, objects: objects, file: file)
        for object in problem.objects { expressions.checkTypeReference(object.type) }
        checkInitialState(&expressions)
        if problem.hasGoal {
            expressions.check(problem.goal, variables: [:])
        } else {
            report(.missingGoal, "the problem has no '(:goal …)'", at: problem.name.range)
        }
        if let metric = problem.metric { expressions.checkFunctionTerm(metric.expression, variables: [:]) }
        diagnostics += expressions.diagnostics
        checkUnusedObjects(expressions.usedObjects)
        checkGoalAlreadyTrue()
        return diagnostics
    }

    private mutating func declareObjects() -> [String: [Int]] {
        var objects = scope.constants.mapValues(\.type)
        var seen: [String: Name] = [:]
        for object in problem.objects {
            if let constant = scope.constants[object.name.text] {
                report(.duplicateObject, "object '\(object.name.text)' is already a constant of the domain", at: object.name.range,
                       notes: ["declared at line \(constant.name.range.start.line) of the domain"])
                continue
            }
            if let first = seen[object.name.text] {
                report(.duplicateObject, "object '\(object.name.text)' is declared twice", at: object.name.range,
                       notes: ["first declared at line \(first.range.start.line)"])
                continue
            }
            seen[object.name.text] = object.name
            objects[object.name.text] = scope.types.resolve(object.type)
        }
        return objects
    }

    private mutating func checkInitialState(_ expressions: inout ExpressionChecker) {
        if problem.initialState.isEmpty {
            report(.emptyInit, "the initial state is empty: every fact starts false", at: problem.name.range)
        }
        var facts = Set<Atom>(minimumCapacity: problem.initialState.count)
        for element in problem.initialState {
            switch element {
            case .fact(let atom):
                expressions.checkAtom(atom, variables: [:])
                if !facts.insert(atom).inserted {
                    report(.duplicateInitFact, "fact \(atom) is listed twice", at: atom.range)
                }
            case .assignment(let function, _, _):
                expressions.checkFunctionTerm(function, variables: [:])
            }
        }
    }

    private mutating func checkUnusedObjects(_ used: Set<String>) {
        for object in problem.objects where !used.contains(object.name.text) {
            report(.unusedObject, "object '\(object.name.text)' appears in neither the initial state nor the goal",
                   at: object.name.range, notes: ["actions may still use it through their parameters"])
        }
    }

    /// A goal made only of facts that already hold needs no plan: almost certainly a mistake.
    private mutating func checkGoalAlreadyTrue() {
        var atoms: [Atom] = []
        var onlyPositiveAtoms = true
        problem.goal.forEachAtom { atom, negated in
            if negated { onlyPositiveAtoms = false } else { atoms.append(atom) }
        }
        guard problem.hasGoal, onlyPositiveAtoms, !atoms.isEmpty, isConjunction(problem.goal) else { return }
        var initial = Set<Atom>()
        for case .fact(let atom) in problem.initialState { initial.insert(atom) }
        if atoms.allSatisfy({ initial.contains($0) }) {
            report(.goalTrueInitially, "every goal fact already holds in the initial state: the empty plan solves this problem",
                   at: problem.goal.range)
        }
    }

    private func isConjunction(_ condition: Condition) -> Bool {
        switch condition {
        case .atom: true
        case .and(let parts, _): parts.allSatisfy(isConjunction)
        default: false
        }
    }
}
