/// Constraint-based splitting of a `Rect`, nestable by splitting a part again.
///
/// Fixed and percentage parts get their size first, min parts their minimum; the space left over
/// is shared evenly among the min and max parts (max parts stop at their cap, the rest goes to the
/// others). When the parts ask for more than there is, the later parts shrink first, so the
/// important top/left parts keep their size.
public enum Layout {
    public static func split(_ area: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        let total = direction == .horizontal ? area.width : area.height
        let sizes = lengths(total: total, constraints)
        var offset = 0
        return sizes.map { length in
            defer { offset += length }
            switch direction {
            case .horizontal: return Rect(x: area.x + offset, y: area.y, width: length, height: area.height)
            case .vertical: return Rect(x: area.x, y: area.y + offset, width: area.width, height: length)
            }
        }
    }

    /// The length of each part along the split axis; they never add up to more than `total`.
    public static func lengths(total: Int, _ constraints: [Constraint]) -> [Int] {
        let total = Swift.max(0, total)
        var sizes = constraints.map { c -> Int in
            switch c {
            case .fixed(let n): return Swift.max(0, n)
            case .percentage(let p): return total * Swift.min(Swift.max(p, 0), 100) / 100
            case .min(let n): return Swift.max(0, n)
            case .max: return 0
            }
        }
        var used = sizes.reduce(0, +)
        if used > total {
            // Shrink from the end until it fits.
            var excess = used - total
            for i in sizes.indices.reversed() where excess > 0 {
                let cut = Swift.min(sizes[i], excess)
                sizes[i] -= cut; excess -= cut
            }
            return sizes
        }
        // Share the leftover among flexible parts, one cell at a time in rounds (few parts, short axes).
        var flexible = constraints.indices.filter {
            if case .min = constraints[$0] { return true }
            if case .max(let cap) = constraints[$0] { return cap > 0 }
            return false
        }
        var left = total - used
        while left > 0, !flexible.isEmpty {
            let share = Swift.max(1, left / flexible.count)
            for i in flexible where left > 0 {
                var grant = Swift.min(share, left)
                if case .max(let cap) = constraints[i] { grant = Swift.min(grant, cap - sizes[i]) }
                sizes[i] += grant; left -= grant
            }
            flexible.removeAll { i in
                if case .max(let cap) = constraints[i] { return sizes[i] >= cap }
                return false
            }
        }
        used = sizes.reduce(0, +)
        return sizes
    }
}
