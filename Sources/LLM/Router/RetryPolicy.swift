/// What to do after a failed attempt.
public enum FailureAction: Sendable, Equatable {
    /// Try the same provider again, after `delay`.
    case retry(delay: Duration)
    /// Give up on this provider for this call and try the next candidate.
    case failover
    /// The request itself is bad: stop the whole call.
    case stop
}

/// Retries with exponential back-off and jitter, honouring `retry-after`, as the official SDKs
/// do: delay = min(base·2ⁿ, cap)·(1 − 0.25·random) where n counts retries already made.
public struct RetryPolicy: Sendable, Equatable {
    public var maxRetries: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// A `retry-after` longer than this is not waited for: the call fails over instead.
    public var maxRetryAfter: Duration

    public init(maxRetries: Int = 2, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
                maxRetryAfter: Duration = .seconds(60)) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    public func backoff(retriesDone n: Int, random: Double) -> Duration {
        let exponential = baseDelay * Double(1 << min(n, 30))
        let capped = min(exponential, maxDelay)
        return capped * (1 - 0.25 * random)
    }

    /// Decides after attempt number `attempt` (0-based) on one provider failed with `error`.
    public func action(after error: Error, attempt: Int, random: Double) -> FailureAction {
        let retry = FailureAction.retry(delay: backoff(retriesDone: attempt, random: random))
        let canRetry = attempt < maxRetries
        switch Self.classify(error) {
        case .stop: return .stop
        case .failover: return .failover
        case .retryable(let retryAfter):
            guard canRetry else { return .failover }
            guard let retryAfter, retryAfter > .zero else { return retry }
            return retryAfter <= maxRetryAfter ? .retry(delay: retryAfter) : .failover
        }
    }

    enum Class: Equatable { case retryable(retryAfter: Duration?), failover, stop }

    /// Error → class. 429/408/409/5xx/529, timeouts, lost connections, truncated or garbled
    /// answers are retryable; spent quotas and auth failures go to the next provider; other 4xx stop.
    static func classify(_ error: Error) -> Class {
        if error is CancellationError { return .stop }
        guard let error = error as? ProviderError else { return .failover }
        switch error {
        case let .http(status, _, code, _, retryAfter, shouldRetry, _):
            if code == "insufficient_quota" || code == "enforced_spend_limit_reached" { return .failover }
            if let shouldRetry { return shouldRetry ? .retryable(retryAfter: retryAfter) : .failover }
            switch status {
            case 408, 409, 429, 500...: return .retryable(retryAfter: retryAfter)
            case 401, 402, 403: return .failover  // this provider's key or account, not the request
            default: return .stop
            }
        case .transport(let transport):
            if transport == .cancelled { return .stop }
            return transport.isRetryable ? .retryable(retryAfter: nil) : .failover
        case .streamError(let type, _):
            let transient = ["overloaded_error", "api_error", "rate_limit_error", "timeout_error", "server_error"]
            return transient.contains(type) ? .retryable(retryAfter: nil) : .failover
        case .truncated, .malformedResponse, .unexpectedContentType:
            return .retryable(retryAfter: nil)
        }
    }
}
