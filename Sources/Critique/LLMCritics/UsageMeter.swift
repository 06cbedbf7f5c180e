import Foundation

/// Tokens used by one model-backed critic, added up between two `take()` calls.
/// `@unchecked Sendable`: the counters are only touched under `lock`.
final class UsageMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var prompt = 0
    private var completion = 0
    private var calls = 0

    func add(_ reply: CriticModelReply) {
        lock.lock(); defer { lock.unlock() }
        prompt += reply.promptTokens ?? 0
        completion += reply.completionTokens ?? 0
        calls += 1
    }

    func take() -> (prompt: Int, completion: Int)? {
        lock.lock(); defer { lock.unlock() }
        guard calls > 0 else { return nil }
        defer { prompt = 0; completion = 0; calls = 0 }
        return (prompt, completion)
    }
}
