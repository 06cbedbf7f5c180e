import Foundation

/// Runs CPU-bound work that cannot check for cancellation itself (the planner's plan analysis,
/// the validator) on its own thread and waits for it — unless the waiting task is cancelled:
/// then this returns nil at once, `isCancelled` turns true for work that can poll it (search), and
/// the result is dropped when it arrives. A plain thread, not a task: long synchronous work on
/// the cooperative pool (two threads on two cores) would starve the tasks that must notice the
/// cancellation. This is what lets a session stop within 200 ms in the middle of a long analysis.
public func abandonable<T: Sendable>(_ work: @escaping @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) -> T) async -> T? {
    let gate = ResumeOnce<T?>()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            if gate.install(continuation) {
                let thread = Thread { gate.resume(work { gate.isFinished }) }
                thread.stackSize = 16 << 20
                thread.start()
            }
        }
    } onCancel: {
        gate.resume(nil)
    }
}

public func abandonable<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
    await abandonable { (_: @escaping @Sendable () -> Bool) in work() }
}

/// A continuation that is resumed exactly once, by whichever of the work or cancellation comes first.
/// `@unchecked Sendable`: `state` is only touched while holding `lock`.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private enum State {
        case waiting
        case installed(CheckedContinuation<T, Never>)
        /// Resumed before the continuation was installed (cancelled before it started).
        case resolvedEarly(T)
        case done
    }
    private let lock = NSLock()
    private var state = State.waiting

    /// Installs the continuation; returns false (having resumed it) when a value came first.
    func install(_ continuation: CheckedContinuation<T, Never>) -> Bool {
        lock.lock()
        switch state {
        case .waiting:
            state = .installed(continuation)
            lock.unlock()
            return true
        case .resolvedEarly(let value):
            state = .done
            lock.unlock()
            continuation.resume(returning: value)
            return false
        case .installed, .done:
            lock.unlock()
            return false
        }
    }

    /// True once a value (the result, or nil on cancellation) has been handed over.
    var isFinished: Bool {
        lock.lock(); defer { lock.unlock() }
        if case .waiting = state { return false }
        if case .installed = state { return false }
        return true
    }

    func resume(_ value: T) {
        lock.lock()
        switch state {
        case .waiting:
            state = .resolvedEarly(value)
            lock.unlock()
        case .installed(let continuation):
            state = .done
            lock.unlock()
            continuation.resume(returning: value)
        case .resolvedEarly, .done:
            lock.unlock()
        }
    }
}
