import Planner

/// Which critic wrote an item or cast a vote. Sound critics have fixed names; LLM critics add their own.
public struct CriticName: RawRepresentable, Hashable, Codable, CodingKeyRepresentable, Sendable, CustomStringConvertible, Comparable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public var codingKey: any CodingKey { Key(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    public static func < (a: CriticName, b: CriticName) -> Bool { a.rawValue < b.rawValue }

    public static let completeness = CriticName("completeness")
    public static let efficiency = CriticName("efficiency")
    public static let safety = CriticName("safety")
}

/// How much an item matters. Convergence waits until no critical item is left.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case critical, major, minor

    private var rank: Int { switch self { case .critical: 0; case .major: 1; case .minor: 2 } }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding of one critic about the current plan, optionally with an edit that fixes it.
public struct FeedbackItem: Codable, Sendable, Hashable, Identifiable {
    /// Stable within a session: `<iteration>.<critic>.<n>`.
    public var id: String
    public var author: CriticName
    public var severity: Severity
    public var message: String
    /// 0-based indices of the plan steps the item is about.
    public var steps: [Int]
    public var edit: PlanEdit?

    public init(id: String, author: CriticName, severity: Severity, message: String, steps: [Int] = [], edit: PlanEdit? = nil) {
        self.id = id
        self.author = author
        self.severity = severity
        self.message = message
        self.steps = steps
        self.edit = edit
    }
}
