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
    /// the bundled templates once). A damaged SQLite file is renamed aside, never overwritten; a
    /// file that is not SQLite at all is refused and left as it was.
    public static func open(at location: DatabaseLocation, options: StoreOptions = StoreOptions()) throws -> StoreDatabase {
        let path = location.path
        try prepareDirectory(of: location)
        try prepareFile(at: path, ownFolder: location.createsDirectory)

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

    /// Checks an existing file before SQLite sees it, or creates a new one with mode 0600
    /// (SQLite would use 0644 under the usual umask; it gives -wal and -shm the database's mode).
    ///
    /// An existing file must be a regular file (through a symlink is fine; a link to nothing is
    /// refused rather than letting SQLite create its target) that is empty — the state this
    /// function leaves a new database in — or starts with the 16-byte SQLite header. Anything
    /// else is refused untouched: only a real SQLite file that fails `quick_check` is moved aside.
    /// Modes: only the default location's file (our own folder) is made private again; a file
    /// named with --db or PLANSMITH_DB keeps the mode its owner gave it.
    private static func prepareFile(at path: String, ownFolder: Bool) throws {
        var link = stat()
        let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
        if isLink, access(path, F_OK) != 0 {
            throw StoreError.cannotOpen(path: path, reason: "it is a symbolic link to a missing file; refusing to create its target")
        }
        if FileManager.default.fileExists(atPath: path) {
            guard access(path, R_OK | W_OK) == 0 else {
                if errno == EACCES || errno == EROFS { throw StoreError.readOnly(path: path) }
                throw posixError(path)
            }
            // O_NONBLOCK: a FIFO named as the database must not hang the open.
            let fd = systemOpen(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else {
                // An existing file on a read-only file system passes access(W_OK) only for root
                // on some systems; probing with open(O_RDWR) is the honest test.
                if errno == EACCES || errno == EROFS { throw StoreError.readOnly(path: path) }
                throw posixError(path)
            }
            defer { systemClose(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw posixError(path) }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw StoreError.cannotOpen(path: path, reason: "it is not a regular file")
            }
            if info.st_size > 0 {
                var header = [UInt8](repeating: 0, count: 16)
                let got = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 16, 0) }
                guard got == 16, header == sqliteHeader else { throw StoreError.notADatabase(path: path) }
            }
            // The file holds password and key hashes: take away any group/other access it gained.
            if ownFolder, !isLink, info.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
            return
        }
        let fd = systemOpen(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return try prepareFile(at: path, ownFolder: ownFolder) }  // created meanwhile: check it
            if errno == EACCES || errno == EROFS { throw StoreError.readOnly(path: path) }
            throw posixError(path)
        }
        fchmod(fd, 0o600)  // umask cannot widen it, but be explicit
        systemClose(fd)
    }

    /// "SQLite format 3" and a NUL: the first 16 bytes of every SQLite database file.
    static let sqliteHeader: [UInt8] = Array("SQLite format 3".utf8) + [0]

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
