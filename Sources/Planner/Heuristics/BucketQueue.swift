/// A monotone bucket priority queue for the relaxed explorations (integer costs). Within a bucket
/// it is LIFO, as Fast Downward's bucket queue is; which of several equally cheap achievers
/// becomes a fact's supporter follows from that order, and that choice shapes FF's relaxed plans.
struct BucketQueue {
    private var buckets: [[Int32]] = []
    private var current = 0
    private var count = 0
    /// Priorities above this are clamped (keeps memory bounded for absurd costs).
    static let maximumPriority = 1 << 22

    var isEmpty: Bool { count == 0 }

    mutating func removeAll() {
        if count > 0 { for i in current..<buckets.count { buckets[i].removeAll(keepingCapacity: true) } }
        current = 0
        count = 0
    }

    @inline(__always) mutating func push(priority: Int, value: Int32) {
        let p = max(current, min(priority, Self.maximumPriority))
        while buckets.count <= p { buckets.append([]) }
        buckets[p].append(value)
        count += 1
    }

    @inline(__always) mutating func pop() -> (priority: Int, value: Int32) {
        while buckets[current].isEmpty { current += 1 }
        count -= 1
        return (current, buckets[current].removeLast())
    }
}
