import Foundation
import PlansmithTestSupport
import Store
import Testing

/// Who a store command may act as: an email alone opens only the passwordless local account;
/// an account with a password needs the password (environment or terminal prompt) or an API key.
@Suite("plansmith --user / PLANSMITH_USER identity", .serialized)
struct CLIIdentityTests {
    static let password = "correct horse battery"

    /// A sandbox whose database holds the local user (first run) and ada@example.com with a password.
    static func sandboxWithPasswordAccount() async throws -> (Sandbox, CreatedAPIKey) {
        let sandbox = try Sandbox()
        let first = try sandbox.run(["domains", "list"])
        #expect(first.status == 0, "\(first.stderr)")
        var options = StoreOptions()
        options.passwordCost = .testing
        let store = try Store.open(DatabaseLocation(path: sandbox.database, createsDirectory: false), options: options)
        let ada = try await store.accounts.register(email: "ada@example.com", password: password)
        let key = try await store.apiKeys.create(userId: ada.id!, name: "ada-ci")
        try store.database.close()
        return (sandbox, key)
    }

    @Test("--user naming an account with a password, without the password, is refused (exit 1) and says what to set")
    func emailAloneIsRefused() async throws {
        let (sandbox, _) = try await Self.sandboxWithPasswordAccount()
        for run in [try sandbox.run(["keys", "list", "--user", "ada@example.com"]),
                    try sandbox.run(["keys", "list"], environment: ["PLANSMITH_USER": "ada@example.com"])] {
            #expect(run.status == 1)
            #expect(run.stderr.contains("account ada@example.com has a password: set PLANSMITH_PASSWORD or PLANSMITH_API_KEY"),
                    "\(run.stderr)")
            #expect(!run.stdout.contains("ada-ci"))
        }
    }

    @Test("PLANSMITH_PASSWORD opens the account; a wrong one is exit 1 'wrong email or password'")
    func passwordFromEnvironment() async throws {
        let (sandbox, _) = try await Self.sandboxWithPasswordAccount()
        let good = try sandbox.run(["keys", "list", "--user", "ada@example.com"],
                                   environment: ["PLANSMITH_PASSWORD": Self.password])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("ada-ci"))
        let wrong = try sandbox.run(["keys", "list", "--user", "ada@example.com"],
                                    environment: ["PLANSMITH_PASSWORD": "not the password"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("plansmith keys list: error: wrong email or password"), "\(wrong.stderr)")
        #expect(!wrong.stdout.contains("ada-ci"))
    }

    @Test("PLANSMITH_API_KEY acts as its owner; a revoked key, a bogus key or a key for someone else is exit 1")
    func apiKeyIdentity() async throws {
        let (sandbox, key) = try await Self.sandboxWithPasswordAccount()
        let byKey = try sandbox.run(["keys", "list"], environment: ["PLANSMITH_API_KEY": key.plaintext])
        #expect(byKey.status == 0, "\(byKey.stderr)")
        #expect(byKey.stdout.contains("ada-ci"))
        let mismatch = try sandbox.run(["keys", "list", "--user", "tester@localhost"],
                                       environment: ["PLANSMITH_API_KEY": key.plaintext])
        #expect(mismatch.status == 1)
        #expect(mismatch.stderr.contains("PLANSMITH_API_KEY belongs to ada@example.com, not tester@localhost"))
        let bogus = try sandbox.run(["keys", "list"], environment: ["PLANSMITH_API_KEY": "psk_" + String(repeating: "x", count: 43)])
        #expect(bogus.status == 1)
        #expect(bogus.stderr.contains("API key is not valid"))

        let revoke = try sandbox.run(["keys", "revoke", "\(key.key.id!)"], environment: ["PLANSMITH_API_KEY": key.plaintext])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        let revoked = try sandbox.run(["keys", "list"], environment: ["PLANSMITH_API_KEY": key.plaintext])
        #expect(revoked.status == 1)
        #expect(revoked.stderr.contains("plansmith keys list: error: API key has been revoked"), "\(revoked.stderr)")
        #expect(revoked.stdout.isEmpty)
    }

    @Test("the passwordless local account still needs nothing, by default and by --user")
    func localAccountStaysOpen() async throws {
        let (sandbox, _) = try await Self.sandboxWithPasswordAccount()
        #expect(try sandbox.run(["keys", "list"]).status == 0)
        let named = try sandbox.run(["keys", "list", "--user", "tester@localhost"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(!named.stdout.contains("ada-ci"))
    }

    @Test("on a terminal the password is asked for with echo off; the right one opens the account",
          .enabled(if: TmuxSession.tmuxPath != nil))
    func promptOnTerminal() async throws {
        let (sandbox, _) = try await Self.sandboxWithPasswordAccount()
        let tmux = TmuxSession(name: "identity")
        defer { tmux.shutDown() }
        let command = "env HOME=\(sandbox.home) PLANSMITH_DB=\(sandbox.database) PLANSMITH_PASSWORD= PLANSMITH_API_KEY= "
            + "\(CommandRunner.path(of: "plansmith")) keys list --user ada@example.com; echo EXIT=$?; sleep 30"
        try tmux.start(command, width: 100, height: 20)
        let asked = try tmux.waitFor { $0.contains("Password for ada@example.com:") }
        #expect(asked.ok, "\(asked.screen)")
        try tmux.type(Self.password)
        try tmux.keys("Enter")
        let done = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(done.screen.contains("EXIT=0"), "\(done.screen)")
        #expect(done.screen.contains("ada-ci"))
        #expect(!done.screen.contains(Self.password), "the password was echoed")
    }
}
