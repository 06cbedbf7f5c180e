import Foundation

/// The period the Analytics screen covers, counted back from now.
public enum UsageRange: String, CaseIterable, Sendable {
    case day = "24h", week = "7d", month = "30d", all = "all"

    /// Seconds back from now; nil for all time.
    public var seconds: TimeInterval? {
        switch self {
        case .day: 86_400
        case .week: 7 * 86_400
        case .month: 30 * 86_400
        case .all: nil
        }
    }

    public func since(now: Date) -> Date? { seconds.map { now.addingTimeInterval(-$0) } }

    public var next: UsageRange { UsageRange.allCases[(index + 1) % UsageRange.allCases.count] }
    public var previous: UsageRange { UsageRange.allCases[(index + UsageRange.allCases.count - 1) % UsageRange.allCases.count] }
    private var index: Int { UsageRange.allCases.firstIndex(of: self)! }

    /// Words for the header ("last 7 days").
    public var label: String {
        switch self {
        case .day: "last 24 hours"
        case .week: "last 7 days"
        case .month: "last 30 days"
        case .all: "all time"
        }
    }
}
