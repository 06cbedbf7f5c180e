import Planner

/// Delete-relaxed reachability over the grounded task: if the goal is unreachable even when
/// nothing is ever deleted (and negative conditions are ignored), it is unreachable for real —
/// the state is a dead end. Counter-based, linear in the size of the task per query.
struct RelaxedReachability: Sendable {
    let task: GroundedTask
    /// For each fact: (operator, conditional effect or -1) waiting on it.
    private let waiting: [[(op: Int, effect: Int)]]
    private let needs: [Int]

    init(task: GroundedTask) {
        self.task = task
        var waiting = Array(repeating: [(op: Int, effect: Int)](), count: task.factCount)
        var needs: [Int] = []
        for (o, op) in task.operators.enumerated() {
            for f in Set(op.preconditions) { waiting[Int(f)].append((o, -1)) }
            for (e, effect) in op.conditionalEffects.enumerated() {
                for f in Set(effect.conditions + op.preconditions) { waiting[Int(f)].append((o, e)) }
            }
            needs.append(Set(op.preconditions).count)
        }
        self.waiting = waiting
        self.needs = needs
    }

    /// True when the goal facts cannot all become true from `state`, even relaxed.
    func isDeadEnd(_ state: Set<Int32>) -> Bool {
        if task.goalKnownUnreachable { return true }
        var reached = Array(repeating: false, count: task.factCount)
        var missing = needs
        var effectMissing: [[Int]] = task.operators.enumerated().map { o, op in
            op.conditionalEffects.map { Set($0.conditions + op.preconditions).count }
        }
        var queue: [Int32] = []
        func reach(_ f: Int32) { if !reached[Int(f)] { reached[Int(f)] = true; queue.append(f) } }
        func fire(_ o: Int) { for f in task.operators[o].adds { reach(f) } }
        for f in state { reach(f) }
        for o in task.operators.indices {
            if missing[o] == 0 { fire(o) }
            for (e, count) in effectMissing[o].enumerated() where count == 0 { for f in task.operators[o].conditionalEffects[e].adds { reach(f) } }
        }
        var head = 0
        while head < queue.count {
            let f = queue[head]; head += 1
            for (o, e) in waiting[Int(f)] {
                if e < 0 {
                    missing[o] -= 1
                    if missing[o] == 0 { fire(o) }
                } else {
                    effectMissing[o][e] -= 1
                    if effectMissing[o][e] == 0 { for g in task.operators[o].conditionalEffects[e].adds { reach(g) } }
                }
            }
        }
        return !task.goalFacts.allSatisfy { reached[Int($0)] }
    }
}
