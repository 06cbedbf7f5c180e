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
        let fastPath = GroundAtomFastPath(scope: scope, expressions: expressions)
        let initialFacts = checkInitialState(&expressions, fastPath: fastPath)
        if problem.hasGoal {
            checkGoal(&expressions, fastPath: fastPath)
        } else {
            report(.missingGoal, "the problem has no '(:goal …)'", at: problem.name.range)
        }
        if let metric = problem.metric { expressions.checkFunctionTerm(metric.expression, variables: [:]) }
        diagnostics += expressions.diagnostics
        checkUnusedObjects(expressions, declared)
        checkGoalAlreadyTrue(initialFacts, expressions)
        return diagnostics
    }

    /// Constants first, then the problem's objects (duplicates reported and left out), with the
    /// name → position index the expression checker uses (built once: a big problem has 100k objects).
    private mutating func declareObjects() -> DeclaredObjects {
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
        return DeclaredObjects(objects: objects, index: index, constantCount: constantCount, declaredAt: declaredAt)
    }

    private mutating func checkUnusedObjects(_ expressions: ExpressionChecker, _ declared: DeclaredObjects) {
        for position in declared.constantCount..<declared.objects.count where !expressions.objectUsed[position] {
            let object = problem.objects[declared.declaredAt[position - declared.constantCount]]
            report(.unusedObject, "object '\(object.name.text)' appears in neither the initial state nor the goal",
                   at: object.name.range, notes: ["actions may still use it through their parameters"])
        }
    }

    /// A goal made only of facts that already hold needs no plan: almost certainly a mistake.
    /// Stops at the first goal fact that does not hold (the usual case), so it costs little.
    private mutating func checkGoalAlreadyTrue(_ initial: FactTable, _ expressions: ExpressionChecker) {
        var atoms = 0
        func holds(_ condition: Condition) -> Bool {
            switch condition {
            case .atom(let atom):
                atoms += 1
                guard let key = expressions.groundKey(of: atom) else { return false }
                return initial.contains(predicate: key.predicate, objects: key.objects)
            case .and(let parts, _):
                return parts.allSatisfy(holds)
            default:
                return false
            }
        }
        if problem.hasGoal, holds(problem.goal), atoms > 0 {
            report(.goalTrueInitially, "every goal fact already holds in the initial state: the empty plan solves this problem",
                   at: problem.goal.range)
        }
    }
}

/// The objects in scope of a problem: the domain's constants, then the problem's own objects.
struct DeclaredObjects {
    var objects: [(name: String, type: [Int])]
    var index: NameIndex
    var constantCount: Int
    /// Position in `problem.objects` of each problem object (index − constantCount).
    var declaredAt: [Int]
}
