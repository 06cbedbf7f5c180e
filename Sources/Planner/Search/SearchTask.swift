/// The grounded task flattened for the search's inner loops: compressed-sparse-row arrays of
/// `Int32` fact ids per operator, packed-bitset states, and a successor generator that indexes each
/// operator under one of its preconditions.
///
/// A final class with only `let` properties: immutable after init, hence safe to share.
public final class SearchTask: Sendable {
    public let task: GroundedTask
    let factCount: Int
    /// 64-bit words per packed state.
    let words: Int
    let operatorCount: Int
    let preStart: [Int32], pre: [Int32]
    let negStart: [Int32], neg: [Int32]
    let addStart: [Int32], add: [Int32]
    let delStart: [Int32], del: [Int32]
    let cost: [Int32]
    /// Conditional effects of operator o are `effStart[o]..<effStart[o+1]`, each with CSR lists.
    let effStart: [Int32]
    let effPreStart: [Int32], effPre: [Int32]
    let effNegStart: [Int32], effNeg: [Int32]
    let effAddStart: [Int32], effAdd: [Int32]
    let effDelStart: [Int32], effDel: [Int32]
    /// Operators indexed under one precondition fact; `keyStart[f]..<keyStart[f+1]` in `keyed`.
    let keyStart: [Int32], keyed: [Int32]
    let unkeyed: [Int32]
    let goal: [Int32], negativeGoal: [Int32]
    let initialState: [UInt64]
    let hasConditionalEffects: Bool

    public init(_ task: GroundedTask) {
        self.task = task
        factCount = task.factCount
        words = max(1, (task.factCount + 63) / 64)
        operatorCount = task.operatorCount
        func csr(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
            var start: [Int32] = [0]
            start.reserveCapacity(lists.count + 1)
            var flat: [Int32] = []
            for list in lists { flat += list; start.append(Int32(flat.count)) }
            return (start, flat)
        }
        let ops = task.operators
        (preStart, pre) = csr(ops.map(\.preconditions))
        (negStart, neg) = csr(ops.map(\.negativePreconditions))
        (addStart, add) = csr(ops.map(\.adds))
        (delStart, del) = csr(ops.map(\.deletes))
        cost = ops.map { Int32(clamping: $0.cost) }
        var effStart: [Int32] = [0]
        var effects: [ConditionalEffect] = []
        for op in ops { effects += op.conditionalEffects; effStart.append(Int32(effects.count)) }
        self.effStart = effStart
        (effPreStart, effPre) = csr(effects.map(\.conditions))
        (effNegStart, effNeg) = csr(effects.map(\.negativeConditions))
        (effAddStart, effAdd) = csr(effects.map(\.adds))
        (effDelStart, effDel) = csr(effects.map(\.deletes))
        hasConditionalEffects = !effects.isEmpty
        // Key each operator under its precondition shared by the fewest operators.
        var uses = Array(repeating: 0, count: task.factCount)
        for op in ops { for f in op.preconditions { uses[Int(f)] += 1 } }
        var lists = Array(repeating: [Int32](), count: task.factCount)
        var unkeyed: [Int32] = []
        for (o, op) in ops.enumerated() {
            if let key = op.preconditions.min(by: { uses[Int($0)] < uses[Int($1)] }) {
                lists[Int(key)].append(Int32(o))
            } else {
                unkeyed.append(Int32(o))
            }
        }
        (keyStart, keyed) = csr(lists)
        self.unkeyed = unkeyed
        goal = task.goalFacts
        negativeGoal = task.negativeGoalFacts
        var initial = Array(repeating: UInt64(0), count: words)
        for f in task.initialFacts { initial[Int(f) >> 6] |= 1 << UInt64(Int(f) & 63) }
        initialState = initial
    }

    @inline(__always) static func test(_ state: UnsafePointer<UInt64>, _ f: Int32) -> Bool {
        state[Int(f) >> 6] & (1 << UInt64(Int(f) & 63)) != 0
    }

    @inline(__always) func isApplicable(_ o: Int, in state: UnsafePointer<UInt64>) -> Bool {
        var i = Int(preStart[o]), end = Int(preStart[o + 1])
        while i < end { if !Self.test(state, pre[i]) { return false }; i += 1 }
        i = Int(negStart[o]); end = Int(negStart[o + 1])
        while i < end { if Self.test(state, neg[i]) { return false }; i += 1 }
        return true
    }

    func isGoal(_ state: UnsafePointer<UInt64>) -> Bool {
        for f in goal where !Self.test(state, f) { return false }
        for f in negativeGoal where Self.test(state, f) { return false }
        return true
    }

    /// Appends every operator applicable in `state` to `result`.
    func applicableOperators(in state: UnsafePointer<UInt64>, into result: inout [Int32]) {
        for o in unkeyed where isApplicable(Int(o), in: state) { result.append(o) }
        for w in 0..<words {
            var bits = state[w]
            while bits != 0 {
                let f = w << 6 | bits.trailingZeroBitCount
                bits &= bits &- 1
                var i = Int(keyStart[f])
                let end = Int(keyStart[f + 1])
                while i < end {
                    let o = keyed[i]
                    if isApplicable(Int(o), in: state) { result.append(o) }
                    i += 1
                }
            }
        }
    }

    /// Writes the successor of `state` under operator `o` into `target` (deletes, then adds).
    func apply(_ o: Int, to state: UnsafePointer<UInt64>, into target: UnsafeMutablePointer<UInt64>) {
        target.update(from: state, count: words)
        if hasConditionalEffects && effStart[o] != effStart[o + 1] {
            var fires: [Bool] = []
            for e in Int(effStart[o])..<Int(effStart[o + 1]) {
                var ok = true
                for i in Int(effPreStart[e])..<Int(effPreStart[e + 1]) where !Self.test(state, effPre[i]) { ok = false; break }
                if ok { for i in Int(effNegStart[e])..<Int(effNegStart[e + 1]) where Self.test(state, effNeg[i]) { ok = false; break } }
                fires.append(ok)
            }
            for (k, e) in (Int(effStart[o])..<Int(effStart[o + 1])).enumerated() where fires[k] {
                for i in Int(effDelStart[e])..<Int(effDelStart[e + 1]) { clear(target, effDel[i]) }
            }
            for i in Int(delStart[o])..<Int(delStart[o + 1]) { clear(target, del[i]) }
            for (k, e) in (Int(effStart[o])..<Int(effStart[o + 1])).enumerated() where fires[k] {
                for i in Int(effAddStart[e])..<Int(effAddStart[e + 1]) { set(target, effAdd[i]) }
            }
        } else {
            for i in Int(delStart[o])..<Int(delStart[o + 1]) { clear(target, del[i]) }
        }
        for i in Int(addStart[o])..<Int(addStart[o + 1]) { set(target, add[i]) }
    }

    @inline(__always) private func set(_ s: UnsafeMutablePointer<UInt64>, _ f: Int32) { s[Int(f) >> 6] |= 1 << UInt64(Int(f) & 63) }
    @inline(__always) private func clear(_ s: UnsafeMutablePointer<UInt64>, _ f: Int32) { s[Int(f) >> 6] &= ~(1 << UInt64(Int(f) & 63)) }
}
