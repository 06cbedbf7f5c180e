import Foundation
import PlansmithTestSupport
import Store
import Testing

/// `plansmith workspaces …` and `domains publish|unpublish|delete`: the real binary on a real
/// SQLite file, as the local user, with a second account (with a password) made through the Store.
@Suite("plansmith workspaces / domains publish, delete", .serialized)
struct WorkspacesCommandTests {
    static let password = "correct horse battery"

    @Test("create, use, import into the current workspace, invite, change a role, remove; the last owner cannot leave")
    func teamLifecycle() async throws {
        let sandbox = try Sandbox()
        let created = try sandbox.json(["workspaces", "create", "Team", "--json"])
        #expect(created["name"] as? String == "Team" && created["role"] as? String == "owner")
        let team = try #require(created["id"] as? Int)
        let listed = try sandbox.json(["workspaces", "list", "--json"])["workspaces"] as? [[String: Any]] ?? []
        #expect(listed.map { $0["name"] as? String } == ["Personal", "Team"])
        #expect(listed.map { $0["current"] as? Bool } == [true, false])

        #expect(try sandbox.run(["workspaces", "use", "Team"]).stdout == "now working in Team (owner)\n")
        #expect((try sandbox.json(["workspaces", "list", "--json"])["workspaces"] as? [[String: Any]] ?? [])
            .map { $0["current"] as? Bool } == [false, true])
        let domainPath = try sandbox.write("switches.pddl", StoreCommandsTests.domain)
        #expect(try sandbox.run(["domains", "import", domainPath]).status == 0)
        let inTeam = try sandbox.json(["domains", "list", "--workspace", "Team", "--json"])["domains"] as? [[String: Any]] ?? []
        #expect(inTeam.map { $0["name"] as? String } == ["switches"])
        #expect(inTeam.first?["workspace_id"] as? Int == team)
        #expect((try sandbox.json(["domains", "list", "--workspace", "Personal", "--json"])["domains"] as? [Any])?.isEmpty == true)

        // A second account, registered with a password (as `plansmith serve` or the TUI would).
        var options = StoreOptions()
        options.passwordCost = .testing
        let store = try Store.open(DatabaseLocation(path: sandbox.database, createsDirectory: false), options: options)
        _ = try await store.accounts.register(email: "ada@example.com", password: Self.password)
        try store.database.close()

        let added = try sandbox.json(["workspaces", "invite", "ada@example.com", "--role", "viewer", "--json"])
        #expect(added["status"] as? String == "added")
        let invited = try sandbox.run(["workspaces", "invite", "carol@example.com", "--role", "editor"])
        #expect(invited.stdout.contains("invited carol@example.com as editor to Team"))
        let roster = try sandbox.json(["workspaces", "members", "--json"])
        #expect((roster["members"] as? [[String: Any]])?.map { $0["email"] as? String } == ["tester@localhost", "ada@example.com"])
        #expect((roster["invitations"] as? [[String: Any]])?.map { $0["email"] as? String } == ["carol@example.com"])
        #expect(try sandbox.run(["workspaces", "invite", "bad", "--role", "admin"]).status != 0)

        // The viewer reads the team's domain but cannot delete or publish it.
        let asAda = ["PLANSMITH_USER": "ada@example.com", "PLANSMITH_PASSWORD": Self.password]
        #expect(try sandbox.run(["domains", "show", "switches"], environment: asAda).status == 0)
        let refused = try sandbox.run(["domains", "delete", "switches", "--yes"], environment: asAda)
        #expect(refused.status == 1 && refused.stderr.contains("viewers cannot change domains in this workspace"), "\(refused.stderr)")
        #expect(try sandbox.run(["domains", "publish", "switches"], environment: asAda).status == 1)

        #expect(try sandbox.run(["workspaces", "role", "ada@example.com", "editor"]).status == 0)
        #expect(try sandbox.run(["domains", "publish", "switches"], environment: asAda).stdout == "'switches' is now public\n")
        #expect(try sandbox.run(["workspaces", "remove", "ada@example.com"]).status == 0)
        let leave = try sandbox.run(["workspaces", "leave", "Team"])
        #expect(leave.status == 1 && leave.stderr.contains("a workspace needs at least one owner"))
        let notMine = try sandbox.run(["workspaces", "members", "--workspace", "Nowhere"])
        #expect(notMine.status == 1 && notMine.stderr.contains("no workspace named 'Nowhere'"))
    }

    @Test("publish and unpublish flip the kind; delete removes the domain and its revisions, and says how many")
    func publishAndDelete() throws {
        let sandbox = try Sandbox()
        let domainPath = try sandbox.write("switches.pddl", StoreCommandsTests.domain)
        #expect(try sandbox.run(["domains", "import", domainPath]).status == 0)
        #expect(try sandbox.run(["domains", "import", domainPath]).stdout.contains("saved revision 2"))
        #expect(try sandbox.json(["domains", "publish", "switches", "--json"])["public"] as? Bool == true)
        #expect(try sandbox.json(["domains", "unpublish", "switches", "--json"])["public"] as? Bool == false)
        // Not a terminal: scripts are not asked.
        let deleted = try sandbox.json(["domains", "delete", "switches", "--json"])
        #expect(deleted["deleted"] as? Bool == true && deleted["revisions"] as? Int == 2)
        let again = try sandbox.run(["domains", "delete", "switches"])
        #expect(again.status == 1 && again.stderr.contains("domain 'switches' not found"), "\(again.stderr)")
        let template = try sandbox.run(["domains", "delete", "blocksworld", "--yes"])
        #expect(template.status == 1 && template.stderr.contains("templates are read-only"))
    }
}

/// `domains delete` on a terminal (a tmux pane): it asks, and only `y` deletes.
@Suite("plansmith domains delete on a terminal", .serialized)
struct DomainsDeleteTerminalTests {
    @Test("on a terminal delete asks 'Delete domain NAME and its N revisions? y/N'; n keeps it (exit 1), y deletes it")
    func asksOnATerminal() throws {
        guard TmuxSession.tmuxPath != nil else {
            Issue.record("tmux is not installed (scripts/test installs it with apt-get)")
            return
        }
        let sandbox = try Sandbox()
        let domainPath = try sandbox.write("switches.pddl", StoreCommandsTests.domain)
        #expect(try sandbox.run(["domains", "import", domainPath]).status == 0)
        #expect(try sandbox.run(["domains", "import", domainPath]).status == 0)
        let tmux = TmuxSession(name: "delete")
        defer { tmux.shutDown() }
        let command = "env HOME='\(sandbox.home)' PLANSMITH_DB='\(sandbox.database)' PLANSMITH_USER= USER=tester "
            + "'\(CommandRunner.path(of: "plansmith"))' domains delete switches; echo EXIT=$?; sleep 30"
        try tmux.start(command, width: 100, height: 10)
        var (screen, ok) = try tmux.waitFor { $0.contains("Delete domain switches and its 2 revisions? y/N") }
        #expect(ok, "\(screen)")
        try tmux.type("n")
        try tmux.keys("Enter")
        (screen, ok) = try tmux.waitFor { $0.contains("EXIT=") }
        #expect(screen.contains("not deleted") && screen.contains("EXIT=1"), "\(screen)")
        #expect(try sandbox.run(["domains", "show", "switches"]).status == 0, "n kept the domain")

        // A fresh pane, so the first run's lines cannot answer the waits below.
        let again = TmuxSession(name: "delete-again")
        defer { again.shutDown() }
        try again.start(command, width: 100, height: 10)
        (screen, ok) = try again.waitFor { $0.contains("y/N") }
        #expect(ok, "\(screen)")
        try again.type("y")
        try again.keys("Enter")
        (screen, ok) = try again.waitFor { $0.contains("EXIT=") }
        #expect(screen.contains("deleted 'switches' and its 2 revisions") && screen.contains("EXIT=0"), "\(screen)")
        #expect(try sandbox.run(["domains", "show", "switches"]).status == 1)
    }
}
