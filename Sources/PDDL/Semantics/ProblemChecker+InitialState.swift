extension ProblemChecker {
    /// Checks every initial fact; returns them as a table for the goal check.
    ///
    /// A generated problem can hold a million facts, so the common case — a declared predicate
    /// with the right arity over declared objects of fitting single types — takes a fast path of
    /// integer look-ups. Anything else goes through `ExpressionChecker.checkAtom`, which
    /// produces the diagnostics; both paths accept exactly the same facts.
    mutating func checkInitialState(_ expressions: inout ExpressionChecker) -> FactTable {
        if problem.initialState.isEmpty {
            report(.emptyInit, "the initial state is empty: every fact starts false", at: problem.name.range)
        }
        let types = scope.types
        let typing = scope.typing
        // Single-type views of objects and predicate parameters; -1 marks `either`, which the
        // slow path handles.
        let objectType = expressions.objectTypes.map { $0.count == 1 ? $0[0] : -1 }
        var parameterTypes: [[Int]] = Array(repeating: [], count: scope.predicates.count)
        for signature in scope.predicates.values {
            parameterTypes[signature.index] = signature.parameterTypes.map { $0.count == 1 ? $0[0] : -1 }
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
            var predicate = -1
            fast: if let index = scope.predicateIndex[atom.predicate.text], case let signature = scope.predicateList[index],
                     signature.parameterTypes.count == atom.arguments.count {
                arguments.removeAll(keepingCapacity: true)
                let expected = parameterTypes[signature.index]
                for (position, argument) in atom.arguments.enumerated() {
                    guard case .constant(let name) = argument, let object = expressions.objectIndex[name.text] else { break fast }
                    if typing {
                        let actual = objectType[object], wanted = expected[position]
                        guard actual >= 0, wanted >= 0, types.isSubtype(actual, of: wanted) else { break fast }
                    }
                    arguments.append(object)
                }
                for object in arguments { expressions.objectUsed[object] = true }
                expressions.predicateUsed[signature.index] = true
                predicate = signature.index
            }
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
}
