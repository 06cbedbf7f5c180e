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

    @Test("keys list survives a stored year-10240 expiry, and does not take it for a past date")
    func outOfRangeStoredExpiry() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("k@example.com")
        let far = try await t.store.apiKeys.create(userId: user.id!, name: "far")
        let due = try await t.store.apiKeys.create(userId: user.id!, name: "due",
                                                   expiresAt: t.clock.now().addingTimeInterval(60))
        // As an older version wrote it: five-digit year, which sorts before "2026-…" as text.
        try await t.store.database.write { db in
            try db.execute(sql: "UPDATE api_keys SET expires_at = '10240-03-01 00:00:00.000' WHERE id = ?",
                           arguments: [far.key.id!])
        }
        t.clock.advance(by: 120)
        let listed = try await t.store.apiKeys.list(userId: user.id!)
        let farListed = try #require(listed.first { $0.name == "far" })
        #expect(farListed.status == .active)
        #expect(try #require(farListed.expiresAt) > t.clock.now().addingTimeInterval(86_400 * 365 * 8000))
        #expect(listed.first { $0.name == "due" }?.status == .expired)
        #expect(try await t.store.apiKeys.verify(far.plaintext).name == "far")
    }

    @Test("an expiry more than ten years away, or in the past, is refused")
    func expiryBounds() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("k@example.com")
        for days in [3652.0, 1e12, -1] {
            await #expect(throws: StoreError.self, "\(days) days") {
                try await t.store.apiKeys.create(userId: user.id!, name: "x",
                                                 expiresAt: t.clock.now().addingTimeInterval(days * 86_400))
            }
        }
        let ok = try await t.store.apiKeys.create(userId: user.id!, name: "ten years",
                                                  expiresAt: t.clock.now().addingTimeInterval(3650 * 86_400))
        #expect(ok.key.expiresAt != nil)
        #expect(try await t.store.apiKeys.list(userId: user.id!).count == 1)
    }

    @Test("stored date text is fixed-width and never traps, whatever the date")
    func dateTextIsClamped() {
        #expect(StoreDate.text(Date(timeIntervalSince1970: 1e300)) == "9999-12-31 23:59:59.999")
        #expect(StoreDate.text(Date(timeIntervalSince1970: .infinity)) == "9999-12-31 23:59:59.999")
        #expect(StoreDate.text(Date(timeIntervalSince1970: -1e300)) == "0001-01-01 00:00:00.000")
        #expect(StoreDate.text(Date(timeIntervalSince1970: .nan)) == "1970-01-01 00:00:00.000")
        #expect(StoreDate.text(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00:00.000")
        #expect(StoreDate.date(fromText: "10240-03-01 00:00:00.000") != nil)
        #expect(StoreDate.date(fromText: "240-03-01") == nil)
    }
}
