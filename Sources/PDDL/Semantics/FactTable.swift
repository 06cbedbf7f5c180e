/// A hash set of ground facts as integer tuples `(predicate, object…)`, for problems with
/// hundreds of thousands of initial facts: no allocation per fact, exact comparison.
struct FactTable {
    private var storage: [Int32] = []        // facts back to back: arity, predicate, objects…
    /// Open addressing: high 32 bits a fingerprint of the hash, low 32 bits the fact's index in
    /// `storage` + 1; 0 = empty. The fingerprint spares a second cache miss into `storage` on
    /// every probe that is not a match — most inserts touch one cache line.
    private var slots: [UInt64]
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        storage.reserveCapacity(capacity * 4)
    }

    /// Inserts the fact; returns false if it was already present.
    mutating func insert(predicate: Int, objects: [Int]) -> Bool {
        if count * 2 >= slots.count { grow() }
        let h = hash(predicate, objects)
        let fingerprint = UInt64(truncatingIfNeeded: h >> 32) << 32
        var slot = h & (slots.count - 1)
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint && matches(Int(entry & 0xFFFF_FFFF) - 1, predicate, objects) { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = fingerprint | UInt64(storage.count + 1)
        storage.append(Int32(objects.count))
        storage.append(Int32(predicate))
        for object in objects { storage.append(Int32(object)) }
        count += 1
        return true
    }

    func contains(predicate: Int, objects: [Int]) -> Bool {
        let h = hash(predicate, objects)
        let fingerprint = UInt64(truncatingIfNeeded: h >> 32) << 32
        var slot = h & (slots.count - 1)
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint && matches(Int(entry & 0xFFFF_FFFF) - 1, predicate, objects) { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
        return false
    }

    private func matches(_ start: Int, _ predicate: Int, _ objects: [Int]) -> Bool {
        guard storage[start] == Int32(objects.count), storage[start + 1] == Int32(predicate) else { return false }
        for (i, object) in objects.enumerated() where storage[start + 2 + i] != Int32(object) { return false }
        return true
    }

    private func hash(_ predicate: Int, _ objects: [Int]) -> Int {
        // Multiply-xor over the integers, then a Murmur3 finaliser: the table indexes by the low
        // bits, which a plain multiplicative hash of small sequential ids leaves clustered.
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: predicate)
        for object in objects { h = (h ^ UInt64(truncatingIfNeeded: object)) &* 0xFF51_AFD7_ED55_8CCD }
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h & 0x7FFF_FFFF_FFFF_FFFF)
    }

    private mutating func grow() {
        let old = storage
        storage = []
        storage.reserveCapacity(old.count * 2)
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        count = 0
        var index = 0
        while index < old.count {
            let arity = Int(old[index])
            let objects = (0..<arity).map { Int(old[index + 2 + $0]) }
            _ = insert(predicate: Int(old[index + 1]), objects: objects)
            index += 2 + arity
        }
    }
}
