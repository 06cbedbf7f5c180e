import Foundation

/// A piece of streamed output as the router delivers it.
public enum TextDelta: Sendable, Equatable {
    case text(String)
    /// The stream failed after some text and is being retried (or failed over): discard the
    /// text received so far; the new attempt's text follows.
    case restart
}

/// The provider and model one attempt goes to.
public struct ModelTarget: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var provider: String
    public var model: String

    public init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }

    public var description: String { "\(provider)/\(model)" }
}

/// A call as it travels down the middleware chain.
public struct LLMCall: Sendable {
    public let id: UUID
    public var request: ChatRequest
    /// Capability tier ("planner", "critic", …); nil means the configured default.
    public var tier: String?
    /// Restrict the call to one provider (no failover to others).
    public var provider: String?
    /// The session whose budget pays for the call.
    public var session: String
    /// Set by the failover link for each attempt.
    public var target: ModelTarget?
    /// Zero-based attempt number on the current target.
    public var attempt: Int
    public var onText: @Sendable (TextDelta) -> Void

    public init(request: ChatRequest, tier: String? = nil, provider: String? = nil, session: String = "default",
                onText: @escaping @Sendable (TextDelta) -> Void = { _ in }) {
        self.id = UUID()
        self.request = request
        self.tier = tier
        self.provider = provider
        self.session = session
        self.target = nil
        self.attempt = 0
        self.onText = onText
    }
}

/// A successful call, with what it cost.
public struct LLMResult: Sendable, Equatable {
    public var reply: ChatReply
    public var target: ModelTarget
    /// Attempts made in total, across retries and providers.
    public var attempts: Int
    public var latency: Duration
    /// USD, from the price table; nil when the model has no price or usage was unknown.
    public var costUSD: Double?

    public init(reply: ChatReply, target: ModelTarget, attempts: Int, latency: Duration, costUSD: Double?) {
        self.reply = reply
        self.target = target
        self.attempts = attempts
        self.latency = latency
        self.costUSD = costUSD
    }
}

/// One link of the router chain (usage log → budget → retry/failover → provider), in the
/// style of hummingbird's middleware: do something, call `next`, do something with the result.
public protocol LLMMiddleware: Sendable {
    func handle(_ call: LLMCall, next: @Sendable (LLMCall) async throws -> LLMResult) async throws -> LLMResult
}
