import Foundation
import Store

/// Session tokens handed out by `POST /v1/auth/login`: `pss_` + 32 random bytes. Only the
/// token's SHA-256 is kept, with its user and expiry. With a `shared` repository (PostgreSQL:
/// `Store.sharedLoginSessions`) they live in the database, so every server on it honours a token
/// any of them issued. Without one (SQLite, one server per file) they are held in this process's
/// memory: a restart logs everyone out (API keys, which scripts should use, live in the database).
///
/// `@unchecked Sendable`: `sessions` is only touched under `lock`.
public final class LoginSessions: @unchecked Sendable {
    struct Session { var userId: Int64; var expiresAt: Date }
    private let lock = NSLock()
    private var sessions: [String: Session] = [:]
    private let clock: any StoreClock
    private let shared: (any LoginSessionRepository)?
    let lifetime: TimeInterval

    public init(lifetime: TimeInterval, clock: any StoreClock, shared: (any LoginSessionRepository)? = nil) {
        self.lifetime = lifetime
        self.clock = clock
        self.shared = shared
    }

    /// A new token for `userId` and when it expires.
    func open(userId: Int64) async throws -> (token: String, expiresAt: Date) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = "pss_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let now = clock.now()
        let expiresAt = now.addingTimeInterval(lifetime)
        if let shared {
            try await shared.open(digest: BearerToken.digest(token), userId: userId, expiresAt: expiresAt, now: now)
            return (token, expiresAt)
        }
        lock.withLock {
            sessions = sessions.filter { $0.value.expiresAt > now }
            sessions[BearerToken.digest(token)] = Session(userId: userId, expiresAt: expiresAt)
        }
        return (token, expiresAt)
    }

    /// The user a live token belongs to; nil when unknown or expired.
    func user(for token: String) async throws -> Int64? {
        let digest = BearerToken.digest(token)
        let now = clock.now()
        if let shared { return try await shared.userId(forDigest: digest, at: now) }
        return lock.withLock {
            guard let session = sessions[digest] else { return nil }
            guard session.expiresAt > now else { sessions.removeValue(forKey: digest); return nil }
            return session.userId
        }
    }

    func close(token: String) async throws {
        if let shared { return try await shared.close(digest: BearerToken.digest(token)) }
        _ = lock.withLock { sessions.removeValue(forKey: BearerToken.digest(token)) }
    }
}
