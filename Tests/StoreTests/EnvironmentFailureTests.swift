import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Hostile environments", .serialized)
struct EnvironmentFailureTests {
    @Test("a full disk gives StoreError.diskFull; earlier rows survive and the file stays sound",
          .enabled(if: ScratchMount.isPermitted, "needs root and permission to mount a tmpfs"))
    func diskFull() async throws {
        let mount = try ScratchMount(sizeKiB: 1024)
        let path = mount.path + "/plansmith.sqlite"
        let store = try Store.open(DatabaseLocation(path: path, createsDirectory: false))
        let padding = String(repeating: "x", count: 16_000)
        var committed = 0
        var failure: StoreError?
        for i in 0..<1000 {
            let row = UsageRecord(endpoint: "/fill", method: "POST", statusCode: 200, latencyMs: Double(i),
                                  extraData: #"{"pad":"\#(padding)"}"#, createdAt: Date())
            do {
                try await store.usage.record(row)
                committed += 1
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        #expect(failure == .diskFull(path: path), "got \(String(describing: failure))")
        #expect(failure?.description.contains("disk is full") == true)
        #expect(committed > 0)
        #expect(try await store.usage.summary(since: nil, until: nil, userId: nil).requests == committed)
        #expect(try await store.database.integrityCheck() == "ok")
        print("disk full after \(committed) rows of 16 KB: \(failure!)")
    }

    @Test("a database on a read-only file system gives StoreError.readOnly and is left untouched",
          .enabled(if: ScratchMount.isPermitted, "needs root and permission to mount a tmpfs"))
    func readOnlyFileSystem() async throws {
        let mount = try ScratchMount(sizeKiB: 4096)
        let path = mount.path + "/plansmith.sqlite"
        do {
            let store = try Store.open(DatabaseLocation(path: path, createsDirectory: false))
            try store.database.checkpoint()
            try store.database.close()
        }
        let before = FileManager.default.contents(atPath: path)
        try mount.remountReadOnly()
        #expect(throws: StoreError.readOnly(path: path)) {
            try Store.open(DatabaseLocation(path: path, createsDirectory: false))
        }
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(StoreError.readOnly(path: path).description.contains("read-only"))
    }

    @Test("a new database in a directory that cannot be written gives StoreError.readOnly",
          .enabled(if: ScratchMount.isPermitted, "needs root and permission to mount a tmpfs"))
    func readOnlyDirectory() throws {
        let mount = try ScratchMount(sizeKiB: 256)
        try mount.remountReadOnly()
        let path = mount.path + "/plansmith.sqlite"
        #expect(throws: StoreError.readOnly(path: path)) {
            try Store.open(DatabaseLocation(path: path, createsDirectory: false))
        }
    }
}

@Suite("No plaintext secrets")
struct SecretsAtRestTests {
    @Test("the raw database files contain neither a created API key nor a user's password")
    func grepDatabaseFile() async throws {
        let t = try TestStore()
        let password = "Tr0ub4dor&3-plansmith-secret"
        let user = try await t.store.accounts.register(email: "s@example.com", password: password)
        _ = try await t.store.accounts.login(email: "s@example.com", password: password)
        let created = try await t.store.apiKeys.create(userId: user.id!, name: "ci")
        _ = try await t.store.apiKeys.verify(created.plaintext)
        let rotated = try await t.store.apiKeys.rotate(keyId: created.key.id!, userId: user.id!)
        let path = t.store.path
        // Before the checkpoint the rows sit in the WAL; after it, in the main file: grep both.
        var images = [path, path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
        try t.store.database.checkpoint()
        images += [path].compactMap { FileManager.default.contents(atPath: $0) }
        #expect(images.count == 3)
        // Proof that the grep works: a value that is stored is found.
        #expect(images.contains { $0.range(of: Data("s@example.com".utf8)) != nil })
        for secret in [password, created.plaintext, String(created.plaintext.dropFirst(8)),
                       rotated.plaintext, String(rotated.plaintext.dropFirst(8))] {
            for image in images {
                #expect(image.range(of: Data(secret.utf8)) == nil, "found a secret in the database file")
            }
        }
    }
}
