import Synchronization

extension DomainScreen {
    /// A handle on one piece of background work (an LLM reply, a planner run) that `update` can
    /// cancel without waiting. Command tasks have no handle of their own, so the task registers the
    /// inner task it starts here; the State keeps the handle (it is Sendable) and Esc cancels it.
    final class WorkHandle: Sendable {
        private let task = Mutex<Task<Void, Never>?>(nil)
        private let cancelled = Mutex(false)

        init() {}

        /// Starts `work` as the handled task (cancelled at once if `cancel` already happened).
        func start(_ work: @escaping @Sendable () async -> Void) {
            let started = Task { await work() }
            task.withLock { $0 = started }
            if cancelled.withLock({ $0 }) { started.cancel() }
        }

        func cancel() {
            cancelled.withLock { $0 = true }
            task.withLock { $0 }?.cancel()
        }

        var isCancelled: Bool { cancelled.withLock { $0 } }

        /// Waits until the work has finished (after a cancel: until it has noticed).
        func wait() async {
            await task.withLock { $0 }?.value
        }
    }
}

extension DomainScreen.WorkHandle {
    /// Runs `work` as the handled task and returns its result (cancel makes the work itself
    /// return early; planner runs return `.cancelled`).
    func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: await work()) }
        }
    }
}
