/// What the critics learn about a plan: causal structure over the grounded task, redundant steps
/// (greedy action elimination over the lifted semantics), parallel layers, irreversible steps and
/// dead ends, and an admissible lower bound on the cost.
public struct PlanAnalysis: Sendable {
    /// Indices of steps that greedy action elimination removes while the plan stays valid.
    public var redundantSteps: [Int]
    /// For each goal literal text: the steps (indices) that support it through causal links.
    public var goalSupport: [String: [Int]]
    /// Steps that support no goal, directly or through other steps.
    public var stepsSupportingNoGoal: [Int]
    /// Ordering constraints (before, after) that the plan really needs.
    public var orderings: [Ordering]
    /// Steps grouped into layers that may run in parallel (respecting `orderings`).
    public var layers: [[Int]]
    /// Steps that delete a fact no operator can add again.
    public var irreversibleSteps: [Int]
    /// Indices i such that the state after step i cannot reach the goal even in the delete relaxation.
    public var deadEndsAfterStep: [Int]
    /// LM-cut (or h^max with conditional effects) of the initial state: no plan costs less.
    public var costLowerBound: Int?
}

/// Step `before` must come before step `after`.
public struct Ordering: Sendable, Hashable {
    public var before: Int
    public var after: Int
}

extension PlanAnalysis {
    /// Analyses a plan the validator accepts; returns nil if a step matches no applicable ground operator.
    public static func analyse(_ plan: [PlanStep], task: GroundedTask, validator: PlanValidator) -> PlanAnalysis? {
        let search = SearchTask(task)
        var byName: [String: [Int]] = [:]
        for (o, op) in task.operators.enumerated() where !op.isArtificial { byName[op.name, default: []].append(o) }
        var state = search.initialState
        var ops: [Int] = []
        var states: [[UInt64]] = [state]
        for step in plan {
            guard let o = (byName[step.description] ?? []).first(where: { o in state.withUnsafeBufferPointer { search.isApplicable(o, in: $0.baseAddress!) } })
            else { return nil }
            var next = state
            state.withUnsafeBufferPointer { s in next.withUnsafeMutableBufferPointer { search.apply(o, to: s.baseAddress!, into: $0.baseAddress!) } }
            ops.append(o)
            state = next
            states.append(state)
        }
        // Causal links: the last step before j that adds a precondition of j.
        func producer(of fact: Int32, before j: Int) -> Int? {
            var i = j - 1
            while i >= 0 {
                let op = task.operators[ops[i]]
                if op.adds.contains(fact) || op.conditionalEffects.contains(where: { $0.adds.contains(fact) }) { return i }
                i -= 1
            }
            return nil
        }
        var supports = Array(repeating: Set<Int>(), count: plan.count)
        for j in 0..<plan.count {
            let op = task.operators[ops[j]]
            for f in op.preconditions + op.conditionalEffects.flatMap(\.conditions) {
                if let i = producer(of: f, before: j) { supports[j].insert(i) }
            }
        }
        var goalSupport: [String: [Int]] = [:]
        var useful = Set<Int>()
        for g in task.goalFacts {
            var closure = Set<Int>()
            var stack = producer(of: g, before: plan.count).map { [$0] } ?? []
            while let i = stack.popLast() {
                guard closure.insert(i).inserted else { continue }
                for k in supports[i] where !closure.contains(k) { stack.append(k) }
            }
            goalSupport[task.factNames[Int(g)]] = closure.sorted()
            useful.formUnion(closure)
        }
        // Orderings: i before j when they interfere (causal link, threat, or conflicting effects).
        var orderings: [Ordering] = []
        func touches(_ o: Int) -> (pre: Set<Int32>, add: Set<Int32>, del: Set<Int32>) {
            let op = task.operators[o]
            return (Set(op.preconditions + op.negativePreconditions + op.conditionalEffects.flatMap { $0.conditions + $0.negativeConditions }),
                    Set(op.adds + op.conditionalEffects.flatMap(\.adds)), Set(op.deletes + op.conditionalEffects.flatMap(\.deletes)))
        }
        let sets = ops.map(touches)
        for j in 0..<plan.count {
            for i in 0..<j {
                let a = sets[i], b = sets[j]
                if supports[j].contains(i) || !a.add.isDisjoint(with: b.pre) || !a.pre.isDisjoint(with: b.del)
                    || !a.del.isDisjoint(with: b.pre) || !a.add.isDisjoint(with: b.del) || !a.del.isDisjoint(with: b.add) {
                    orderings.append(Ordering(before: i, after: j))
                }
            }
        }
        var level = Array(repeating: 0, count: plan.count)
        for o in orderings { level[o.after] = max(level[o.after], level[o.before] + 1) }
        var layers: [[Int]] = Array(repeating: [], count: (level.max() ?? -1) + 1)
        for (i, l) in level.enumerated() { layers[l].append(i) }
        // Irreversible: deletes a fact no operator adds. Dead ends: goal relaxed-unreachable.
        var addable = Set<Int32>()
        for op in task.operators { addable.formUnion(op.adds); for e in op.conditionalEffects { addable.formUnion(e.adds) } }
        let irreversible = (0..<plan.count).filter { !sets[$0].del.isSubset(of: addable) }
        let hmax = RelaxedExploration(task: search, mode: .max, costs: .normal)
        let deadEnds = (0..<plan.count).filter { i in
            states[i + 1].withUnsafeBufferPointer { hmax.evaluate($0.baseAddress!, collectPreferred: false) } == deadEnd
        }
        let bound = costLowerBound(of: task)
        return PlanAnalysis(redundantSteps: validator.greedyActionElimination(plan),
                            goalSupport: goalSupport, stepsSupportingNoGoal: (0..<plan.count).filter { !useful.contains($0) },
                            orderings: orderings, layers: layers, irreversibleSteps: irreversible, deadEndsAfterStep: deadEnds,
                            costLowerBound: bound)
    }
}

extension PlanAnalysis {
    /// An admissible lower bound on the cost of any plan: LM-cut of the initial state (h^max when
    /// the task has conditional effects); nil when the goal is unreachable even when relaxed.
    public static func costLowerBound(of task: GroundedTask) -> Int? {
        let search = SearchTask(task)
        let lmcut = LMCutHeuristic(task: search, costs: task.usesActionCosts ? .normal : .unit)
        let bound = search.initialState.withUnsafeBufferPointer { lmcut.evaluate($0.baseAddress!, collectPreferred: false) }
        return bound == deadEnd || task.goalKnownUnreachable ? nil : bound
    }
}

extension PlanValidator {
    /// Greedy action elimination: for each step, drop it and every later step that then becomes
    /// inapplicable; keep the removal if the rest still reaches the goal. Returns removed indices.
    public func greedyActionElimination(_ plan: [PlanStep]) -> [Int] {
        guard validate(plan).isValid else { return [] }
        var kept = Array(plan.indices)
        var i = 0
        while i < kept.count {
            var state = initialState
            var survivors: [Int] = Array(kept[..<i])
            for k in kept[..<i] { _ = execute(plan[k], in: &state) }
            for k in kept[(i + 1)...] where execute(plan[k], in: &state) { survivors.append(k) }
            if validate(survivors.map { plan[$0] }).isValid { kept = survivors } else { i += 1 }
        }
        let keptSet = Set(kept)
        return plan.indices.filter { !keptSet.contains($0) }
    }

    /// Applies `step` if it is applicable; returns whether it was.
    func execute(_ step: PlanStep, in state: inout Set<FactKey>) -> Bool {
        guard case .success(var binding) = resolve(step) else { return false }
        let action = task.actions[task.actionIndex[step.action]!]
        guard holds(action.precondition, &binding, slotTypes: action.slotTypes, in: state) else { return false }
        _ = apply(action, binding: &binding, to: &state)
        return true
    }
}
