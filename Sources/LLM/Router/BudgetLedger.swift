import Synchronization

/// Money spent per session, against a limit. A session whose spending reached its limit gets no
/// more calls; the call that crosses the limit is allowed to finish (its cost is known only after).
public final class BudgetLedger: Sendable {
    private struct State { var defaultLimit: Double?; var limits: [String: Double] = [:]; var spent: [String: Double] = [:] }
    private let state: Mutex<State>

    /// `defaultLimitUSD` nil means unlimited.
    public init(defaultLimitUSD: Double?) {
        state = Mutex(State(defaultLimit: defaultLimitUSD))
    }

    public func setLimit(_ usd: Double?, for session: String) {
        state.withLock { $0.limits[session] = usd }
    }

    public func limit(for session: String) -> Double? {
        state.withLock { $0.limits[session] ?? $0.defaultLimit }
    }

    public func spent(by session: String) -> Double {
        state.withLock { $0.spent[session] ?? 0 }
    }

    public func charge(_ usd: Double, to session: String) {
        state.withLock { $0.spent[session, default: 0] += usd }
    }

    /// Throws `LLMError.budgetExhausted` when the session may not start another call.
    public func checkAvailable(for session: String) throws {
        let (spent, limit) = state.withLock { ($0.spent[session] ?? 0, $0.limits[session] ?? $0.defaultLimit) }
        if let limit, spent >= limit {
            throw LLMError.budgetExhausted(session: session, spentUSD: spent, limitUSD: limit)
        }
    }
}

/// Chain link: refuses calls once the session's budget is spent, and charges each success.
public struct BudgetMiddleware: LLMMiddleware {
    public let ledger: BudgetLedger

    public init(ledger: BudgetLedger) { self.ledger = ledger }

    public func handle(_ call: LLMCall, next: @Sendable (LLMCall) async throws -> LLMResult) async throws -> LLMResult {
        try ledger.checkAvailable(for: call.session)
        let result = try await next(call)
        ledger.charge(result.costUSD ?? 0, to: call.session)
        return result
    }
}
