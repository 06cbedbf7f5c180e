import Foundation
import PlansmithTUI
import Store
import Testing

@Suite("Landing, Login/Register and Dashboard screens")
@MainActor
struct EntryScreensTests {
    @Test("first run offers creating an account first; a passwordless local account is one step in")
    func landingChoices() async throws {
        let app = try await TestApp.make()
        // TestApp registered a user with a password: log in comes first.
        var (state, command) = LandingScreen.start(env: app.signedOutEnv)
        var driver = ScreenDriver(LandingScreen.self, state: state, command: command, env: app.signedOutEnv)
        await driver.settle()
        #expect(driver.screenText().contains("> Log in"))

        let local = try await app.store.accounts.ensureLocalUser(email: "me@localhost")
        (state, command) = LandingScreen.start(env: app.signedOutEnv)
        driver = ScreenDriver(LandingScreen.self, state: state, command: command, env: app.signedOutEnv)
        await driver.settle()
        #expect(driver.screenText().contains("> Continue as me@localhost"))
        driver.press(.enter)
        await driver.settle()
        guard case .signedIn(let session)? = driver.requests.last else {
            Issue.record("expected a sign-in request, got \(driver.requests)")
            return
        }
        #expect(session.userId == local.id)
    }

    @Test("register checks the form before the store, creates the account and signs in")
    func register() async throws {
        let app = try await TestApp.make()
        let (state, command) = AuthScreen.start(mode: .register, env: app.signedOutEnv)
        let driver = ScreenDriver(AuthScreen.self, state: state, command: command, env: app.signedOutEnv)
        driver.type("grace-example.com")
        driver.press(.tab); driver.type("short"); driver.press(.tab); driver.type("short"); driver.press(.enter)
        #expect(driver.screenText().contains("is not an email address"))
        #expect(driver.requests.isEmpty)

        let fixed = ScreenDriver(AuthScreen.self, state: AuthScreen.start(mode: .register, env: app.signedOutEnv).0,
                                 env: app.signedOutEnv)
        fixed.type("grace@example.com")
        fixed.press(.tab); fixed.type("long enough"); fixed.press(.tab); fixed.type("long enougH"); fixed.press(.enter)
        #expect(fixed.screenText().contains("The two passwords differ"))
        fixed.press(.ctrl("u"))
        fixed.type("long enough")
        fixed.press(.enter)
        await fixed.settle()
        guard case .signedIn(let session)? = fixed.requests.last else {
            Issue.record("expected a sign-in request, got \(fixed.requests)")
            return
        }
        #expect(session.account.email == "grace@example.com")
        let stored = try await app.store.accounts.user(email: "grace@example.com")
        #expect(stored?.hasPassword == true)
    }

    @Test("a wrong password shows a message, clears the password and keeps the email")
    func wrongPassword() async throws {
        let app = try await TestApp.make()
        let driver = ScreenDriver(AuthScreen.self, state: AuthScreen.start(mode: .login, env: app.signedOutEnv).0,
                                  env: app.signedOutEnv)
        driver.type("ada@example.com"); driver.press(.tab); driver.type("not the password"); driver.press(.enter)
        await driver.settle()
        let text = driver.screenText()
        #expect(text.contains("Wrong email or password."))
        #expect(text.contains("ada@example.com"))
        #expect(!text.contains("••••"))
        #expect(driver.requests.isEmpty)
    }

    @Test("dashboard: a template is copied into the workspace and opened; a second copy gets a new name")
    func templateCopy() async throws {
        let app = try await TestApp.make()
        let (state, command) = DashboardScreen.start(env: app.env)
        let driver = ScreenDriver(DashboardScreen.self, state: state, command: command, env: app.env)
        await driver.settle()
        #expect(driver.state.focus == .templates, "no domains yet: templates are focused")
        #expect(driver.screenText(width: 120).contains("blocksworld"))
        driver.press(.enter)
        await driver.settle()
        driver.press(.enter)
        await driver.settle()
        let opened = driver.requests.compactMap { request -> Int64? in
            if case .navigate(.domain(let id)) = request { return id }
            return nil
        }
        #expect(opened.count == 2)
        let names = try await app.store.domains.list(readableBy: app.session.userId, workspaceId: app.session.workspace.id)
            .map(\.name).sorted()
        #expect(names == ["blocksworld", "blocksworld-2"])
        #expect(driver.screenText(width: 120).contains("1 Domains (2)"))
    }

    @Test("dashboard: a new domain needs a PDDL name, then exists with a valid skeleton")
    func newDomain() async throws {
        let app = try await TestApp.make()
        let (state, command) = DashboardScreen.start(env: app.env)
        let driver = ScreenDriver(DashboardScreen.self, state: state, command: command, env: app.env)
        await driver.settle()
        driver.press(.char("n"))
        driver.type("9 lives\n")
        #expect(driver.screenText(width: 120).contains("is not a PDDL name"))
        driver.press(.ctrl("u"))
        driver.type("rovers-lite\n")
        await driver.settle()
        let domain = try await app.store.domains.domain(named: "rovers-lite", readableBy: app.session.userId)
        #expect(driver.requests.contains { if case .navigate(.domain(domain.id!)) = $0 { true } else { false } })
        #expect(domain.domainPddl.contains("(define (domain rovers-lite)"))
    }

    @Test("every entry screen draws at 20×3 without writing outside its area")
    func tinyAreas() async throws {
        let app = try await TestApp.make()
        let landing = ScreenDriver(LandingScreen.self, state: LandingScreen.start(env: app.signedOutEnv).0, env: app.signedOutEnv)
        let auth = ScreenDriver(AuthScreen.self, state: AuthScreen.start(mode: .register, env: app.signedOutEnv).0, env: app.signedOutEnv)
        let (state, command) = DashboardScreen.start(env: app.env)
        let dashboard = ScreenDriver(DashboardScreen.self, state: state, command: command, env: app.env)
        await dashboard.settle()
        for (w, h) in [(20, 3), (1, 1), (40, 12), (80, 22)] {
            expectDrawsInside(landing, width: w, height: h)
            expectDrawsInside(auth, width: w, height: h)
            expectDrawsInside(dashboard, width: w, height: h)
        }
    }
}
