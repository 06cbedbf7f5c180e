import Foundation
import Testing
@testable import Store

/// Accounts and API keys through their protocols, on SQLite and on PostgreSQL alike.
@Suite("Store conformance: accounts and API keys on SQLite and PostgreSQL")
struct AccountConformanceTests {
    static let password = "correct horse battery"

    @Test("register creates the user with a personal workspace; login ignores email case; refusals look alike",
          arguments: Backend.testable)
    func registerAndLogin(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let ada = try await f.accounts.register(email: "ada@example.com", password: Self.password)
        #expect(ada.hasPassword && ada.createdAt == f.clock.now())
        let memberships = try await f.workspaces.workspaces(of: ada.id!)
        #expect(memberships.map(\.role) == [.owner] && memberships[0].workspace.name == "Personal")
        #expect(try await f.accounts.personalWorkspace(of: ada.id!) == memberships[0].workspace)
        #expect(try await f.accounts.login(email: "ADA@example.com", password: Self.password).id == ada.id)
        #expect(try await f.accounts.user(email: "Ada@Example.com") == ada)
        #expect(try await f.accounts.user(id: ada.id!) == ada)
        #expect(try await f.accounts.user(id: 9_999) == nil)

        var messages: [String] = []
        for (email, password) in [("ada@example.com", "wrong password"), ("nobody@example.com", Self.password)] {
            do { _ = try await f.accounts.login(email: email, password: password) } catch {
                #expect(error as? StoreError == .invalidCredentials)
                messages.append("\(error)")
            }
        }
        #expect(messages.count == 2 && Set(messages).count == 1)

        await #expect(throws: StoreError.conflict("an account with email ADA@EXAMPLE.COM already exists")) {
            try await f.accounts.register(email: "ADA@EXAMPLE.COM", password: Self.password)
        }
        await #expect(throws: StoreError.invalidInput("'no-at-sign' is not an email address")) {
            try await f.accounts.register(email: "no-at-sign", password: Self.password)
        }
        await #expect(throws: StoreError.invalidInput("password must have at least 8 characters")) {
            try await f.accounts.register(email: "short@example.com", password: "short")
        }
        #expect(try await f.accounts.user(email: "short@example.com") == nil)
    }

    @Test("after 3 failures the wait doubles with every failure, kept in the database; a success resets it",
          arguments: Backend.testable)
    func backoff(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        _ = try await f.accounts.register(email: "eve@example.com", password: Self.password)
        let accounts = f.accounts
        func attempt(_ password: String) async -> StoreError? {
            do { _ = try await accounts.login(email: "eve@example.com", password: password); return nil } catch {
                return error as? StoreError
            }
        }
        for _ in 0..<AccountService.freeAttempts { #expect(await attempt("guess guess") == .invalidCredentials) }
        #expect(await attempt(Self.password) == .invalidCredentials)  // waiting 1 s, even with the right password
        f.clock.advance(by: 1)
        #expect(await attempt("guess guess") == .invalidCredentials)  // 4 failures: wait 2 s
        f.clock.advance(by: 1)
        #expect(await attempt(Self.password) == .invalidCredentials)
        f.clock.advance(by: 1)
        #expect(await attempt("guess guess") == .invalidCredentials)  // 5 failures: wait 4 s
        f.clock.advance(by: 3)
        #expect(await attempt(Self.password) == .invalidCredentials)
        f.clock.advance(by: 1)
        #expect(await attempt(Self.password) == nil)
        #expect(await attempt("guess guess") == .invalidCredentials)
        #expect(await attempt(Self.password) == nil)  // counter reset: no wait after one failure
    }

    @Test("concurrent wrong passwords each count: none is lost to a read-modify-write race",
          arguments: Backend.testable)
    func concurrentFailuresCount(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        _ = try await f.accounts.register(email: "eve@example.com", password: Self.password)
        let accounts = f.accounts
        // Three at once are all checked (the back-off starts only after three recorded failures) …
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<AccountService.freeAttempts {
                group.addTask { _ = try? await accounts.login(email: "eve@example.com", password: "guess guess") }
            }
        }
        // … and all three were recorded: the right password must now wait 1 s.
        await #expect(throws: StoreError.invalidCredentials) {
            try await accounts.login(email: "eve@example.com", password: Self.password)
        }
        f.clock.advance(by: 1)
        #expect(try await accounts.login(email: "eve@example.com", password: Self.password).email == "eve@example.com")
    }

    @Test("unknown email, wrong password and back-off take scrypt time alike", arguments: Backend.testable)
    func equalWork(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        // A cost where scrypt dominates a login (the testing cost is too cheap to measure).
        let store = try await f.reopenStore(passwordCost: PasswordHasher.Cost(n: 1 << 14, r: 8, p: 1))
        defer { store.close() }
        let accounts = store.accounts
        func seconds(_ email: String, _ password: String) async -> Double {
            let start = ContinuousClock.now
            _ = try? await accounts.login(email: email, password: password)
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        // The fastest of five runs per path, the paths taken in turn within each round: contention
        // from parallel tests only ever adds time, and comes in waves that would otherwise hit
        // one path's runs more than another's.
        let samples = 5
        for index in 0..<samples {  // a fresh account per sample, so no wrong-password run is in back-off
            _ = try await accounts.register(email: "wrong\(index)@example.com", password: Self.password)
        }
        _ = try await accounts.register(email: "eve@example.com", password: Self.password)
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

    @Test("a weaker stored hash is upgraded at a successful login; passwords and preferences can be replaced",
          arguments: Backend.testable)
    func passwordsAndPreferences(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let user = try await f.accounts.register(email: "p@example.com", password: Self.password)
        try await f.accounts.setPassword(userId: user.id!, password: "a new passphrase")
        await #expect(throws: StoreError.invalidCredentials) {
            try await f.accounts.login(email: "p@example.com", password: Self.password)
        }
        let loggedIn = try await f.accounts.login(email: "p@example.com", password: "a new passphrase")
        #expect(loggedIn.passwordHash?.hasPrefix("scrypt$1024$8$1$") == true)
        await #expect(throws: StoreError.notFound("user 9999")) {
            try await f.accounts.setPassword(userId: 9_999, password: "long enough")
        }
        // A hasher at a higher cost upgrades the stored hash when the password is next right.
        let stronger = try await f.reopenStore(passwordCost: PasswordHasher.Cost(n: 1 << 11, r: 8, p: 1))
        defer { stronger.close() }
        let upgraded = try await stronger.accounts.login(email: "p@example.com", password: "a new passphrase")
        #expect(upgraded.passwordHash?.hasPrefix("scrypt$2048$8$1$") == true)
        #expect(try await f.accounts.user(id: user.id!)?.passwordHash == upgraded.passwordHash)

        try await f.accounts.setPreferences(userId: user.id!, json: #"{"theme":"dark"}"#)
        #expect(try await f.accounts.user(id: user.id!)?.preferences == #"{"theme":"dark"}"#)
        await #expect(throws: StoreError.invalidInput("preferences must be a JSON object")) {
            try await f.accounts.setPreferences(userId: user.id!, json: "[1,2]")
        }
        await #expect(throws: StoreError.notFound("user 999")) {
            try await f.accounts.setPreferences(userId: 999, json: "{}")
        }
    }

    @Test("first run: one passwordless local user with a workspace, created once, never logged into remotely",
          arguments: Backend.testable)
    func localUser(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        #expect(try await f.accounts.hasAnyUser() == false)
        #expect(try await f.accounts.localUser() == nil)
        // Two processes starting at once both get the one user.
        let accounts = f.accounts
        async let first = accounts.ensureLocalUser(email: "me@example.com")
        async let second = accounts.ensureLocalUser(email: "ME@example.com")
        let (me, again) = try await (first, second)
        #expect(me.id == again.id && !me.hasPassword)
        #expect(try await f.accounts.hasAnyUser())
        #expect(try await f.accounts.localUser()?.id == me.id)
        #expect(try await f.workspaces.workspaces(of: me.id!).map(\.role) == [.owner])
        await #expect(throws: StoreError.invalidCredentials) {
            try await f.accounts.login(email: "me@example.com", password: "")
        }
        _ = try await f.accounts.register(email: "later@example.com", password: Self.password)
        #expect(try await f.accounts.localUser()?.id == me.id)
    }

    // MARK: - API keys

    @Test("verify accepts the key and records its use; altered, malformed, revoked and expired keys are refused",
          arguments: Backend.testable)
    func verifyKeys(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let user = try await f.accounts.register(email: "k@example.com", password: Self.password)
        let keys = f.apiKeys
        let created = try await keys.create(userId: user.id!, name: "ci", rateLimit: 10,
                                            expiresAt: f.clock.now().addingTimeInterval(3600))
        #expect(created.plaintext.hasPrefix("psk_") && created.plaintext.count == 47)
        #expect(created.key.keyPrefix == String(created.plaintext.prefix(8)) && created.key.keyHash == APIKeySecret.hash(of: created.plaintext))
        f.clock.advance(by: 5)
        let verified = try await keys.verify(created.plaintext)
        #expect(verified.id == created.key.id && verified.lastUsedAt == f.clock.now() && verified.rateLimit == 10)
        #expect(try await keys.list(userId: user.id!).first?.lastUsedAt == f.clock.now())
        var altered = Array(created.plaintext)
        altered[20] = altered[20] == "A" ? "B" : "A"
        await #expect(throws: StoreError.invalidAPIKey) { try await keys.verify(String(altered)) }
        await #expect(throws: StoreError.invalidAPIKey) { try await keys.verify("psk_short") }
        await #expect(throws: StoreError.invalidAPIKey) { try await keys.authenticate(String(altered)) }
        f.clock.advance(by: 3600)
        await #expect(throws: StoreError.expiredAPIKey) { try await keys.verify(created.plaintext) }
        #expect(try await keys.list(userId: user.id!).map(\.status) == [.expired])

        let second = try await keys.create(userId: user.id!, name: "other")
        try await keys.revoke(keyId: second.key.id!, userId: user.id!)
        try await keys.revoke(keyId: second.key.id!, userId: user.id!)  // twice is harmless
        await #expect(throws: StoreError.revokedAPIKey) { try await keys.verify(second.plaintext) }
        await #expect(throws: StoreError.revokedAPIKey) { try await keys.authenticate(second.plaintext) }
    }

    @Test("authenticate and the limit look-up only read; recorded use times never move backwards",
          arguments: Backend.testable)
    func requestPath(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let user = try await f.accounts.register(email: "k@example.com", password: Self.password)
        let keys = f.apiKeys
        let a = try await keys.create(userId: user.id!, name: "a", rateLimit: 7)
        let b = try await keys.create(userId: user.id!, name: "b", expiresAt: f.clock.now().addingTimeInterval(60))
        #expect(try await keys.authenticate(a.plaintext).id == a.key.id)
        #expect(try await keys.rateLimit(ofPresentedKey: a.plaintext) == 7)
        #expect(try await keys.rateLimit(ofPresentedKey: b.plaintext) == APIKeyService.defaultRateLimit)
        #expect(try await keys.rateLimit(ofPresentedKey: "psk_" + String(repeating: "x", count: 43)) == nil)
        #expect(try await keys.list(userId: user.id!).allSatisfy { $0.lastUsedAt == nil })

        let t0 = f.clock.now()
        try await keys.recordUse([a.key.id!: t0.addingTimeInterval(10), b.key.id!: t0.addingTimeInterval(5)])
        try await keys.recordUse([a.key.id!: t0.addingTimeInterval(3)])  // older: ignored
        try await keys.recordUse([:])
        let used = Dictionary(uniqueKeysWithValues: try await keys.list(userId: user.id!).map { ($0.id!, $0.lastUsedAt) })
        #expect(used[a.key.id!] == t0.addingTimeInterval(10) && used[b.key.id!] == t0.addingTimeInterval(5))

        f.clock.advance(by: 60)
        await #expect(throws: StoreError.expiredAPIKey) { try await keys.authenticate(b.plaintext) }
        #expect(try await keys.list(userId: user.id!).map(\.status) == [.expired, .active])
    }

    @Test("rotate keeps name, limit and expiry and revokes the old key; only the owner may revoke or rotate",
          arguments: Backend.testable)
    func rotateAndOwnership(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let me = try await f.accounts.register(email: "me@example.com", password: Self.password)
        let other = try await f.accounts.register(email: "other@example.com", password: Self.password)
        let keys = f.apiKeys
        let expiry = f.clock.now().addingTimeInterval(86_400)
        let old = try await keys.create(userId: me.id!, name: "deploy", rateLimit: 7, expiresAt: expiry)
        await #expect(throws: StoreError.notFound("API key \(old.key.id!)")) {
            try await keys.revoke(keyId: old.key.id!, userId: other.id!)
        }
        await #expect(throws: StoreError.notFound("API key \(old.key.id!)")) {
            try await keys.rotate(keyId: old.key.id!, userId: other.id!)
        }
        #expect(try await keys.list(userId: other.id!).isEmpty)

        let new = try await keys.rotate(keyId: old.key.id!, userId: me.id!)
        #expect(new.key.name == "deploy" && new.key.rateLimit == 7 && new.key.expiresAt == expiry)
        #expect(new.plaintext != old.plaintext)
        await #expect(throws: StoreError.revokedAPIKey) { try await keys.verify(old.plaintext) }
        #expect(try await keys.verify(new.plaintext).id == new.key.id)
        await #expect(throws: StoreError.conflict("key \(old.key.keyPrefix)… is revoked; only active keys can be rotated")) {
            try await keys.rotate(keyId: old.key.id!, userId: me.id!)
        }
        #expect(try await keys.list(userId: me.id!).map(\.id) == [new.key.id, old.key.id])

        // Two rotations of one key at once: exactly one wins, and one key stays active.
        async let r1 = Result { try await keys.rotate(keyId: new.key.id!, userId: me.id!) }
        async let r2 = Result { try await keys.rotate(keyId: new.key.id!, userId: me.id!) }
        let outcomes = await [r1, r2]
        #expect(outcomes.filter { (try? $0.get()) != nil }.count == 1)
        #expect(try await keys.list(userId: me.id!).filter { $0.status == .active }.count == 1)
    }

    @Test("names, limits and expiries are checked before anything is stored", arguments: Backend.testable)
    func keyValidation(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let user = try await f.accounts.register(email: "k@example.com", password: Self.password)
        let keys = f.apiKeys
        await #expect(throws: StoreError.invalidInput("key name must not be empty")) {
            try await keys.create(userId: user.id!, name: "  ")
        }
        await #expect(throws: StoreError.invalidInput("rate limit must be at least 1 request per minute")) {
            try await keys.create(userId: user.id!, name: "zero", rateLimit: 0)
        }
        for days in [-1.0, 3652.0] {
            await #expect(throws: StoreError.invalidInput("a key's expiry must be in the next 3650 days (or never)")) {
                try await keys.create(userId: user.id!, name: "bad", expiresAt: f.clock.now().addingTimeInterval(days * 86_400))
            }
        }
        let far = try await keys.create(userId: user.id!, name: "ten years", expiresAt: f.clock.now().addingTimeInterval(3650 * 86_400))
        #expect(try await keys.list(userId: user.id!).map(\.id) == [far.key.id])
    }
}

extension BackendFixture {
    /// A second store on the same database (as another process would open it), with its own
    /// password cost.
    func reopenStore(passwordCost: PasswordHasher.Cost) async throws -> Store {
        var options = StoreOptions()
        options.clock = clock
        options.passwordCost = passwordCost
        return try await Store.connect(DatabaseLocation(path: location, createsDirectory: false), options: options)
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
