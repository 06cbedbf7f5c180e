import Critique

/// One event on the bus: what happened, in which session, and its place in the publishing order.
public struct BusEvent: Sendable {
    /// Increases by one per published event; a subscriber sees increasing numbers (gaps mean
    /// progress events were coalesced).
    public var sequence: UInt64
    /// The planning session the event belongs to (nil for events outside a session).
    public var sessionId: Int64?
    public var payload: CritiqueEvent

    public init(sequence: UInt64, sessionId: Int64?, payload: CritiqueEvent) {
        self.sequence = sequence
        self.sessionId = sessionId
        self.payload = payload
    }

    /// Progress events with equal keys may be merged into one.
    var coalescingKey: String? {
        guard payload.isProgress else { return nil }
        return "\(sessionId.map(String.init) ?? "-"):tokens"
    }

    /// `later` folded into `self`: token text is concatenated, the later sequence number kept.
    func merged(with later: BusEvent) -> BusEvent {
        guard case .llmTokens(let a) = payload, case .llmTokens(let b) = later.payload else { return later }
        return BusEvent(sequence: later.sequence, sessionId: sessionId, payload: .llmTokens(text: a + b))
    }
}
