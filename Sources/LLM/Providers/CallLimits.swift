/// Per-provider limits on each call: the most output tokens and the longest wait per call kind,
/// and how many requests may be in flight at once. Hosted APIs need none of this; a local server
/// does — a 135M model asked for 2,048 tokens spends a minute on one critic vote, and a
/// llama.cpp server with one slot queues (or rejects) a second request while it answers the first.
public struct CallLimits: Sendable, Equatable {
    /// Caps the caller's `maxTokens` (never raises it). Missing kinds fall back to `.general`.
    public var maxTokens: [CallPurpose: Int]
    /// Longest time one attempt may take (caps the transfer's total timeout).
    public var timeouts: [CallPurpose: Duration]
    /// nil: unlimited.
    public var maxConcurrentRequests: Int?

    public init(maxTokens: [CallPurpose: Int] = [:], timeouts: [CallPurpose: Duration] = [:],
                maxConcurrentRequests: Int? = nil) {
        self.maxTokens = maxTokens
        self.timeouts = timeouts
        self.maxConcurrentRequests = maxConcurrentRequests
    }

    public static let none = CallLimits()

    /// What `kind = "local"` starts from (each entry can be overridden in config.toml). Sized for
    /// small models on a CPU: plans of the corpus' small problems fit in 384 tokens, a list of a
    /// few feedback items in 320, votes on a round's items in 192; measured with SmolLM2-135M.
    public static let localDefaults = CallLimits(
        maxTokens: [.general: 512, .ping: 16, .plan: 384, .revision: 384, .criticItems: 320, .criticVotes: 192,
                    .elicitation: 768],
        timeouts: [.general: .seconds(120), .ping: .seconds(30), .plan: .seconds(60), .revision: .seconds(60),
                   .criticItems: .seconds(45), .criticVotes: .seconds(30), .elicitation: .seconds(120)],
        maxConcurrentRequests: 1)

    public func maxTokens(for purpose: CallPurpose, asked: Int) -> Int {
        guard let cap = maxTokens[purpose] ?? maxTokens[.general] else { return asked }
        return max(1, min(asked, cap))
    }

    public func timeout(for purpose: CallPurpose) -> Duration? { timeouts[purpose] ?? timeouts[.general] }

    /// `other`'s entries win, kind by kind.
    public func overlaid(with other: CallLimits) -> CallLimits {
        CallLimits(maxTokens: maxTokens.merging(other.maxTokens) { _, new in new },
                   timeouts: timeouts.merging(other.timeouts) { _, new in new },
                   maxConcurrentRequests: other.maxConcurrentRequests ?? maxConcurrentRequests)
    }
}
