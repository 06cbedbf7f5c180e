import Foundation
import Store

/// Session tokens handed out by `POST /v1/auth/login`: `pss_` + 32 random bytes. Only the
/// token's SHA-256 is kept, with its user and expiry. Held in memory by this server process:
/// a restart logs everyone out (API keys, which scripts should use, live in the database).
///
/// `@unchecked Sendable`: `sessions` is only touched under `lock`.
public final class LoginSessions: @unchecked Sendable {
    struct Session { var userId: Int64; var expiresAt: Date }
    private let lock = NSLock()
    private var sessions: [String: Session] = [:]
    private let clock: any StoreClock
    let lifetime: TimeInterval

    public init(lifetime: TimeInterval, clock: any StoreClock) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// A new token for `userId` and when it expires.
    func open(userId: Int64) -> (token: String, expiresAt: Date) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "pss_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let now = clock.now()
        let expiresAt = now.addingTimeInterval(lifetime)
        lock.withLock {
            sessions = sessions.filter { $0.value.expiresAt > now }
            sessions[BearerToken.digest(token)] = Session(userId: userId, expiresAt: expiresAt)
        }
        return (token, expiresAt)
    }

    /// The user a live token belongs to; nil when unknown or expired.
    func user(for token: String) -> Int64? {
        let digest = BearerToken.digest(token)
        let now = clock.now()
        return lock.withLock {
            guard let session = sessions[digest] else { return nil }
            guard session.expiresAt > now else { sessions.removeValue(forKey: digest); return nil }
            return session.userId
        }
    }

    func close(token: String) {
        _ = lock.withLock { sessions.removeValue(forKey: BearerToken.digest(token)) }
    }
}
