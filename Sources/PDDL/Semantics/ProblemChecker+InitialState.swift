extension ProblemChecker {
    /// Checks every initial fact; returns them as a table for the goal check.
    mutating func checkInitialState(_ expressions: inout ExpressionChecker, fastPath: GroundAtomFastPath) -> FactTable {
        if problem.initialState.isEmpty {
            report(.emptyInit, "the initial state is empty: every fact starts false", at: problem.name.range)
        }
        var facts = FactTable(capacity: problem.initialState.count)
        var arguments: [Int] = []
        arguments.reserveCapacity(8)
        let noVariables: ExpressionChecker.Variables = [:]
        for element in problem.initialState {
            guard case .fact(let atom) = element else {
                if case .assignment(let function, _, _) = element {
                    expressions.checkFunctionTerm(function, variables: noVariables)
                }
                continue
            }
            var predicate = fastPath.check(atom, &expressions, arguments: &arguments) ?? -1
            if predicate < 0 {
                guard let index = expressions.checkAtom(atom, variables: noVariables),
                      expressions.lastGroundArguments.count == atom.arguments.count else { continue }
                predicate = index
                arguments = expressions.lastGroundArguments
            }
            if !facts.insert(predicate: predicate, objects: arguments) {
                report(.duplicateInitFact, "fact \(atom) is listed twice", at: atom.range)
            }
        }
        return facts
    }

    /// Checks the goal; the ground atoms of a top-level conjunction (the usual goal, and the
    /// bulk of a large one) take the fast path.
    mutating func checkGoal(_ expressions: inout ExpressionChecker, fastPath: GroundAtomFastPath) {
        guard case .and(let parts, _) = problem.goal else {
            expressions.check(problem.goal, variables: [:])
            return
        }
        var arguments: [Int] = []
        arguments.reserveCapacity(8)
        for part in parts {
            if case .atom(let atom) = part, fastPath.check(atom, &expressions, arguments: &arguments) != nil { continue }
            expressions.check(part, variables: [:])
        }
    }
}

/// The common case of a ground atom — a declared predicate with the right arity over declared
/// objects whose single types fit — checked with integer look-ups only. A generated problem can
/// hold a million such atoms. Anything else returns nil and goes through
/// `ExpressionChecker`, which produces the diagnostics; both accept exactly the same atoms.
struct GroundAtomFastPath {
    let scope: DomainScope
    /// Single type of each object, -1 for `either` (left to the slow path).
    let objectType: [Int]
    /// Single type of each predicate parameter, -1 for `either`.
    let parameterTypes: [[Int]]

    init(scope: DomainScope, expressions: ExpressionChecker) {
        self.scope = scope
        objectType = expressions.objectTypes.map { $0.count == 1 ? $0[0] : -1 }
        parameterTypes = scope.predicateList.map { $0.parameterTypes.map { $0.count == 1 ? $0[0] : -1 } }
    }

    /// The predicate index, with the object indices in `arguments`; marks both as used.
    func check(_ atom: Atom, _ expressions: inout ExpressionChecker, arguments: inout [Int]) -> Int? {
        guard let index = scope.predicateIndex[atom.predicate.text],
              scope.predicateList[index].parameterTypes.count == atom.arguments.count else { return nil }
        arguments.removeAll(keepingCapacity: true)
        let expected = parameterTypes[index]
        for (position, argument) in atom.arguments.enumerated() {
            guard case .constant(let name) = argument, let object = expressions.objectIndex[name.text] else { return nil }
            if scope.typing {
                let actual = objectType[object], wanted = expected[position]
                guard actual >= 0, wanted >= 0, scope.types.isSubtype(actual, of: wanted) else { return nil }
            }
            arguments.append(object)
        }
        for object in arguments { expressions.objectUsed[object] = true }
        expressions.predicateUsed[index] = true
        return index
    }
}
