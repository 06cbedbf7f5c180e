import Foundation

/// One subscriber's queue. Publishing only appends under a lock, so a subscriber that reads
/// slowly (or not at all) never makes the publisher wait.
///
/// Bounded for progress: once `limit` events are waiting, a new progress event is merged with
/// the newest waiting progress event of the same key (moved to the tail, so tokens stay in
/// order among themselves). Lifecycle events are never dropped or merged; they may take the
/// queue past `limit`.
/// `@unchecked Sendable`: every stored property is read and written only while holding `lock`.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [BusEvent] = []
    private var head = 0
    private var waiter: CheckedContinuation<BusEvent?, Never>?
    private var closed = false
    let limit: Int
    private var coalesced = 0

    init(limit: Int) { self.limit = max(limit, 1) }

    var isClosed: Bool { lock.lock(); defer { lock.unlock() }; return closed }

    func deliver(_ event: BusEvent) {
        lock.lock()
        if closed { lock.unlock(); return }
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.resume(returning: event)
            return
        }
        if queue.count - head >= limit, let key = event.coalescingKey,
           let index = queue[head...].lastIndex(where: { $0.coalescingKey == key }) {
            let merged = queue[index].merged(with: event)
            queue.remove(at: index)
            queue.append(merged)
            coalesced += 1
        } else {
            queue.append(event)
        }
        lock.unlock()
    }

    /// The next event, waiting if none is queued; nil once closed and drained.
    func next() async -> BusEvent? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<BusEvent?, Never>) in
                lock.lock()
                if head < queue.count {
                    let event = queue[head]
                    head += 1
                    if head > 1024 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
                    lock.unlock()
                    continuation.resume(returning: event)
                } else if closed || Task.isCancelled {
                    lock.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            close()
        }
    }

    /// No more events; a waiting reader gets nil, queued events are still delivered.
    func close() {
        lock.lock()
        closed = true
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(returning: nil)
    }

    var coalescedCount: Int { lock.lock(); defer { lock.unlock() }; return coalesced }

    var pending: Int { lock.lock(); defer { lock.unlock() }; return queue.count - head }
}
