import Foundation

/// Every failure the Store reports to its callers. Messages are written for the person at the terminal.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the write lock longer than the busy timeout.
    case busy
    /// The database file failed `PRAGMA quick_check`; the damaged file was moved to `keptAt`.
    case damaged(path: String, keptAt: String)
    /// The file or its directory cannot be written (read-only file or file system).
    case readOnly(path: String)
    /// The directory that should contain the database does not exist.
    case missingDirectory(path: String)
    /// The file system is full; the transaction was rolled back.
    case diskFull(path: String)
    /// SQLite could not open the file for another reason.
    case cannotOpen(path: String, reason: String)
    /// The file was written by a newer Plansmith whose schema this release does not know.
    case newerSchema(path: String)
    /// The file exists but is not an SQLite database (wrong header); it was left untouched.
    case notADatabase(path: String)
    /// A row the caller named does not exist or is not visible to the caller.
    case notFound(String)
    /// The caller may see the row but not change it.
    case forbidden(String)
    /// A uniqueness or check constraint refused the change.
    case conflict(String)
    /// The input is unusable (bad email, empty PDDL, …).
    case invalidInput(String)
    /// Email or password wrong; deliberately does not say which.
    case invalidCredentials
    /// Too many failed logins: try again after `retryAfter` seconds.
    case tooManyAttempts(retryAfter: Int)
    /// An API key that does not exist, was revoked or has expired.
    case invalidAPIKey
    case revokedAPIKey
    case expiredAPIKey
    /// Any other SQLite failure, with SQLite's own message.
    case database(String)

    public var description: String {
        switch self {
        case .busy:
            return "database is busy — another Plansmith is writing; try again"
        case .damaged(let path, let keptAt):
            return "database file is damaged; a copy was kept at \(keptAt) (a new empty database will be created at \(path) on the next start)"
        case .readOnly(let path):
            return "database \(path) is read-only; check the file's permissions or the file system"
        case .missingDirectory(let path):
            return "directory \(path) does not exist; create it or choose another --db path"
        case .diskFull(let path):
            return "disk is full while writing \(path); nothing was saved from the last change"
        case .cannotOpen(let path, let reason):
            return "cannot open database \(path): \(reason)"
        case .notADatabase(let path):
            return "\(path) is not a Plansmith database (no SQLite header); it was left untouched — choose another --db path"
        case .newerSchema(let path):
            return "database \(path) was written by a newer Plansmith; upgrade Plansmith to open it"
        case .notFound(let what):
            return "\(what) not found"
        case .forbidden(let what):
            return "not allowed: \(what)"
        case .conflict(let what):
            return what
        case .invalidInput(let what):
            return what
        case .invalidCredentials:
            return "wrong email or password"
        case .tooManyAttempts(let seconds):
            return "too many failed logins; try again in \(seconds) s"
        case .invalidAPIKey:
            return "API key is not valid"
        case .revokedAPIKey:
            return "API key has been revoked"
        case .expiredAPIKey:
            return "API key has expired"
        case .database(let message):
            return "database error: \(message)"
        }
    }
}

extension StoreError: LocalizedError {
    public var errorDescription: String? { description }
}
