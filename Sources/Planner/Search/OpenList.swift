/// Open list entries: a priority key and a (state, operator) pair. Eager search stores a
/// generated state (`op == -1`); lazy search stores the parent and the operator to apply later.
struct OpenEntry {
    var key: Int64
    var state: Int32
    var op: Int32
}

/// A binary min-heap of `OpenEntry` keyed by `key`, FIFO among equal keys via a sequence number
/// folded into the key's low bits by the caller.
struct OpenHeap {
    private var items: [OpenEntry] = []
    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    var bytes: Int { items.capacity * MemoryLayout<OpenEntry>.stride }

    mutating func push(_ entry: OpenEntry) {
        var i = items.count
        items.append(entry)
        while i > 0 {
            let parent = (i - 1) >> 1
            if items[parent].key <= entry.key { break }
            items[i] = items[parent]
            i = parent
        }
        items[i] = entry
    }

    mutating func pop() -> OpenEntry {
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            var i = 0
            let n = items.count
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n && items[child + 1].key < items[child].key { child += 1 }
                if items[child].key >= last.key { break }
                items[i] = items[child]
                i = child
            }
            items[i] = last
        }
        return top
    }
}

/// Two heaps, all successors and preferred-operator successors, taken in turn by priority
/// counters; a new best heuristic value boosts the preferred heap (as Fast Downward's alternation
/// open list does).
struct AlternationOpenList {
    var regular = OpenHeap()
    var preferred = OpenHeap()
    private var regularPriority = 0
    private var preferredPriority = 0
    let usesPreferred: Bool
    private var sequence: Int64 = 0

    init(usesPreferred: Bool) { self.usesPreferred = usesPreferred }

    var isEmpty: Bool { regular.isEmpty && preferred.isEmpty }
    var bytes: Int { regular.bytes + preferred.bytes }

    /// Packs the primary priority and a tie breaker into one key; FIFO among equals.
    mutating func key(_ primary: Int, _ secondary: Int) -> Int64 {
        sequence += 1
        return Int64(min(primary, 1 << 22)) << 40 | Int64(min(secondary, 1 << 18)) << 22 | (sequence & 0x3F_FFFF)
    }

    mutating func push(_ entry: OpenEntry, isPreferred: Bool) {
        regular.push(entry)
        if isPreferred && usesPreferred { preferred.push(entry) }
    }

    mutating func boostPreferred() { if usesPreferred { preferredPriority -= 1000 } }

    mutating func pop() -> OpenEntry {
        if preferred.isEmpty { regularPriority += 1; return regular.pop() }
        if regular.isEmpty || preferredPriority <= regularPriority { preferredPriority += 1; return preferred.pop() }
        regularPriority += 1
        return regular.pop()
    }
}
