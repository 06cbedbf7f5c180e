extension KeyedDecodingContainer {
    /// A number written either way in TOML (`5` or `5.0`): TOML keeps integers and floats
    /// apart and TOMLKit will not decode an integer as `Double`.
    func decodeNumberIfPresent(forKey key: Key) throws -> Double? {
        guard contains(key) else { return nil }
        if let value = try? decode(Double.self, forKey: key) { return value }
        if let value = try? decode(Int.self, forKey: key) { return Double(value) }
        throw DecodingError.typeMismatch(Double.self, .init(codingPath: codingPath + [key],
                                                            debugDescription: "expected a number"))
    }
}
