/// Semantic checks of a problem against its domain: objects, initial state, goal and metric.
///
/// The initial state of a large problem has hundreds of thousands of facts, so this checker
/// works with integer object indices and a flat "used" array rather than sets of strings.
struct ProblemChecker: DiagnosticCollector {
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

    mutating func run() -> [Diagnostic] {
        if !problem.domainName.text.isEmpty && problem.domainName.text != domain.name.text {
            report(.domainMismatch, "problem is for domain '\(problem.domainName.text)', but the domain file defines '\(domain.name.text)'",
                   at: problem.domainName.range)
        }
        let declared = declareObjects()
        var expressions = ExpressionChecker(scope: scope, objects: declared.objects, index: declared.index, file: file)
        expressions.lastGroundArguments.reserveCapacity(8)
        // Objects come in typed groups: check each group's type once, not once per object.
        var lastChecked: TypeReference??
        for object in problem.objects where lastChecked != .some(object.type) {
            expressions.checkTypeReference(object.type)
            lastChecked = .some(object.type)
        }
        let initialFacts = checkInitialState(&expressions)
        if problem.hasGoal {
            expressions.check(problem.goal, variables: [:])
        } else {
            report(.missingGoal, "the problem has no '(:goal …)'", at: problem.name.range)
        }
        if let metric = problem.metric { expressions.checkFunctionTerm(metric.expression, variables: [:]) }
        diagnostics += expressions.diagnostics
        checkUnusedObjects(expressions)
        checkGoalAlreadyTrue(initialFacts, expressions)
        return diagnostics
    }

    /// Constants first, then the problem's objects (duplicates reported and left out), with the
    /// name → position index the expression checker uses (built once: a big problem has 100k objects).
    private mutating func declareObjects() -> (objects: [(name: String, type: [Int])], index: NameIndex) {
        var objects = domain.constants.map { (name: $0.name.text, type: scope.types.resolve($0.type)) }
        var index = NameIndex(capacity: objects.count + problem.objects.count)
        for (position, constant) in objects.enumerated() { index.insert(constant.name, value: position) }
        let constantCount = objects.count
        var declaredAt: [Int] = []  // position in problem.objects of each declared object
        objects.reserveCapacity(objects.count + problem.objects.count)
        // Objects of one typed group share their type: resolve it once per group.
        var cached: (type: TypeReference?, resolved: [Int])?
        for (position, object) in problem.objects.enumerated() {
            guard index.insert(object.name.text, value: objects.count) else {
                let first = index[object.name.text]!
                if first < constantCount {
                    let line = domain.constants.first { $0.name.text == object.name.text }?.name.range.start.line ?? 0
                    report(.duplicateObject, "object '\(object.name.text)' is already a constant of the domain", at: object.name.range,
                           notes: ["declared at line \(line) of the domain"])
                } else {
                    report(.duplicateObject, "object '\(object.name.text)' is declared twice", at: object.name.range,
                           notes: ["first declared at line \(problem.objects[declaredAt[first - constantCount]].name.range.start.line)"])
                }
                continue
            }
            if cached == nil || cached!.type != object.type {
                cached = (object.type, scope.types.resolve(object.type))
            }
            objects.append((object.name.text, cached!.resolved))
            declaredAt.append(position)
        }
        return (objects, index)
    }

    private mutating func checkUnusedObjects(_ expressions: ExpressionChecker) {
        for object in problem.objects {
            guard let index = expressions.objectIndex[object.name.text], !expressions.objectUsed[index] else { continue }
            report(.unusedObject, "object '\(object.name.text)' appears in neither the initial state nor the goal",
                   at: object.name.range, notes: ["actions may still use it through their parameters"])
        }
    }

    /// A goal made only of facts that already hold needs no plan: almost certainly a mistake.
    private mutating func checkGoalAlreadyTrue(_ initial: FactTable, _ expressions: ExpressionChecker) {
        var atoms: [Atom] = []
        var onlyPositiveAtoms = true
        problem.goal.forEachAtom { atom, negated in
            if negated { onlyPositiveAtoms = false } else { atoms.append(atom) }
        }
        guard problem.hasGoal, onlyPositiveAtoms, !atoms.isEmpty, isConjunction(problem.goal) else { return }
        let allHold = atoms.allSatisfy { atom in
            guard let key = expressions.groundKey(of: atom) else { return false }
            return initial.contains(predicate: key.predicate, objects: key.objects)
        }
        if allHold {
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
