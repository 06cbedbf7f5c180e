/// Every state the search has seen, packed into one contiguous arena of 64-bit words, with an
/// open-addressing hash table of state ids for duplicate detection. A state id is its index.
struct StateRegistry {
    let words: Int
    private(set) var arena: [UInt64] = []
    private var table: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(words: Int) {
        self.words = words
        table = Array(repeating: -1, count: 1 << 12)
        mask = (1 << 12) - 1
        arena.reserveCapacity(words * 1024)
    }

    var bytes: Int { arena.capacity * 8 + table.count * 4 }

    private static func hash(_ p: UnsafePointer<UInt64>, _ words: Int) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<words {
            h = (h ^ p[i]) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
        }
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The id of `state`, inserting a copy when new.
    mutating func insert(_ state: UnsafePointer<UInt64>) -> (id: Int32, inserted: Bool) {
        var slot = Self.hash(state, words) & mask
        while true {
            let id = table[slot]
            if id < 0 { break }
            let equal = arena.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress! + Int(id) * words
                for i in 0..<words where base[i] != state[i] { return false }
                return true
            }
            if equal { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        for i in 0..<words { arena.append(state[i]) }
        table[slot] = id
        count += 1
        if count * 2 > table.count { grow() }
        return (id, true)
    }

    private mutating func grow() {
        let size = table.count * 2
        table = Array(repeating: -1, count: size)
        mask = size - 1
        let words = self.words
        arena.withUnsafeBufferPointer { buffer in
            for id in 0..<count {
                var slot = Self.hash(buffer.baseAddress! + id * words, words) & mask
                while table[slot] >= 0 { slot = (slot + 1) & mask }
                table[slot] = Int32(id)
            }
        }
    }

    /// Copies state `id` into `target`.
    func copy(_ id: Int32, into target: UnsafeMutablePointer<UInt64>) {
        arena.withUnsafeBufferPointer { buffer in
            target.update(from: buffer.baseAddress! + Int(id) * words, count: words)
        }
    }
}
