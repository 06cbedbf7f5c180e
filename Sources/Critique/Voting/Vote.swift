/// A critic's opinion of an item: agree, neutral or disagree.
public enum Vote: Double, Codable, Sendable, CaseIterable {
    case agree = 1.0
    case neutral = 0.5
    case disagree = 0.0
}
