/// Phase 3 of grounding: exact relaxed reachability over the ground operators, removal of facts
/// that never change, and dense renumbering into a `GroundedTask`.
struct GroundTaskPruner {
    let facts: FactTable
    let lifted: LiftedTask
    var operators: [GroundOperator]
    let initial: [Int32]
    let goal: [[Int32]]

    init(facts: FactTable, lifted: LiftedTask, operators: [GroundOperator], initial: [Int32], goal: [[Int32]]) {
        self.facts = facts
        self.lifted = lifted
        self.operators = operators
        self.initial = initial
        self.goal = goal
    }

    /// Which facts, operators and conditional effects are reachable when deletes are ignored.
    private func relaxedReachability() -> (facts: [Bool], operators: [Bool], effects: [[Bool]]) {
        // Units: one per operator (its precondition) and one per conditional effect.
        var unitPre: [[Int32]] = []
        var unitAdds: [[Int32]] = []
        var unitOwner: [(op: Int, effect: Int)] = []
        for (o, op) in operators.enumerated() {
            unitPre.append(Array(Set(op.preconditions)))
            unitAdds.append(op.adds)
            unitOwner.append((o, -1))
            for (e, effect) in op.conditionalEffects.enumerated() {
                unitPre.append(Array(Set(op.preconditions + effect.conditions)))
                unitAdds.append(effect.adds)
                unitOwner.append((o, e))
            }
        }
        var watchers = Array(repeating: [Int32](), count: facts.count)
        var missing = unitPre.map(\.count)
        for (u, pre) in unitPre.enumerated() { for f in pre { watchers[Int(f)].append(Int32(u)) } }
        var reached = Array(repeating: false, count: facts.count)
        var queue: [Int32] = []
        func reach(_ f: Int32) { if !reached[Int(f)] { reached[Int(f)] = true; queue.append(f) } }
        var fired = Array(repeating: false, count: unitPre.count)
        func fire(_ u: Int) { fired[u] = true; for f in unitAdds[u] { reach(f) } }
        for f in initial { reach(f) }
        for u in 0..<unitPre.count where missing[u] == 0 { fire(u) }
        var head = 0
        while head < queue.count {
            let f = queue[head]
            head += 1
            for u in watchers[Int(f)] {
                missing[Int(u)] -= 1
                if missing[Int(u)] == 0 { fire(Int(u)) }
            }
        }
        var operatorReached = Array(repeating: false, count: operators.count)
        var effectReached = operators.map { Array(repeating: false, count: $0.conditionalEffects.count) }
        for (u, owner) in unitOwner.enumerated() where fired[u] {
            if owner.effect < 0 { operatorReached[owner.op] = true } else { effectReached[owner.op][owner.effect] = true }
        }
        return (reached, operatorReached, effectReached)
    }

    mutating func run() -> GroundedTask {
        let (reached, operatorReached, effectReached) = relaxedReachability()
        // Keep reachable operators and effects; drop literals on unreachable facts.
        var kept: [GroundOperator] = []
        for (o, var op) in operators.enumerated() where operatorReached[o] {
            op.negativePreconditions.removeAll { !reached[Int($0)] }
            op.deletes.removeAll { !reached[Int($0)] }
            op.conditionalEffects = op.conditionalEffects.enumerated().compactMap { e, effect in
                guard effectReached[o][e] else { return nil }
                var effect = effect
                effect.negativeConditions.removeAll { !reached[Int($0)] }
                effect.deletes.removeAll { !reached[Int($0)] }
                return effect
            }
            kept.append(op)
        }
        // Facts true initially that nothing deletes are constant.
        var deleted = Array(repeating: false, count: facts.count)
        for op in kept {
            for f in op.deletes { deleted[Int(f)] = true }
            for effect in op.conditionalEffects { for f in effect.deletes { deleted[Int(f)] = true } }
        }
        var constant = Array(repeating: false, count: facts.count)
        for f in initial where !deleted[Int(f)] { constant[Int(f)] = true }
        var newID = Array(repeating: Int32(-1), count: facts.count)
        var names: [String] = []
        for f in 0..<facts.count where reached[f] && !constant[f] {
            newID[f] = Int32(names.count)
            names.append(lifted.describe(facts.keys[f]))
        }
        func renumber(_ list: [Int32]) -> [Int32] {
            var seen = Set<Int32>()
            return list.compactMap { newID[Int($0)] >= 0 && seen.insert(newID[Int($0)]).inserted ? newID[Int($0)] : nil }
        }
        var result: [GroundOperator] = []
        result.reserveCapacity(kept.count)
        for var op in kept {
            if op.negativePreconditions.contains(where: { constant[Int($0)] }) { continue }
            op.preconditions = renumber(op.preconditions)
            op.negativePreconditions = renumber(op.negativePreconditions)
            op.adds = renumber(op.adds)
            op.deletes = renumber(op.deletes).filter { !op.adds.contains($0) }
            op.conditionalEffects = op.conditionalEffects.compactMap { effect in
                if effect.negativeConditions.contains(where: { constant[Int($0)] }) { return nil }
                let adds = renumber(effect.adds), deletes = renumber(effect.deletes)
                if adds.isEmpty && deletes.isEmpty { return nil }
                return ConditionalEffect(conditions: renumber(effect.conditions), negativeConditions: renumber(effect.negativeConditions),
                                         adds: adds, deletes: deletes)
            }
            if op.adds.isEmpty && op.deletes.isEmpty && op.conditionalEffects.isEmpty { continue }
            result.append(op)
        }
        // Goal: one conjunction becomes the goal; several get an artificial fact and zero-cost operators.
        var conjunctions: [(positive: [Int32], negative: [Int32])] = []
        for literals in goal {
            var positive: [Int32] = [], negative: [Int32] = []
            var possible = true
            for literal in literals {
                let f = Int(literal >> 1)
                if literal & 1 == 0 {
                    if !reached[f] { possible = false } else if !constant[f] { positive.append(newID[f]) }
                } else {
                    if constant[f] { possible = false } else if reached[f] { negative.append(newID[f]) }
                }
            }
            if possible { conjunctions.append((positive, negative)) }
        }
        var goalFacts: [Int32] = [], negativeGoalFacts: [Int32] = []
        if conjunctions.count == 1 {
            goalFacts = conjunctions[0].positive
            negativeGoalFacts = conjunctions[0].negative
        } else if conjunctions.count > 1 {
            let goalFact = Int32(names.count)
            names.append("(goal-reached)")
            for conjunction in conjunctions {
                result.append(GroundOperator(name: "(reach-goal)", schema: -1, arguments: [], preconditions: conjunction.positive,
                                             negativePreconditions: conjunction.negative, adds: [goalFact], deletes: [],
                                             conditionalEffects: [], cost: 0))
            }
            goalFacts = [goalFact]
        }
        return GroundedTask(factNames: names, operators: result, initialFacts: renumber(initial),
                            goalFacts: goalFacts, negativeGoalFacts: negativeGoalFacts,
                            goalKnownUnreachable: conjunctions.isEmpty, usesActionCosts: lifted.usesActionCosts,
                            schemaNames: lifted.actions.map(\.name), objectNames: lifted.objectNames)
    }
}
