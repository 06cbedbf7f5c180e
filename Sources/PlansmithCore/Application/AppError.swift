import Foundation
import Store

/// Every failure the application services report, in words for the person who asked and with a
/// kind that the TUI, the CLI (exit status) and the server (HTTP status) each map in one place.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The named object does not exist or is not visible to the caller (never "forbidden": that
        /// would reveal that it exists).
        case notFound = "not_found"
        /// The caller may see it but not change it.
        case forbidden
        /// A uniqueness rule or the object's state refused the change.
        case conflict
        /// The input is unusable (bad name, PDDL with errors, out-of-range option).
        case invalidInput = "invalid_input"
        case invalidCredentials = "invalid_credentials"
        case tooManyAttempts = "too_many_attempts"
        /// A missing, revoked or expired API key.
        case unauthorized
        /// A limit ran out (time, memory, operators) before an answer.
        case limit
        /// Something outside the caller's control (database busy, disk full, provider down).
        case unavailable
    }

    public var kind: Kind
    public var message: String
    /// For `tooManyAttempts`: seconds until the next try.
    public var retryAfter: Int?

    public init(_ kind: Kind, _ message: String, retryAfter: Int? = nil) {
        self.kind = kind
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { message }

    /// Any error thrown below the services, as an `AppError` (StoreError kinds are kept).
    public static func from(_ error: any Error) -> AppError {
        if let error = error as? AppError { return error }
        guard let store = error as? StoreError else { return AppError(.unavailable, "\(error)") }
        switch store {
        case .notFound(let what): return AppError(.notFound, store.description.isEmpty ? what : store.description)
        case .forbidden: return AppError(.forbidden, store.description)
        case .conflict: return AppError(.conflict, store.description)
        case .invalidInput: return AppError(.invalidInput, store.description)
        case .invalidCredentials: return AppError(.invalidCredentials, "Wrong email or password.")
        case .tooManyAttempts(let seconds):
            return AppError(.tooManyAttempts, "Too many failed attempts; try again in \(seconds) s.", retryAfter: seconds)
        case .invalidAPIKey, .revokedAPIKey, .expiredAPIKey: return AppError(.unauthorized, store.description)
        default: return AppError(.unavailable, store.description)
        }
    }
}

/// Runs `body`, reporting whatever it throws as an `AppError`.
func appErrors<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch { throw AppError.from(error) }
}
