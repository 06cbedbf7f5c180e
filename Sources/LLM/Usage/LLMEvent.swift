/// What the router publishes about each call, for the UI and logs. No secrets in any case.
public enum LLMEvent: Sendable, Equatable {
    case started(callID: UUIDString, tier: String?, session: String)
    case token(callID: UUIDString, TextDelta)
    /// An attempt failed; `action` says what the router does next (retry after a delay,
    /// fail over to the next provider, or stop).
    case attemptFailed(callID: UUIDString, target: ModelTarget, error: String, action: FailureAction)
    case finished(UsageRecord)
    case failed(UsageRecord)

    public typealias UUIDString = String

    /// An `AsyncStream` of events plus the sink closure that feeds it.
    public static func makeStream() -> (stream: AsyncStream<LLMEvent>, sink: @Sendable (LLMEvent) -> Void) {
        let (stream, continuation) = AsyncStream<LLMEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        return (stream, { continuation.yield($0) })
    }
}
