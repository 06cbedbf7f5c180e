import Foundation

/// Outermost chain link: publishes every call as events (start, tokens, end or error) and hands
/// one `UsageRecord` per call to the recorder.
public struct UsageLogMiddleware: LLMMiddleware {
    let recorder: UsageRecorder
    let events: @Sendable (LLMEvent) -> Void
    let now: @Sendable () -> Duration
    let endpointPath: @Sendable (String?) -> String?

    public init(recorder: UsageRecorder, events: @escaping @Sendable (LLMEvent) -> Void,
                now: @escaping @Sendable () -> Duration, endpointPath: @escaping @Sendable (String?) -> String?) {
        self.recorder = recorder
        self.events = events
        self.now = now
        self.endpointPath = endpointPath
    }

    public func handle(_ call: LLMCall, next: @Sendable (LLMCall) async throws -> LLMResult) async throws -> LLMResult {
        let id = call.id.uuidString
        let start = now()
        events(.started(callID: id, tier: call.tier, session: call.session))
        var observed = call
        observed.onText = { [events] delta in
            events(.token(callID: id, delta))
            call.onText(delta)
        }
        do {
            let result = try await next(observed)
            let record = UsageRecord(
                callID: call.id, session: call.session, tier: call.tier, provider: result.target.provider,
                model: result.reply.model, endpoint: endpointPath(result.target.provider), succeeded: true,
                statusCode: 200, latencyMs: Int((now() - start).milliseconds), attempts: result.attempts,
                usage: result.reply.usage, costUSD: result.costUSD, requestID: result.reply.requestID,
                error: nil, date: Date())
            try? await recorder.record(record)
            events(.finished(record))
            return result
        } catch {
            let (target, status, attempts) = Self.lastTarget(of: error)
            let record = UsageRecord(
                callID: call.id, session: call.session, tier: call.tier, provider: target?.provider,
                model: target?.model, endpoint: endpointPath(target?.provider), succeeded: false,
                statusCode: status, latencyMs: Int((now() - start).milliseconds), attempts: attempts,
                usage: .unknown, costUSD: nil, requestID: nil, error: String(describing: error), date: Date())
            try? await recorder.record(record)
            events(.failed(record))
            throw error
        }
    }

    /// The last target tried, its HTTP status if any, and how many attempts were made.
    private static func lastTarget(of error: Error) -> (ModelTarget?, Int?, Int) {
        switch error as? LLMError {
        case .rejected(let target, let providerError):
            if case .http(let status, _, _, _, _, _, _) = providerError { return (target, status, 1) }
            return (target, nil, 1)
        case .allProvidersFailed(let failures):
            return (failures.last { $0.wasSent }?.target ?? failures.last?.target, nil, failures.filter(\.wasSent).count)
        default:
            return (nil, nil, 0)
        }
    }
}
