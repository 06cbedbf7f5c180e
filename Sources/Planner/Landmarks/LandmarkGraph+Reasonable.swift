/// Reasonable orderings (Hoffmann, Porteous & Sebastia 2004, as approximated in LAMA): A →r B
/// when achieving B before A would mean deleting B on the way to A and achieving it again.
/// The landmark-count heuristic then accepts B only after A, so a plan that reaches B too early
/// keeps paying for it.
///
/// Candidates, as in LAMA: every landmark against a goal landmark B; for a non-goal B, the other
/// parents C of a landmark B is greedy-necessary for, and their ancestors. Only fact landmarks.
extension LandmarkGraph {
    mutating func addReasonableOrderings(relaxed: RelaxedUnits, mutexes: FactMutexes) {
        var interesting = Set<Int32>()
        for b in 0..<count where !isDisjunctive(b) && !trueInitially[b] {
            interesting.removeAll(keepingCapacity: true)
            if isGoal[b] {
                for a in 0..<count where a != b { interesting.insert(Int32(a)) }
            } else {
                for c in gnChildren[b] {
                    for p in parents[Int(c)] where Int(p) != b && !interesting.contains(p) {
                        interesting.insert(p)
                        collectAncestors(of: p, into: &interesting)
                    }
                }
            }
            for a in interesting.sorted() where Int(a) != b && !isDisjunctive(Int(a))
                && interferes(Int(a), with: b, relaxed: relaxed, mutexes: mutexes) {
                addReasonable(a, before: Int32(b))
            }
        }
    }

    private func collectAncestors(of id: Int32, into set: inout Set<Int32>) {
        var stack = [id]
        while let x = stack.popLast() {
            for p in parents[Int(x)] where set.insert(p).inserted { stack.append(p) }
        }
    }

    /// Adds A →r B unless B is already ordered before A (directly or through others): a cycle
    /// would keep both from ever being accepted.
    private mutating func addReasonable(_ a: Int32, before b: Int32) {
        if parents[Int(b)].contains(a) || reasonableParents[Int(b)].contains(a) { return }
        var seen = Set<Int32>([a])
        var stack = [a]
        while let x = stack.popLast() {
            for p in parents[Int(x)] + reasonableParents[Int(x)] {
                if p == b { return }
                if seen.insert(p).inserted { stack.append(p) }
            }
        }
        reasonableParents[Int(b)].append(a)
        reasonableOrderings += 1
    }

    /// Whether achieving fact landmark `a` must make fact landmark `b` false, approximated as in
    /// LAMA: a and b are mutex; every achiever of a deletes b; every achiever of a also adds a fact
    /// mutex with b; or a greedy-necessary parent of a is mutex with b.
    func interferes(_ a: Int, with b: Int, relaxed: RelaxedUnits, mutexes: FactMutexes) -> Bool {
        let fa = landmarks[a][0], fb = landmarks[b][0]
        if mutexes.areMutex(fa, fb) { return true }
        let achievers = relaxed.achievers(of: fa)
        if achievers.isEmpty { return false }
        if achievers.allSatisfy({ relaxed.surelyDeletes($0, fb) }) { return true }
        var sharedAdds = Set(relaxed.adds(of: achievers.first!))
        for u in achievers.dropFirst() where !sharedAdds.isEmpty { sharedAdds.formIntersection(relaxed.adds(of: u)) }
        if sharedAdds.contains(where: { $0 != fa && mutexes.areMutex($0, fb) }) { return true }
        for x in parents[a] where gnChildren[Int(x)].contains(Int32(a)) && !isDisjunctive(Int(x)) {
            if mutexes.areMutex(landmarks[Int(x)][0], fb) { return true }
        }
        return false
    }
}
