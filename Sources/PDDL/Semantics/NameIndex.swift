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
        // Eight bytes per step (names are short, so this is two or three multiplies), then a
        // finaliser so the low bits used for the slot depend on every byte.
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var copy = name
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= bytes.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                offset += 8
            }
            var tail: UInt64 = UInt64(bytes.count)
            while offset < bytes.count {
                tail = (tail << 8) | UInt64(bytes[offset])
                offset += 1
            }
            h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 32
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return Int(truncatingIfNeeded: h & 0x7FFF_FFFF_FFFF_FFFF)
    }
}
