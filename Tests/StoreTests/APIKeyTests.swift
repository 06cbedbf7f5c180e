import Foundation
import GRDB
import Testing
@testable import Store

@Suite("API keys")
struct APIKeyTests {
    @Test("a new key is psk_ + 43 base64url characters; only its SHA-256 and 8-char prefix are stored")
    func createStoresOnlyHash() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("k@example.com")
        let created = try await t.store.apiKeys.create(userId: user.id!, name: "ci")
        let key = created.plaintext
        #expect(key.hasPrefix("psk_") && key.count == 47)
        #expect(key.dropFirst(4).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let stored = try #require(try await t.store.database.read { db -> [String]? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE id = ?", arguments: [created.key.id!])
            else { return nil }
            return [row["key_prefix"], row["key_hash"]] + row.databaseValues.map(\.description)
        })
        #expect(stored[0] == String(key.prefix(8)))
        #expect(stored[1] == APIKeySecret.hash(of: key))
        #expect(!stored.contains { $0.contains(key.dropFirst(8)) })
        let another = try await t.store.apiKeys.create(userId: user.id!, name: "ci2")
        #expect(another.plaintext != key)
    }

    @Test("verify accepts the key, records last_used_at, and rejects altered, revoked and expired keys")
    func verify() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("k@example.com")
        let keys = t.store.apiKeys
        let created = try await keys.create(userId: user.id!, name: "ci", rateLimit: 10,
                                            expiresAt: t.clock.now().addingTimeInterval(3600))
        t.clock.advance(by: 5)
        let verified = try await keys.verify(created.plaintext)
        #expect(verified.id == created.key.id && verified.lastUsedAt == t.clock.now() && verified.rateLimit == 10)
        var altered = Array(created.plaintext)
        altered[20] = altered[20] == "A" ? "B" : "A"
        await #expect(throws: StoreError.invalidAPIKey) { try await keys.verify(String(altered)) }
        await #expect(throws: StoreError.invalidAPIKey) { try await keys.verify("psk_short") }
        t.clock.advance(by: 3600)
        await #expect(throws: StoreError.expiredAPIKey) { try await keys.verify(created.plaintext) }
        #expect(try await keys.list(userId: user.id!).map(\.status) == [.expired])

        let second = try await keys.create(userId: user.id!, name: "other")
        try await keys.revoke(keyId: second.key.id!, userId: user.id!)
        await #expect(throws: StoreError.revokedAPIKey) { try await keys.verify(second.plaintext) }
    }

    @Test("list shows the keys without expired ones staying active")
    func listMarksExpired() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("k@example.com")
        _ = try await t.store.apiKeys.create(userId: user.id!, name: "short", expiresAt: t.clock.now().addingTimeInterval(10))
        _ = try await t.store.apiKeys.create(userId: user.id!, name: "forever")
        #expect(try await t.store.apiKeys.list(userId: user.id!).map(\.status) == [.active, .active])
        t.clock.advance(by: 10)
        let listed = try await t.store.apiKeys.list(userId: user.id!)
        #expect(listed.map(\.name) == ["forever", "short"])
        #expect(listed.map(\.status) == [.active, .expired])
    }

    @Test("rotate revokes the old key and creates a new one with the same settings, atomically")
    func rotate() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("k@example.com")
        let old = try await t.store.apiKeys.create(userId: user.id!, name: "deploy", rateLimit: 7)
        let new = try await t.store.apiKeys.rotate(keyId: old.key.id!, userId: user.id!)
        #expect(new.key.name == "deploy" && new.key.rateLimit == 7 && new.plaintext != old.plaintext)
        await #expect(throws: StoreError.revokedAPIKey) { try await t.store.apiKeys.verify(old.plaintext) }
        #expect(try await t.store.apiKeys.verify(new.plaintext).id == new.key.id)
        await #expect(throws: StoreError.self) { try await t.store.apiKeys.rotate(keyId: old.key.id!, userId: user.id!) }
        #expect(try await t.store.apiKeys.list(userId: user.id!).filter { $0.status == .active }.count == 1)
    }

    @Test("another user cannot revoke or rotate my key")
    func ownership() async throws {
        let t = try TestStore()
        let (me, _) = try await t.user("me@example.com")
        let (other, _) = try await t.user("other@example.com")
        let key = try await t.store.apiKeys.create(userId: me.id!, name: "mine")
        await #expect(throws: StoreError.notFound("API key \(key.key.id!)")) {
            try await t.store.apiKeys.revoke(keyId: key.key.id!, userId: other.id!)
        }
        await #expect(throws: StoreError.notFound("API key \(key.key.id!)")) {
            try await t.store.apiKeys.rotate(keyId: key.key.id!, userId: other.id!)
        }
        #expect(try await t.store.apiKeys.list(userId: other.id!).isEmpty)
        #expect(try await t.store.apiKeys.verify(key.plaintext).status == .active)
    }
}

@Suite("Displayable records")
struct DisplayableRecordTests {
    @Test("the JSON-safe views of keys and users carry no hash")
    func listingsOmitHashes() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("v@example.com")
        let created = try await t.store.apiKeys.create(userId: user.id!, name: "ci")
        let full = try #require(try await t.store.accounts.user(id: user.id!))
        let encoder = JSONEncoder()
        let keyJSON = String(decoding: try encoder.encode(created.key.listing), as: UTF8.self)
        let userJSON = String(decoding: try encoder.encode(full.profile), as: UTF8.self)
        #expect(keyJSON.contains(created.key.keyPrefix) && !keyJSON.contains(created.key.keyHash))
        #expect(userJSON.contains("v@example.com") && !userJSON.contains("scrypt"))
        // The storage form does contain them: the views are what make the difference.
        #expect(String(decoding: try encoder.encode(created.key), as: UTF8.self).contains(created.key.keyHash))
    }
}
