/// A line of the plan diff: kept, added (`+`) or removed (`-`) against the previous round's plan.
public struct PlanDiffLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case kept, added, removed }
    public var kind: Kind
    public var text: String
    /// 1-based step number in the plan it belongs to (the new plan; the old one for removed lines).
    public var step: Int

    public var marker: String {
        switch kind {
        case .kept: " "
        case .added: "+"
        case .removed: "-"
        }
    }
}

/// Line diff of two plans by longest common subsequence (plans are short: hundreds of steps at most,
/// and the diff is computed once per round in `update`, never in `view`).
public enum PlanDiff {
    public static func lines(from old: [String], to new: [String]) -> [PlanDiffLine] {
        let n = old.count, m = new.count
        // lcs[i][j] = length of the LCS of old[i...] and new[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var result: [PlanDiffLine] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                result.append(PlanDiffLine(kind: .kept, text: new[j], step: j + 1)); i += 1; j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                result.append(PlanDiffLine(kind: .removed, text: old[i], step: i + 1)); i += 1
            } else {
                result.append(PlanDiffLine(kind: .added, text: new[j], step: j + 1)); j += 1
            }
        }
        return result
    }
}
