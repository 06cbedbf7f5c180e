import Foundation
import GRDB

/// Tunables for opening the database. Defaults suit the TUI and the CLI sharing one file.
public struct StoreOptions: Sendable {
    /// How long a writer waits for another process's write transaction before `StoreError.busy`.
    public var busyTimeout: TimeInterval = 5
    /// Clock used for timestamps, key expiry and login back-off.
    public var clock: any StoreClock = SystemClock()
    /// scrypt cost for new password hashes (tests lower it; verification reads N from the hash).
    public var passwordCost: PasswordHasher.Cost = .standard
    /// The process recorded as running the sessions this store creates; tests name a dead one
    /// to leave a session behind as a crashed process would.
    public var sessionOwner: SessionOwner = .current

    public init() {}
}

/// The opened SQLite file: a WAL `DatabasePool` plus error translation into `StoreError`.
/// The only type in the module that touches GRDB connections directly.
public final class StoreDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE: the busy timeout applies at BEGIN,
    /// so two processes never deadlock on a read-then-write upgrade).
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw translate(error)
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw translate(error)
        }
    }

    /// `PRAGMA integrity_check` (the thorough one); "ok" when the file is sound.
    public func integrityCheck() async throws -> String {
        try await read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }

    /// Copies the WAL into the main file and truncates the WAL (e.g. before a file-level backup).
    public func checkpoint() throws {
        do {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw translate(error)
        }
    }

    /// Closes every connection; further use throws.
    public func close() throws {
        try pool.close()
    }

    func translate(_ error: any Error) -> StoreError {
        StoreError.translating(error, path: path)
    }
}

extension StoreError {
    /// Maps SQLite result codes onto the user-facing cases; errors already typed pass through.
    static func translating(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let dbError = error as? DatabaseError else { return .database(String(describing: error)) }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_CONSTRAINT: return .conflict(dbError.message ?? "constraint failed")
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: dbError.message ?? "unable to open")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .database("database file is damaged (\(dbError.message ?? "corrupt")); restart Plansmith to check it")
        case .SQLITE_IOERR where dbError.extendedResultCode == .SQLITE_IOERR_WRITE
                              || dbError.extendedResultCode == .SQLITE_IOERR_FSYNC:
            // tmpfs and some file systems report ENOSPC as a plain write error
            return .diskFull(path: path)
        default: return .database(dbError.message ?? "\(dbError.resultCode)")
        }
    }
}
