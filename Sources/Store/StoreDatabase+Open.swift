import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StoreDatabase {
    /// Opens (creating if needed) the database at `location`: file mode 0600 in a 0700 directory,
    /// WAL, busy timeout, foreign keys, `PRAGMA quick_check`, then all migrations (which also seed
    /// the bundled templates once). A damaged file is renamed aside, never overwritten.
    public static func open(at location: DatabaseLocation, options: StoreOptions = StoreOptions()) throws -> StoreDatabase {
        let path = location.path
        try prepareDirectory(of: location)
        try prepareFile(at: path)

        var config = Configuration()
        config.busyMode = .timeout(options.busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "plansmith"

        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw try moveDamagedFile(at: path)
        } catch {
            throw StoreError.translating(error, path: path)
        }

        do {
            let check = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            if check != ["ok"] {
                try? pool.close()
                throw try moveDamagedFile(at: path)
            }
            let migrator = SchemaMigrator.make()
            if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
                try? pool.close()
                throw StoreError.newerSchema(path: path)
            }
            try migrator.migrate(pool)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            try? pool.close()
            throw try moveDamagedFile(at: path)
        } catch {
            throw StoreError.translating(error, path: path)
        }
        return StoreDatabase(path: path, pool: pool)
    }

    private static func prepareDirectory(of location: DatabaseLocation) throws {
        let directory = location.directory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.cannotOpen(path: location.path, reason: "\(directory) is not a directory")
            }
            if location.createsDirectory { _ = chmod(directory, 0o700) }  // our own folder stays private
            return
        }
        guard location.createsDirectory else { throw StoreError.missingDirectory(path: directory) }
        let parent = (directory as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            // Only the plansmith folder itself is private; parents such as ~/.local/share keep their modes.
            guard mkdir(directory, 0o700) == 0 || errno == EEXIST else { throw posixError(directory) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: location.path, reason: error.localizedDescription)
        }
    }

    /// Creates the file with mode 0600 before SQLite sees it (SQLite would use 0644 under the
    /// usual umask); SQLite then gives the -wal and -shm files the same mode as the database.
    private static func prepareFile(at path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            guard access(path, R_OK | W_OK) == 0 else {
                if errno == EACCES || errno == EROFS { throw StoreError.readOnly(path: path) }
                throw posixError(path)
            }
            // An existing file on a read-only file system passes access(W_OK) only for root on
            // some systems; probing with open(O_RDWR) is the honest test.
            let fd = systemOpen(path, O_RDWR)
            guard fd >= 0 else {
                if errno == EACCES || errno == EROFS { throw StoreError.readOnly(path: path) }
                throw posixError(path)
            }
            // The file holds password and key hashes: take away any group/other access it gained.
            var info = stat()
            if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
            systemClose(fd)
            return
        }
        let fd = systemOpen(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return }
            if errno == EACCES || errno == EROFS { throw StoreError.readOnly(path: path) }
            throw posixError(path)
        }
        fchmod(fd, 0o600)  // umask cannot widen it, but be explicit
        systemClose(fd)
    }

    /// Renames the damaged file (and its -wal/-shm) to a fresh `.damaged-…` name and returns the
    /// error to throw. Never overwrites an earlier kept copy.
    private static func moveDamagedFile(at path: String) throws -> StoreError {
        let stamp = Int(Date().timeIntervalSince1970)
        var kept = "\(path).damaged-\(stamp)"
        var counter = 1
        while FileManager.default.fileExists(atPath: kept) {
            kept = "\(path).damaged-\(stamp)-\(counter)"
            counter += 1
        }
        guard rename(path, kept) == 0 else {
            throw StoreError.cannotOpen(path: path, reason: "the file is damaged and could not be moved aside: \(String(cString: strerror(errno)))")
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            _ = rename(path + suffix, kept + suffix)
        }
        return .damaged(path: path, keptAt: kept)
    }

    private static func posixError(_ path: String) -> StoreError {
        .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
}

// File-scope wrappers: inside `StoreDatabase`, `open`/`close` would name its own methods.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 { open(path, flags, mode) }
private func systemClose(_ fd: Int32) { _ = close(fd) }
