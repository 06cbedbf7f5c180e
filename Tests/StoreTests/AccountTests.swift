import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Accounts")
struct AccountTests {
    @Test("stores passwords only as scrypt$32768$8$1$salt$hash and logs in with the right password")
    func scryptHashAndLogin() async throws {
        let t = try TestStore(passwordCost: .standard)
        let user = try await t.store.accounts.register(email: "ada@example.com", password: "correct horse battery")
        let stored = try #require(try await t.store.database.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM users WHERE id = ?", arguments: [user.id!])
        })
        let parts = stored.split(separator: "$")
        #expect(parts.count == 6)
        #expect(Array(parts.prefix(4)) == ["scrypt", "32768", "8", "1"])
        #expect(Data(base64Encoded: String(parts[4]))?.count == 16)
        #expect(Data(base64Encoded: String(parts[5]))?.count == 32)
        #expect(!stored.contains("correct horse battery"))
        let loggedIn = try await t.store.accounts.login(email: "ADA@example.com", password: "correct horse battery")
        #expect(loggedIn.id == user.id)
    }

    @Test("the same password gets a different salt and hash each time")
    func saltedHashes() throws {
        let hasher = PasswordHasher(cost: .testing)
        let a = try hasher.hash("hunter2hunter2"), b = try hasher.hash("hunter2hunter2")
        #expect(a != b)
        #expect(hasher.verify("hunter2hunter2", against: a) && hasher.verify("hunter2hunter2", against: b))
        #expect(!hasher.verify("hunter2hunter3", against: a))
        #expect(!hasher.verify("hunter2hunter2", against: "scrypt$3$8$1$AAAA$AAAA"))  // N not a power of 2
    }

    @Test("wrong password and unknown email give the same error")
    func invalidCredentials() async throws {
        let t = try TestStore()
        _ = try await t.user("bob@example.com")
        await #expect(throws: StoreError.invalidCredentials) {
            try await t.store.accounts.login(email: "bob@example.com", password: "wrong password")
        }
        await #expect(throws: StoreError.invalidCredentials) {
            try await t.store.accounts.login(email: "nobody@example.com", password: "correct horse battery")
        }
    }

    @Test("after 3 failures the wait doubles with every failure, then a success resets it")
    func exponentialBackoff() async throws {
        let t = try TestStore()
        _ = try await t.user("eve@example.com")
        let accounts = t.store.accounts
        for _ in 0..<3 {
            await #expect(throws: StoreError.invalidCredentials) {
                try await accounts.login(email: "eve@example.com", password: "guess guess")
            }
        }
        // 3 failures: the 4th attempt must wait 1 s, even with the right password.
        await #expect(throws: StoreError.tooManyAttempts(retryAfter: 1)) {
            try await accounts.login(email: "eve@example.com", password: "correct horse battery")
        }
        t.clock.advance(by: 1)
        await #expect(throws: StoreError.invalidCredentials) {
            try await accounts.login(email: "eve@example.com", password: "guess guess")
        }
        await #expect(throws: StoreError.tooManyAttempts(retryAfter: 2)) {
            try await accounts.login(email: "eve@example.com", password: "guess guess")
        }
        t.clock.advance(by: 2)
        await #expect(throws: StoreError.invalidCredentials) {
            try await accounts.login(email: "eve@example.com", password: "guess guess")
        }
        await #expect(throws: StoreError.tooManyAttempts(retryAfter: 4)) {
            try await accounts.login(email: "eve@example.com", password: "guess guess")
        }
        t.clock.advance(by: 4)
        _ = try await accounts.login(email: "eve@example.com", password: "correct horse battery")
        await #expect(throws: StoreError.invalidCredentials) {  // counter reset: no wait after one failure
            try await accounts.login(email: "eve@example.com", password: "guess guess")
        }
    }

    @Test("first run needs only an email: one local user with a personal workspace, created once")
    func localUser() async throws {
        let t = try TestStore()
        #expect(try await t.store.accounts.localUser() == nil)
        let me = try await t.store.accounts.ensureLocalUser(email: "me@example.com")
        #expect(!me.hasPassword)
        let again = try await t.store.accounts.ensureLocalUser(email: "me@example.com")
        #expect(again.id == me.id)
        #expect(try await t.store.accounts.localUser()?.id == me.id)
        let memberships = try await t.store.accounts.workspaces(of: me.id!)
        #expect(memberships.map(\.role) == [.owner])
        // A password-less account cannot be logged into remotely.
        await #expect(throws: StoreError.invalidCredentials) {
            try await t.store.accounts.login(email: "me@example.com", password: "")
        }
    }

    @Test("rejects malformed emails, short passwords and duplicate accounts")
    func registrationValidation() async throws {
        let t = try TestStore()
        await #expect(throws: StoreError.self) { try await t.store.accounts.register(email: "no-at-sign", password: "long enough") }
        await #expect(throws: StoreError.self) { try await t.store.accounts.register(email: "a@b.c", password: "short") }
        _ = try await t.store.accounts.register(email: "a@b.c", password: "long enough")
        await #expect(throws: StoreError.conflict("an account with email A@B.C already exists")) {
            try await t.store.accounts.register(email: "A@B.C", password: "long enough")
        }
    }
}

@Suite("Preferences")
struct PreferenceTests {
    @Test("preferences are stored as a JSON object and anything else is refused")
    func preferences() async throws {
        let t = try TestStore()
        let (user, _) = try await t.user("p@example.com")
        try await t.store.accounts.setPreferences(userId: user.id!, json: #"{"theme":"dark"}"#)
        #expect(try await t.store.accounts.user(id: user.id!)?.preferences == #"{"theme":"dark"}"#)
        await #expect(throws: StoreError.invalidInput("preferences must be a JSON object")) {
            try await t.store.accounts.setPreferences(userId: user.id!, json: "[1,2]")
        }
        await #expect(throws: StoreError.notFound("user 999")) {
            try await t.store.accounts.setPreferences(userId: 999, json: "{}")
        }
    }
}
