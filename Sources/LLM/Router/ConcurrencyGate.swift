/// At most `limit` holders at once; the others wait in arrival order. A waiter whose task is
/// cancelled leaves the queue at once (with `CancellationError`) rather than holding up the rest.
/// One per provider with `max_concurrent_requests`: a llama.cpp server with one slot answers
/// one request at a time anyway, and three critics sending at once would only make each of them
/// wait inside the server, where no timeout can tell waiting from hanging.
public actor ConcurrencyGate {
    public let limit: Int
    private var holders = 0
    private var waiters: [(id: Int, continuation: CheckedContinuation<Void, Error>)] = []
    private var nextID = 0

    public init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `body` once a place is free.
    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }

    /// Requests holding a place right now (for tests and diagnostics).
    public var inFlight: Int { holders }

    func acquire() async throws {
        try Task.checkCancellation()
        if holders < limit {
            holders += 1
            return
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                // Cancelled just now: the handler below may already have run and found no waiter.
                if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    func release() {
        if waiters.isEmpty {
            holders -= 1
        } else {
            // The place passes straight to the next waiter: `holders` stays the same.
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancelWaiter(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
