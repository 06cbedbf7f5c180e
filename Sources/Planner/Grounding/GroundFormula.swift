/// A condition after substituting objects and evaluating static facts and equality: only literals
/// over fluent facts remain. Negation is pushed to the literals while grounding.
indirect enum GroundFormula: Hashable, Sendable {
    case constant(Bool)
    /// Fact id (in the grounder's fact table) and whether it must be true.
    case literal(Int32, Bool)
    case and([GroundFormula])
    case or([GroundFormula])

    static func conjunction(_ parts: [GroundFormula]) -> GroundFormula {
        var kept: [GroundFormula] = []
        for part in parts {
            switch part {
            case .constant(true): continue
            case .constant(false): return .constant(false)
            case .and(let inner): kept.append(contentsOf: inner)
            default: kept.append(part)
            }
        }
        if kept.isEmpty { return .constant(true) }
        return kept.count == 1 ? kept[0] : .and(kept)
    }

    static func disjunction(_ parts: [GroundFormula]) -> GroundFormula {
        var kept: [GroundFormula] = []
        for part in parts {
            switch part {
            case .constant(false): continue
            case .constant(true): return .constant(true)
            case .or(let inner): kept.append(contentsOf: inner)
            default: kept.append(part)
            }
        }
        if kept.isEmpty { return .constant(false) }
        return kept.count == 1 ? kept[0] : .or(kept)
    }

    /// Disjunctive normal form: each conjunction is a sorted list of literals `fact << 1 | negated`.
    /// Contradictory and duplicate conjunctions are dropped; throws past `limit` conjunctions.
    func disjunctiveNormalForm(limit: Int) throws(DNFTooLarge) -> [[Int32]] {
        switch self {
        case .constant(let value): return value ? [[]] : []
        case .literal(let fact, let positive): return [[fact << 1 | (positive ? 0 : 1)]]
        case .or(let parts):
            var result: [[Int32]] = []
            var seen = Set<[Int32]>()
            for part in parts {
                for conjunction in try part.disjunctiveNormalForm(limit: limit) where seen.insert(conjunction).inserted {
                    result.append(conjunction)
                }
                if result.count > limit { throw DNFTooLarge(count: result.count) }
            }
            return result
        case .and(let parts):
            var result: [[Int32]] = [[]]
            for part in parts {
                let factor = try part.disjunctiveNormalForm(limit: limit)
                var next: [[Int32]] = []
                var seen = Set<[Int32]>()
                for left in result {
                    for right in factor {
                        if let merged = Self.merge(left, right), seen.insert(merged).inserted { next.append(merged) }
                    }
                    if next.count > limit { throw DNFTooLarge(count: next.count) }
                }
                result = next
                if result.isEmpty { return [] }
            }
            return result
        }
    }

    /// Union of two sorted literal lists, or nil if they contain a fact and its negation.
    static func merge(_ a: [Int32], _ b: [Int32]) -> [Int32]? {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var result: [Int32] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next: Int32
            if j == b.count || (i < a.count && a[i] < b[j]) { next = a[i]; i += 1 }
            else if i == a.count || b[j] < a[i] { next = b[j]; j += 1 }
            else { next = a[i]; i += 1; j += 1 }
            if let last = result.last {
                if last == next { continue }
                if last >> 1 == next >> 1 { return nil }
            }
            result.append(next)
        }
        return result
    }
}

struct DNFTooLarge: Error { var count: Int }
