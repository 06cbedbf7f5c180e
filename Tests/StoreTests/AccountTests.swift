import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Accounts")
struct AccountTests {
    @Test("stores passwords only as scrypt$131072$8$1$salt$hash and logs in with the right password")
    func scryptHashAndLogin() async throws {
        let t = try TestStore(passwordCost: .standard)
        let user = try await t.store.accounts.register(email: "ada@example.com", password: "correct horse battery")
        let stored = try #require(try await t.store.database.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM users WHERE id = ?", arguments: [user.id!])
        })
        let parts = stored.split(separator: "$")
        #expect(parts.count == 6)
        #expect(Array(parts.prefix(4)) == ["scrypt", "131072", "8", "1"])
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
        func attempt(_ password: String) async -> StoreError? {
            do { _ = try await accounts.login(email: "eve@example.com", password: password); return nil } catch {
                return error as? StoreError
            }
        }
        for _ in 0..<3 { #expect(await attempt("guess guess") == .invalidCredentials) }
        // 3 failures: the 4th attempt must wait 1 s, even with the right password.
        #expect(await attempt("correct horse battery") == .invalidCredentials)
        t.clock.advance(by: 1)
        #expect(await attempt("guess guess") == .invalidCredentials)  // 4 failures: wait 2 s
        t.clock.advance(by: 1)
        #expect(await attempt("correct horse battery") == .invalidCredentials)
        t.clock.advance(by: 1)
        #expect(await attempt("guess guess") == .invalidCredentials)  // 5 failures: wait 4 s
        t.clock.advance(by: 3)
        #expect(await attempt("correct horse battery") == .invalidCredentials)
        t.clock.advance(by: 1)
        #expect(await attempt("correct horse battery") == nil)
        #expect(await attempt("guess guess") == .invalidCredentials)
        #expect(await attempt("correct horse battery") == nil)  // counter reset: no wait after one failure
    }

    @Test("unknown email, wrong password and back-off give the same message")
    func sameMessages() async throws {
        let t = try TestStore()
        _ = try await t.user("eve@example.com")
        var messages: [String] = []
        func attempt(_ email: String, _ password: String) async {
            do { _ = try await t.store.accounts.login(email: email, password: password) } catch {
                messages.append("\(error)")
            }
        }
        await attempt("nobody@example.com", "guess guess")
        for _ in 0..<3 { await attempt("eve@example.com", "guess guess") }
        await attempt("eve@example.com", "correct horse battery")  // in back-off
        #expect(messages.count == 5 && Set(messages).count == 1, "\(messages)")
    }

    @Test("unknown email, wrong password and back-off take scrypt time alike")
    func equalWork() async throws {
        // A cost where scrypt dominates a login (the testing cost is too cheap to measure).
        let t = try TestStore(passwordCost: PasswordHasher.Cost(n: 1 << 14, r: 8, p: 1))
        let accounts = t.store.accounts
        func seconds(_ email: String, _ password: String) async -> Double {
            let start = ContinuousClock.now
            _ = try? await accounts.login(email: email, password: password)
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        // The fastest of five runs: other tests share the cores, and contention only ever adds
        // time, so the minimum is the run closest to the work itself.
        // The paths are taken in turn within each round, so a wave of contention does not land on
        // one path's runs only.
        let samples = 5
        for index in 0..<samples {  // a fresh account per sample, so no wrong-password run is in back-off
            _ = try await t.user("wrong\(index)@example.com")
        }
        _ = try await t.user("eve@example.com")
        for _ in 0..<AccountService.freeAttempts { _ = await seconds("eve@example.com", "guess guess") }
        var wrong: [Double] = [], backoff: [Double] = [], unknown: [Double] = []
        for index in 0..<samples {
            wrong.append(await seconds("wrong\(index)@example.com", "guess guess"))
            backoff.append(await seconds("eve@example.com", "guess guess"))
            unknown.append(await seconds("nobody@example.com", "guess guess"))
        }
        let fastestWrong = wrong.min()!
        for (name, times) in [("back-off", backoff), ("unknown", unknown)] {
            let fastest = times.min()!
            #expect(fastest > fastestWrong / 3 && fastest < fastestWrong * 3,
                    "\(name) \(times) s vs wrong password \(wrong) s")
        }
    }

    @Test("new hashes use N=2^17; a weaker stored hash is upgraded at a successful login only")
    func costUpgrade() async throws {
        #expect(PasswordHasher.Cost.standard == PasswordHasher.Cost(n: 1 << 17, r: 8, p: 1))
        #expect(StoreOptions().passwordCost == .standard)
        let t = try TestStore()  // current cost: .testing, N=2^10
        let (user, _) = try await t.user("old@example.com")
        func storedHash() async throws -> String {
            try await t.store.database.read { db in
                try String.fetchOne(db, sql: "SELECT password_hash FROM users WHERE id = ?", arguments: [user.id!])!
            }
        }
        let old = try PasswordHasher(cost: PasswordHasher.Cost(n: 1 << 9, r: 8, p: 1)).hash("correct horse battery")
        try await t.store.database.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [old, user.id!])
        }
        _ = try? await t.store.accounts.login(email: "old@example.com", password: "wrong password")
        #expect(try await storedHash() == old)
        _ = try await t.store.accounts.login(email: "old@example.com", password: "correct horse battery")
        let upgraded = try await storedHash()
        #expect(upgraded.hasPrefix("scrypt$1024$8$1$"))
        _ = try await t.store.accounts.login(email: "old@example.com", password: "correct horse battery")
        #expect(try await storedHash() == upgraded)
        // A stronger hash is never "upgraded" down to a cheaper current cost.
        let strong = try PasswordHasher(cost: PasswordHasher.Cost(n: 1 << 11, r: 8, p: 1)).hash("correct horse battery")
        try await t.store.database.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [strong, user.id!])
        }
        _ = try await t.store.accounts.login(email: "old@example.com", password: "correct horse battery")
        #expect(try await storedHash() == strong)
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
