/// Interns ground atoms to dense ids while grounding.
struct FactTable: Sendable {
    var keys: [FactKey] = []
    var index: [FactKey: Int32] = [:]

    /// The id of `key`, adding it if new; `inserted` tells which.
    @discardableResult
    mutating func intern(_ key: FactKey) -> (id: Int32, inserted: Bool) {
        if let id = index[key] { return (id, false) }
        let id = Int32(keys.count)
        keys.append(key)
        index[key] = id
        return (id, true)
    }

    func id(of key: FactKey) -> Int32? { index[key] }
    var count: Int { keys.count }
}
