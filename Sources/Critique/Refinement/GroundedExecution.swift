import Planner

/// Runs plan steps on the grounded task (sets of fact ids), so the critics can look at every
/// intermediate state. The lifted `PlanValidator` stays the judge of validity; this only explains.
public struct GroundedExecution: Sendable {
    public let task: GroundedTask
    /// Operators by IPC spelling; several share a name when a precondition had an `or`.
    let operatorsByName: [String: [Int]]
    /// Facts some operator can add: deleting any other fact is irreversible.
    let restorable: Set<Int32>

    public init(task: GroundedTask) {
        self.task = task
        var byName: [String: [Int]] = [:]
        var addable = Set<Int32>()
        for (index, op) in task.operators.enumerated() where !op.isArtificial {
            byName[op.name, default: []].append(index)
            addable.formUnion(op.adds)
            for effect in op.conditionalEffects { addable.formUnion(effect.adds) }
        }
        operatorsByName = byName
        restorable = addable
    }

    public var initialState: Set<Int32> { Set(task.initialFacts) }

    /// The ground operator `step` names that is applicable in `state`, if any.
    public func applicableOperator(for step: PlanStep, in state: Set<Int32>) -> Int? {
        operatorsByName[step.description]?.first { isApplicable(task.operators[$0], in: state) }
    }

    func isApplicable(_ op: GroundOperator, in state: Set<Int32>) -> Bool {
        op.preconditions.allSatisfy(state.contains) && !op.negativePreconditions.contains(where: state.contains)
    }

    /// Applies an operator: conditional effects see the state before the step, deletes before adds.
    public func apply(_ index: Int, to state: Set<Int32>) -> Set<Int32> {
        let op = task.operators[index]
        var deletes = op.deletes, adds = op.adds
        for effect in op.conditionalEffects
        where effect.conditions.allSatisfy(state.contains) && !effect.negativeConditions.contains(where: state.contains) {
            deletes += effect.deletes
            adds += effect.adds
        }
        var next = state
        next.subtract(deletes)
        next.formUnion(adds)
        return next
    }

    /// Facts that the operator deletes and no operator can add back.
    public func irreversibleDeletes(of index: Int) -> [Int32] {
        let op = task.operators[index]
        return (op.deletes + op.conditionalEffects.flatMap(\.deletes)).filter { !restorable.contains($0) }
    }

    /// Cost of one operator in the task's metric (1 per step without action costs).
    public func cost(of index: Int) -> Int { task.usesActionCosts ? task.operators[index].cost : 1 }

    /// The states along the executable prefix of `steps`: `states[i]` holds before step i.
    public func trace(_ steps: [PlanStep]) -> (states: [Set<Int32>], operators: [Int]) {
        var state = initialState
        var states = [state], operators: [Int] = []
        for step in steps {
            guard let op = applicableOperator(for: step, in: state) else { break }
            state = apply(op, to: state)
            operators.append(op)
            states.append(state)
        }
        return (states, operators)
    }
}
