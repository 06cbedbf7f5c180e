/// A binary min-heap of (priority, value) packed in one `UInt64` (priority in the high 32 bits), so
/// comparisons are single integer compares.
struct PackedMinHeap {
    private(set) var items: [UInt64] = []

    var isEmpty: Bool { items.isEmpty }
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    @inline(__always) mutating func push(priority: Int, value: Int32) {
        let p = UInt64(min(priority, Int(UInt32.max)))
        var i = items.count
        items.append(p << 32 | UInt64(UInt32(bitPattern: value)))
        let item = items[i]
        while i > 0 {
            let parent = (i - 1) >> 1
            if items[parent] <= item { break }
            items[i] = items[parent]
            i = parent
        }
        items[i] = item
    }

    @inline(__always) mutating func pop() -> (priority: Int, value: Int32) {
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            var i = 0
            let n = items.count
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n && items[child + 1] < items[child] { child += 1 }
                if items[child] >= last { break }
                items[i] = items[child]
                i = child
            }
            items[i] = last
        }
        return (Int(top >> 32), Int32(bitPattern: UInt32(truncatingIfNeeded: top)))
    }
}
