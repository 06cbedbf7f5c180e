/// The declared types of a domain as integer ids, with subtype queries in O(1).
///
/// `object` is always id 0 and the root. Undeclared types are reported by the checkers and
/// then treated as `object`, so one typo does not cascade into dozens of type errors.
struct TypeHierarchy {
    static let object = 0

    private(set) var names: [String] = ["object"]
    private(set) var ids: [String: Int] = ["object": 0]
    /// `ancestors[t * count + u]`: u is t or one of t's ancestors (flat: read in hot loops).
    private var ancestors: [Bool] = []
    private(set) var cyclic: [Int] = []

    init(types: [TypedName]) {
        for entry in types where ids[entry.name.text] == nil {
            ids[entry.name.text] = names.count
            names.append(entry.name.text)
        }
        var parents = [[Int]](repeating: [], count: names.count)
        for entry in types {
            guard let child = ids[entry.name.text], child != 0 else { continue }
            for parent in entry.effectiveType.alternatives {
                if let id = ids[parent.text], id != child { parents[child].append(id) }
            }
        }
        let n = names.count
        ancestors = [Bool](repeating: false, count: n * n)
        for type in 0..<n {
            var stack = [type]
            while let next = stack.popLast() {
                if ancestors[type * n + next] { continue }
                ancestors[type * n + next] = true
                stack.append(contentsOf: parents[next])
            }
            ancestors[type * n] = true
        }
        for type in 1..<n where parents[type].contains(where: { ancestors[$0 * n + type] }) {
            cyclic.append(type)
        }
    }

    func id(of name: String) -> Int? { ids[name] }

    var count: Int { names.count }

    func isSubtype(_ type: Int, of other: Int) -> Bool { ancestors[type * names.count + other] }

    /// Ids for a reference; unknown names map to `object`.
    func resolve(_ reference: TypeReference?) -> [Int] {
        guard let reference else { return [Self.object] }
        return reference.alternatives.map { ids[$0.text] ?? Self.object }
    }

    /// Whether something of type `actual` can ever be an instance of `expected`: some pair of
    /// alternatives is related either way. Only "never" is an error; "maybe" is normal PDDL.
    func canOverlap(_ actual: [Int], _ expected: [Int]) -> Bool {
        for a in actual {
            for e in expected where isSubtype(a, of: e) || isSubtype(e, of: a) { return true }
        }
        return false
    }

    /// Whether an object of type `actual` is an instance of `expected`.
    func isInstance(_ actual: [Int], of expected: [Int]) -> Bool {
        for a in actual {
            for e in expected where isSubtype(a, of: e) { return true }
        }
        return false
    }

    func describe(_ types: [Int]) -> String {
        types.count == 1 ? names[types[0]] : "(either \(types.map { names[$0] }.joined(separator: " ")))"
    }
}
