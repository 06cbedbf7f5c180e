import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Opening the database")
struct OpeningTests {
    @Test("resolves --db first, then PLANSMITH_DB, then XDG_DATA_HOME, then ~/.local/share")
    func pathResolution() {
        let env = ["PLANSMITH_DB": "/env/db.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]
        #expect(DatabaseLocation.resolve(explicitPath: "/flag/x.sqlite", environment: env).path == "/flag/x.sqlite")
        #expect(DatabaseLocation.resolve(environment: env).path == "/env/db.sqlite")
        #expect(DatabaseLocation.resolve(environment: ["XDG_DATA_HOME": "/xdg"]).path == "/xdg/plansmith/plansmith.sqlite")
        #expect(DatabaseLocation.resolve(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]).path
                == "/home/u/.local/share/plansmith/plansmith.sqlite")
        #expect(DatabaseLocation.resolve(environment: ["HOME": "/home/u"]).createsDirectory)
        #expect(!DatabaseLocation.resolve(explicitPath: "/flag/x.sqlite", environment: env).createsDirectory)
    }

    @Test("creates the XDG directory 0700 and the file 0600 in WAL mode with foreign keys on")
    func createsPrivateFiles() async throws {
        let tmp = TemporaryDirectory()
        let location = DatabaseLocation.resolve(environment: ["XDG_DATA_HOME": tmp.path])
        let store = try Store.open(location)
        #expect(try mode(of: tmp.path + "/plansmith") == 0o700)
        #expect(try mode(of: location.path) == 0o600)
        let (journal, foreignKeys, busy) = try await store.database.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode")!,
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys")!,
             try Int.fetchOne(db, sql: "PRAGMA busy_timeout")!)
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(busy == 5000)
        _ = try await store.accounts.ensureLocalUser(email: "me@example.com")  // forces a -wal file
        #expect(try mode(of: location.path + "-wal") == 0o600)
    }

    @Test("an existing database readable by others is made private again on open")
    func tightensModes() throws {
        let tmp = TemporaryDirectory()
        let location = DatabaseLocation.resolve(environment: ["XDG_DATA_HOME": tmp.path])
        _ = try Store.open(location)
        chmod(location.path, 0o644)
        chmod(tmp.path + "/plansmith", 0o755)
        _ = try Store.open(location)
        #expect(try mode(of: location.path) == 0o600)
        #expect(try mode(of: tmp.path + "/plansmith") == 0o700)
    }

    @Test("an explicit path in a missing directory is a clear error, and nothing is created")
    func missingDirectory() throws {
        let tmp = TemporaryDirectory()
        let path = tmp.path + "/no/such/dir/db.sqlite"
        #expect(throws: StoreError.missingDirectory(path: tmp.path + "/no/such/dir")) {
            try Store.open(DatabaseLocation.resolve(explicitPath: path, environment: [:]))
        }
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/no"))
    }

    @Test("a damaged file is moved aside with a clear error, and the next open starts fresh")
    func damagedFileIsKept() throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("plansmith.sqlite")
        // A real SQLite header over garbage pages: SQLite's own file, damaged.
        let garbage = Data("SQLite format 3\u{0}".utf8) + Data(repeating: 0x5A, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        let location = DatabaseLocation(path: path, createsDirectory: false)
        var kept: String?
        do {
            _ = try Store.open(location)
            Issue.record("opening garbage succeeded")
        } catch let StoreError.damaged(_, keptAt) {
            kept = keptAt
        }
        let keptPath = try #require(kept)
        #expect(FileManager.default.contents(atPath: keptPath) == garbage)
        #expect(StoreError.damaged(path: path, keptAt: keptPath).description.contains("a copy was kept at \(keptPath)"))
        let store = try Store.open(location)  // fresh database, templates seeded again
        #expect(store.path == path)
        #expect(FileManager.default.contents(atPath: keptPath) == garbage)
    }

    @Test("a file whose pages fail quick_check is moved aside, not silently used")
    func corruptPagesAreDetected() async throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("plansmith.sqlite")
        let location = DatabaseLocation(path: path, createsDirectory: false)
        do {
            let store = try Store.open(location)
            try store.database.checkpoint()  // so the pages are in the main file, not the WAL
            try store.database.close()
        }
        // Scribble over every page after the first, leaving the header page intact.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        #expect(size > 8192)
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xFF, count: Int(size) - 4096))
        try handle.close()
        #expect {
            try Store.open(location)
        } throws: { error in
            if case StoreError.damaged = error { return true } else { return false }
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.contains(".damaged-") }
        #expect(!kept.isEmpty)
    }

    @Test("a file that is not SQLite is refused and left exactly as it was", arguments: [
        ("text", Data("my notes, not a database\n".utf8)),
        ("png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 64))),
        ("short", Data("SQLite".utf8)),
    ])
    func notSQLiteIsLeftAlone(kind: String, bytes: Data) throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("notes.\(kind)")
        try bytes.write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        #expect(throws: StoreError.notADatabase(path: path)) {
            try Store.open(DatabaseLocation.resolve(explicitPath: path, environment: [:]))
        }
        #expect(FileManager.default.contents(atPath: path) == bytes)
        #expect(try mode(of: path) == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["notes.\(kind)"])
    }

    @Test("an empty file is taken as a new database (the state a first open leaves), its mode kept")
    func emptyFileIsNew() throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("empty.sqlite")
        FileManager.default.createFile(atPath: path, contents: nil)
        chmod(path, 0o640)
        let store = try Store.open(DatabaseLocation.resolve(explicitPath: path, environment: [:]))
        #expect(store.path == path)
        #expect(try mode(of: path) == 0o640)
        #expect(FileManager.default.contents(atPath: path)?.prefix(16) == Data("SQLite format 3\u{0}".utf8))
    }

    @Test("a symlink to nothing is refused and its target is not created")
    func danglingSymlink() throws {
        let tmp = TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: tmp.file("db.sqlite"), withDestinationPath: tmp.file("target.sqlite"))
        #expect {
            try Store.open(DatabaseLocation.resolve(explicitPath: tmp.file("db.sqlite"), environment: [:]))
        } throws: { error in
            "\(error)".contains("symbolic link to a missing file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["db.sqlite"])
    }

    @Test("a symlink to a real database opens it, stays a link, and the target keeps its mode")
    func symlinkToDatabase() async throws {
        let tmp = TemporaryDirectory()
        let real = tmp.file("real.sqlite")
        do {
            var options = StoreOptions()
            options.passwordCost = .testing
            let store = try Store.open(DatabaseLocation.resolve(explicitPath: real, environment: [:]), options: options)
            _ = try await store.accounts.register(email: "ada@example.com", password: "correct horse battery")
            try store.database.close()
        }
        chmod(real, 0o640)
        try FileManager.default.createSymbolicLink(atPath: tmp.file("link.sqlite"), withDestinationPath: real)
        let store = try Store.open(DatabaseLocation.resolve(explicitPath: tmp.file("link.sqlite"), environment: [:]))
        let count = try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") }
        #expect(count == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: tmp.file("link.sqlite"))
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try mode(of: real) == 0o640)
    }

    @Test("an explicit --db keeps the mode its owner gave it")
    func explicitPathModeKept() throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("shared.sqlite")
        _ = try Store.open(DatabaseLocation.resolve(explicitPath: path, environment: [:]))
        chmod(path, 0o660)
        _ = try Store.open(DatabaseLocation.resolve(explicitPath: path, environment: [:]))
        #expect(try mode(of: path) == 0o660)
    }

    @Test("a FIFO named as the database is refused without hanging")
    func fifoIsRefused() throws {
        let tmp = TemporaryDirectory()
        #expect(mkfifo(tmp.file("db.sqlite"), 0o600) == 0)
        #expect {
            try Store.open(DatabaseLocation.resolve(explicitPath: tmp.file("db.sqlite"), environment: [:]))
        } throws: { error in
            "\(error)".contains("not a regular file")
        }
    }
}
