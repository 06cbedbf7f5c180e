import Foundation

/// Runs `operation` but gives up after `limit`: a model that never answers becomes a recorded
/// critic failure, not a hung session. The operation is cancelled and *not awaited* when the
/// deadline passes, so even a call that ignores cancellation cannot hold the round.
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let gate = FirstResult<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            gate.install(continuation)
            let work = Task { gate.finish(await Result { try await operation() }) }
            let timer = Task {
                try? await Task.sleep(for: limit)
                let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) * 1e-18
                gate.finish(.failure(LLMCriticError.timedOut(seconds: seconds)))
            }
            gate.onFinish { work.cancel(); timer.cancel() }
        }
    } onCancel: {
        gate.finish(.failure(CancellationError()))
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// Hands the first of several results to a continuation. `@unchecked Sendable`: all state is
/// touched under `lock`.
private final class FirstResult<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?
    private var done = false
    private var cleanup: (@Sendable () -> Void)?

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        lock.lock()
        if let early {
            done = true
            lock.unlock()
            continuation.resume(with: early)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func onFinish(_ body: @escaping @Sendable () -> Void) {
        lock.lock()
        if done { lock.unlock(); body(); return }
        cleanup = body
        lock.unlock()
    }

    func finish(_ result: Result<T, any Error>) {
        lock.lock()
        guard !done else { lock.unlock(); return }
        guard let continuation else {
            if early == nil { early = result }
            lock.unlock()
            return
        }
        done = true
        self.continuation = nil
        let cleanup = self.cleanup
        lock.unlock()
        continuation.resume(with: result)
        cleanup?()
    }
}
