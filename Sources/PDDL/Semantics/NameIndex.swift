/// Name → index map for the hot loops of the checkers. Swift's `Dictionary<String, Int>` hashes
/// with seeded SipHash, which dominates when a large problem looks up a million object names;
/// this table uses a cheap multiplicative hash over the UTF-8 bytes and linear probing.
/// (Hash flooding is no concern: the keys are the user's own declarations.)
struct NameIndex {
    /// Key, value and hash side by side: a probe costs one cache line, and the stored hash
    /// skips string comparisons with the wrong key.
    private struct Entry {
        var key: String?
        var hash: Int
        var value: Int
    }

    private var entries: [Entry]
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = [Entry](repeating: Entry(key: nil, hash: 0, value: 0), count: size)
    }

    subscript(name: String) -> Int? {
        let h = Self.hash(name)
        let mask = entries.count - 1
        var slot = h & mask
        while let key = entries[slot].key {
            if entries[slot].hash == h && key == name { return entries[slot].value }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `name` unless present; returns whether it was added.
    @discardableResult
    mutating func insert(_ name: String, value: Int) -> Bool {
        if (count + 1) * 2 > entries.count { grow() }
        let h = Self.hash(name)
        let mask = entries.count - 1
        var slot = h & mask
        while let key = entries[slot].key {
            if entries[slot].hash == h && key == name { return false }
            slot = (slot + 1) & mask
        }
        entries[slot] = Entry(key: name, hash: h, value: value)
        count += 1
        return true
    }

    var names: [String] { entries.compactMap(\.key) }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(key: nil, hash: 0, value: 0), count: old.count * 2)
        count = 0
        for entry in old { if let key = entry.key { insert(key, value: entry.value) } }
    }

    private static func hash(_ name: String) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var copy = name
        copy.withUTF8 { bytes in
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        h ^= h >> 32
        return Int(truncatingIfNeeded: h & 0x7FFF_FFFF_FFFF_FFFF)
    }
}
