/// LAMA's open lists for lazy search, sharing one pool of operator ids so that a successor costs
/// 4 bytes however many lists it is in, and no successor state is built before it is popped.
///
/// An expansion appends its applicable operators to the pool as one group (all with the same
/// parent and, per list, the same key); each heap holds (key, group, offset) and hands out a
/// group's operators in order, FIFO among equal keys as Fast Downward's lists are. Lists are taken
/// in turn by priority counters (`AlternationOpenList` in Fast Downward); progress boosts the
/// preferred-operator lists by 1000.
struct LazyOpenLists {
    struct Group { var parent: Int32; var start: Int32; var count: Int32 }
    private struct Item { var key: Int64; var group: Int32; var offset: Int32 }
    private struct Heap {
        var items: [Item] = []
        mutating func push(_ item: Item) {
            var i = items.count
            items.append(item)
            while i > 0 {
                let parent = (i - 1) >> 1
                if items[parent].key <= item.key { break }
                items[i] = items[parent]
                i = parent
            }
            items[i] = item
        }
        mutating func removeTop() {
            let last = items.removeLast()
            guard !items.isEmpty else { return }
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
    }

    private(set) var pool: [Int32] = []
    private(set) var groups: [Group] = []
    private var heaps: [Heap]
    private var priority: [Int]
    /// Which lists take only preferred successors (boosted on progress).
    private let preferredOnly: [Bool]
    private var sequence: Int64 = 0
    private(set) var count = 0

    /// `lists` open lists; `preferredOnly[i]` marks the preferred-operator ones.
    init(preferredOnly: [Bool]) {
        self.preferredOnly = preferredOnly
        heaps = Array(repeating: Heap(), count: preferredOnly.count)
        priority = Array(repeating: 0, count: preferredOnly.count)
    }

    var isEmpty: Bool { count == 0 }
    var bytes: Int { pool.capacity * 4 + groups.capacity * 12 + heaps.reduce(0) { $0 + $1.items.capacity * 16 } }

    /// Stores `operators` as one group with parent `parent`; returns the group id for `push`.
    mutating func addGroup(parent: Int32, operators: some Collection<Int32>) -> Int32 {
        groups.append(Group(parent: parent, start: Int32(pool.count), count: Int32(operators.count)))
        pool.append(contentsOf: operators)
        return Int32(groups.count - 1)
    }

    /// Puts `group` into list `list` under `priority` (lower first).
    mutating func push(group: Int32, list: Int, priority value: Int) {
        guard groups[Int(group)].count > 0 else { return }
        sequence += 1
        let key = Int64(min(max(value, 0), 1 << 30)) << 32 | (sequence & 0xFFFF_FFFF)
        heaps[list].push(Item(key: key, group: group, offset: 0))
        count += Int(groups[Int(group)].count)
    }

    mutating func boost(_ amount: Int = 1000) {
        for i in priority.indices where preferredOnly[i] { priority[i] -= amount }
    }

    /// The next (parent, operator) from the list whose turn it is; nil when all are empty.
    mutating func pop() -> (parent: Int32, op: Int32)? {
        var best = -1
        for i in heaps.indices where !heaps[i].items.isEmpty && (best < 0 || priority[i] < priority[best]) { best = i }
        guard best >= 0 else { return nil }
        priority[best] += 1
        var top = heaps[best].items[0]
        let group = groups[Int(top.group)]
        let op = pool[Int(group.start + top.offset)]
        top.offset += 1
        if top.offset == group.count { heaps[best].removeTop() } else { heaps[best].items[0] = top }
        count -= 1
        return (group.parent, op)
    }
}
