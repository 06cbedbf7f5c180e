import Critique

/// The app's event bus: services publish, screens and commands subscribe.
///
/// Any number of subscribers, each with its own `AsyncStream` and its own queue: each sees every
/// lifecycle event in publishing order; a slow one never blocks the publisher or the others
/// (see `Mailbox` for the bound and the coalescing of progress events).
public actor EventBus {
    private var mailboxes: [Int: Mailbox] = [:]
    private var nextId = 0
    private var sequence: UInt64 = 0
    private let defaultLimit: Int

    /// `bufferLimit`: how many events may wait for a subscriber before progress events are merged.
    public init(bufferLimit: Int = 256) {
        defaultLimit = bufferLimit
    }

    /// A new subscription that receives every event published from now on.
    public func subscribe(bufferLimit: Int? = nil) -> EventSubscription {
        let mailbox = Mailbox(limit: bufferLimit ?? defaultLimit)
        nextId += 1
        mailboxes[nextId] = mailbox
        let stream = AsyncStream<BusEvent>(unfolding: { await mailbox.next() }, onCancel: { mailbox.close() })
        return EventSubscription(id: nextId, events: stream, mailbox: mailbox)
    }

    public func unsubscribe(_ subscription: EventSubscription) {
        mailboxes.removeValue(forKey: subscription.id)?.close()
    }

    @discardableResult
    public func publish(_ payload: CritiqueEvent, session: Int64? = nil) -> UInt64 {
        sequence += 1
        let event = BusEvent(sequence: sequence, sessionId: session, payload: payload)
        for (id, mailbox) in mailboxes {
            if mailbox.isClosed { mailboxes.removeValue(forKey: id); continue }
            mailbox.deliver(event)
        }
        return sequence
    }

    /// Ends every subscription after the events already queued.
    public func finish() {
        for mailbox in mailboxes.values { mailbox.close() }
        mailboxes.removeAll()
    }

    public var subscriberCount: Int { mailboxes.count }
}

/// A subscriber's handle: iterate `events`; drop it or call `EventBus.unsubscribe` to stop.
public struct EventSubscription: Sendable {
    public let id: Int
    public let events: AsyncStream<BusEvent>
    let mailbox: Mailbox

    /// Progress events merged so far because this subscriber fell behind.
    public var coalescedCount: Int { mailbox.coalescedCount }
    /// Events waiting to be read.
    public var pending: Int { mailbox.pending }
}
