import Foundation
import PlansmithTUI
import Store
import TerminalUI
import Testing

@MainActor
@Suite("API Keys screen")
struct APIKeysScreenTests {
    func open(_ env: ScreenEnvironment) async -> ScreenDriver<APIKeysScreen> {
        let (state, command) = APIKeysScreen.start(env: env)
        let d = ScreenDriver(APIKeysScreen.self, state: state, command: command, env: env)
        #expect(await d.settle(until: { $0.loaded }))
        return d
    }

    /// Every byte of the database, its WAL and shared memory.
    func databaseBytes(_ app: TestApp) -> Data {
        let path = app.store.path
        return ["", "-wal", "-shm"].reduce(into: Data()) { all, suffix in
            all.append(FileManager.default.contents(atPath: path + suffix) ?? Data())
        }
    }

    @Test("a created key's secret is shown once, verifies, is not stored in plaintext, and later only its prefix shows")
    func createShowsSecretOnce() async throws {
        let app = try await TestApp.make()
        let d = await open(app.env)
        #expect(d.screenText().contains("No API keys yet"))
        d.press(.char("n"))
        #expect(APIKeysScreen.isTyping(d.state))
        d.type("ci-server")
        d.press(.tab)
        d.type("30")
        d.press(.tab, .ctrl("u"))
        d.type("120")
        d.press(.enter)
        #expect(await d.settle(until: { $0.secret != nil }))
        let secret = try #require(d.state.secret?.plaintext)
        #expect(secret.hasPrefix("psk_") && secret.count == 47)
        let shown = d.screenText()
        #expect(shown.contains(secret))
        #expect(shown.contains("shown only this once"))

        let key = try await app.store.apiKeys.verify(secret)
        #expect(key.name == "ci-server" && key.rateLimit == 120)
        let expiry = try #require(key.expiresAt)
        #expect(abs(expiry.timeIntervalSinceNow - 30 * 86_400) < 120)
        #expect(databaseBytes(app).range(of: Data(secret.utf8)) == nil)
        #expect(databaseBytes(app).range(of: Data(String(secret.dropFirst(8)).utf8)) == nil)

        // `c` asks the shell to put the secret on the clipboard (OSC 52); the dialog stays open.
        d.press(.char("c"))
        #expect(d.requests.contains { if case .copy(secret, _) = $0 { true } else { false } })
        #expect(d.state.secret != nil)

        d.press(.escape)
        #expect(d.state.secret == nil)
        let after = d.screenText()
        #expect(!after.contains(secret))
        #expect(!after.contains(String(secret.dropFirst(8).prefix(12))))
        #expect(after.contains(key.keyPrefix + "…"))
        #expect(after.contains("✓ active") && after.contains("120/min"))
        #expect(!String(describing: d.state).contains(secret))
        // Only the copy the user asked for carries the secret; toasts and log lines never do.
        let others = d.requests.filter { if case .copy = $0 { false } else { true } }
        #expect(!others.map { "\($0)" }.joined().contains(secret))
    }

    @Test("each key shows its requests of the last 24 h from the usage log, failures apart, and refreshes when back on top")
    func trafficColumn() async throws {
        let app = try await TestApp.make()
        let userId = try #require(app.env.session?.userId)
        let busy = try await app.store.apiKeys.create(userId: userId, name: "busy").key.id!
        _ = try await app.store.apiKeys.create(userId: userId, name: "quiet")
        let now = app.store.clock.now()
        func request(status: Int, ago: TimeInterval) -> UsageRecord {
            UsageRecord(userId: userId, apiKeyId: busy, endpoint: "/v1/validate", method: "POST", statusCode: status,
                        latencyMs: 2, createdAt: now.addingTimeInterval(-ago))
        }
        try await app.store.usage.record(contentsOf: [
            request(status: 200, ago: 60), request(status: 200, ago: 3_600), request(status: 422, ago: 7_200),
            request(status: 200, ago: 2 * 86_400),  // older than a day: not counted
        ])
        let d = await open(app.env)
        let text = d.screenText(width: 100, height: 20)
        #expect(text.contains("24h requests"))
        let busyLine = try #require(text.split(separator: "\n").first { $0.contains("busy") })
        let quietLine = try #require(text.split(separator: "\n").first { $0.contains("quiet") })
        #expect(busyLine.contains("3 (1 err)"), "\(busyLine)")
        #expect(quietLine.contains(" 0 "), "\(quietLine)")

        try await app.store.usage.record(contentsOf: [request(status: 200, ago: 1)])
        if let refresh = APIKeysScreen.reappeared(d.state) { d.dispatch(refresh) }
        #expect(await d.settle(until: { $0.traffic?[busy]?.requests == 4 }))
        #expect(d.screenText(width: 100, height: 20).contains("4 (1 err)"))
    }

    @Test("invalid form input shows its error inline, keeps the typed text and creates nothing")
    func invalidForm() async throws {
        let app = try await FakeApp.make()
        let d = await open(app.env)
        d.press(.char("n"))
        d.press(.tab)
        d.type("soon")
        d.press(.tab, .ctrl("u"))
        d.type("0")
        d.press(.enter)
        await d.settle()
        let form = try #require(d.state.form)
        #expect(form.errors[.name] == "name must not be empty")
        #expect(form.errors[.expiryDays] != nil && form.errors[.rateLimit] != nil)
        #expect(form.text(.expiryDays) == "soon")
        let text = d.screenText()
        #expect(text.contains("name must not be empty"))
        #expect(await app.keys.list(userId: app.session.userId).isEmpty)
        d.press(.escape)
        #expect(d.state.form == nil)
        #expect(d.send(.key(.escape)) == false, "with nothing open, Esc is the shell's (back)")
    }

    @Test("revoke asks first; yes marks the key revoked in SQLite and it stops verifying")
    func revoke() async throws {
        let app = try await TestApp.make()
        let created = try await app.store.apiKeys.create(userId: app.session.userId, name: "laptop")
        let d = await open(app.env)
        d.press(.char("r"))
        #expect(d.state.confirmation?.kind == .revoke)
        #expect(d.screenText().contains("Revoke 'laptop'"))
        d.press(.char("n"))
        #expect(d.state.confirmation == nil)
        #expect(try await app.store.apiKeys.list(userId: app.session.userId).first?.status == .active)
        d.press(.char("r"), .char("y"))
        #expect(await d.settle(until: { $0.busy == nil && $0.keys.first?.status == .revoked }))
        #expect(try await app.store.apiKeys.list(userId: app.session.userId).first?.status == .revoked)
        await #expect(throws: StoreError.self) { _ = try await app.store.apiKeys.verify(created.plaintext) }
        #expect(d.screenText().contains("✗ revoked"))
        d.press(.char("r"))
        #expect(d.state.confirmation == nil, "a revoked key cannot be revoked again")
    }

    @Test("rotate shows the new secret once and revokes the old key in one step")
    func rotate() async throws {
        let app = try await TestApp.make()
        let old = try await app.store.apiKeys.create(userId: app.session.userId, name: "ci", rateLimit: 30)
        let d = await open(app.env)
        d.press(.char("R"), .char("y"))
        #expect(await d.settle(until: { $0.secret != nil }))
        let secret = try #require(d.state.secret)
        #expect(secret.replaces == old.key.keyPrefix)
        #expect(d.screenText().contains(secret.plaintext))
        let fresh = try await app.store.apiKeys.verify(secret.plaintext)
        #expect(fresh.name == "ci" && fresh.rateLimit == 30)
        await #expect(throws: StoreError.self) { _ = try await app.store.apiKeys.verify(old.plaintext) }
        let stored = try await app.store.apiKeys.list(userId: app.session.userId)
        #expect(stored.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.active, .revoked])
        #expect(databaseBytes(app).range(of: Data(secret.plaintext.utf8)) == nil)
        d.press(.enter)
        #expect(!d.screenText().contains(secret.plaintext))
    }

    @Test("a service refusal is shown, not swallowed: rotating a key revoked elsewhere reports the conflict")
    func storeErrorShown() async throws {
        let app = try await FakeApp.make()
        let created = try await app.keys.add(name: "shared", userId: app.session.userId)
        let d = await open(app.env)
        try await app.keys.revoke(created.key.id, userId: app.session.userId)   // revoked elsewhere meanwhile
        d.press(.char("R"), .char("y"))
        #expect(await d.settle(until: { $0.error != nil }))
        #expect(d.state.secret == nil && d.state.busy == nil)
        #expect(d.screenText().contains("Could not rotate \(created.key.prefix)…"))
        #expect(d.requests.contains { if case .toast(.error, _) = $0 { true } else { false } })
    }

    @Test("without a signed-in user nothing can be created and the screen says why")
    func signedOut() async throws {
        let app = try await FakeApp.make()
        let (state, command) = APIKeysScreen.start(env: app.signedOutEnv)
        let d = ScreenDriver(APIKeysScreen.self, state: state, command: command, env: app.signedOutEnv)
        #expect(await d.settle(until: { $0.loaded }))
        #expect(d.screenText().contains("Sign in to manage API keys."))
        d.press(.char("n"))
        d.type("x")
        d.press(.enter)
        await d.settle()
        #expect(d.state.secret == nil && d.state.busy == nil)
    }

    @Test("a key past its expiry is listed as expired with its date, and rotate refuses it with a warning")
    func expiredKey() async throws {
        let app = try await FakeApp.make()
        let past = FakeClock.epoch.addingTimeInterval(-3_600)
        _ = try await app.keys.add(name: "old", rateLimit: 5, expiresAt: past, userId: app.session.userId)
        let d = await open(app.env)
        let text = d.screenText()
        #expect(text.contains("○ expired") && text.contains("5/min"))
        d.press(.char("R"))
        #expect(d.state.confirmation == nil)
        #expect(d.requests.contains { if case .toast(.warning, let m) = $0 { m.contains("is expired") } else { false } })
    }

    @Test("the filter narrows the list; small terminals down to 20×3 draw without crashing")
    func filterAndSmall() async throws {
        let app = try await FakeApp.make()
        for name in ["alpha", "beta", "gamma"] {
            _ = try await app.keys.add(name: name, userId: app.session.userId)
        }
        let d = await open(app.env)
        d.press(.char("/"))
        d.type("beta")  // long enough that no key prefix matches it
        #expect(APIKeysScreen.cursor(for: d.state, in: Rect(x: 0, y: 0, width: 100, height: 30)) == Point(x: 6, y: 28))
        #expect(d.state.visibleKeys.map(\.name) == ["beta"])
        d.press(.enter)
        #expect(!APIKeysScreen.isTyping(d.state))
        #expect(d.screenText().contains("beta") && !d.screenText().contains("gamma"))
        d.press(.escape)
        #expect(d.state.visibleKeys.count == 3)
        d.press(.char("n"))
        for (w, h) in [(20, 3), (20, 5), (40, 12), (79, 23)] { _ = d.screenText(width: w, height: h) }
        d.press(.escape, .char("R"), .char("y"))
        #expect(await d.settle(until: { $0.secret != nil }))
        for (w, h) in [(20, 3), (20, 5), (40, 12)] { _ = d.screenText(width: w, height: h) }
    }
}
