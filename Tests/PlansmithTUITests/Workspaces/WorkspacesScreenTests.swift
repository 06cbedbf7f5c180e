import Foundation
import PlansmithCore
@testable import PlansmithTUI
import TerminalUI
import Testing

/// The workspace switcher and members view on the fakes: switching saves the choice and tells
/// the shell; owners invite, change roles and remove (after y); others only read.
@Suite("Workspaces screen: switch, invite, roles, remove", .serialized)
@MainActor
struct WorkspacesScreenTests {
    /// Ada (the signed-in owner) with a team workspace where bob is an editor.
    func teamApp() async throws -> (FakeApp, WorkspaceInfo, SignedIn) {
        let app = try await FakeApp.make()
        let team = try await app.workspaces.create(named: "Team", userId: app.session.userId)
        let bob = try await app.accounts.register(email: "bob@example.com", password: "another horse")
        _ = try await app.workspaces.invite(email: "bob@example.com", role: .editor, to: team.id, userId: app.session.userId)
        return (app, team, bob)
    }

    func open(_ env: ScreenEnvironment) async -> ScreenDriver<WorkspacesScreen> {
        let (state, command) = WorkspacesScreen.start(env: env)
        let d = ScreenDriver(WorkspacesScreen.self, state: state, command: command, env: env)
        await d.settle(until: { !$0.loading && $0.roster != nil })
        return d
    }

    static func toasts(_ d: ScreenDriver<WorkspacesScreen>) -> [String] { DomainFixture.toasts(d.requests) }

    @Test("enter on a workspace saves it as current, asks the shell to switch, and goes back")
    func switching() async throws {
        let (app, team, _) = try await teamApp()
        let d = await open(app.env)
        #expect(d.state.selected?.name == "Personal", "the current workspace is selected first")
        d.press(.down)
        await d.settle(until: { $0.roster?.workspace.id == team.id })
        #expect(d.state.roster?.members.map(\.email) == ["ada@example.com", "bob@example.com"])
        d.press(.enter)
        await d.settle(until: { _ in d.requests.contains { if case .back = $0 { true } else { false } } })
        #expect(d.requests.contains { if case .workspaceChanged(let w) = $0 { w.id == team.id } else { false } })
        let saved = try await app.accounts.account(app.session.userId).preferences
        #expect(PreferencesCodec.decode(saved).currentWorkspace == team.id)
        #expect(Self.toasts(d).last == "now working in Team (owner)")
    }

    @Test("an owner invites by email with a role (tab cycles it), changes a role, and removes a member only after y")
    func ownerManagesMembers() async throws {
        let (app, team, bob) = try await teamApp()
        let d = await open(app.env)
        d.press(.down)
        await d.settle(until: { $0.roster?.workspace.id == team.id })
        d.press(.tab)                                   // members pane
        d.press(.char("i"))
        #expect(d.state.prompt == .invite(TextInputState(), role: .editor))
        d.press(.tab)                                   // editor → viewer
        d.type("carol@example.com\n")
        await d.settle(until: { $0.roster?.invitations.isEmpty == false })
        #expect(Self.toasts(d).last == "invited carol@example.com as viewer; it waits until they sign up")
        #expect(d.screenText(width: 100).contains("carol@example.com  viewer  (invited)"))

        d.press(.down)                                  // bob
        #expect(d.state.selectedMember?.userId == bob.account.id)
        d.press(.char("v"))
        await d.settle(until: { $0.roster?.members.last?.role == .viewer })
        #expect(try await app.workspaces.roster(of: team.id, userId: app.session.userId).members.last?.role == .viewer)

        d.press(.char("x"))
        #expect(d.screenText(width: 100).contains("Remove bob@example.com from Team? y/N"))
        d.press(.char("n"))
        #expect(d.state.removing == nil)
        #expect(try await app.workspaces.roster(of: team.id, userId: app.session.userId).members.count == 2)
        d.press(.char("x"))
        d.press(.char("y"))
        await d.settle(until: { $0.roster?.members.count == 1 })
        #expect(Self.toasts(d).last == "removed bob@example.com from Team")

        // The last owner stays: the refusal is shown, nothing changes.
        d.press(.up)
        d.press(.char("v"))
        await d.settle(until: { $0.problem != nil })
        #expect(d.state.problem == "a workspace needs at least one owner")
    }

    @Test("a non-owner sees the members read-only; i, o/e/v and x are refused on the screen")
    func editorReadsOnly() async throws {
        let (app, team, bob) = try await teamApp()
        let asBob = ScreenEnvironment(app: app.context, session: UserSession(bob))
        let d = await open(asBob)
        d.press(.down)
        await d.settle(until: { $0.roster?.workspace.id == team.id })
        #expect(!d.state.canManage)
        #expect(d.screenText(width: 100).contains("Members of Team (read-only: you are editor)"))
        d.press(.tab)
        d.press(.char("x"))
        #expect(d.state.removing == nil)
        #expect(d.state.problem == "only an owner of Team can change its members")
        #expect(try await app.workspaces.roster(of: team.id, userId: bob.account.id).members.count == 2)
    }

    @Test("n creates a workspace, which is listed and selectable")
    func createWorkspace() async throws {
        let app = try await FakeApp.make()
        let d = await open(app.env)
        d.press(.char("n"))
        d.type("Lab\n")
        await d.settle(until: { $0.workspaces.count == 2 })
        #expect(d.state.workspaces.map(\.name) == ["Personal", "Lab"])
        #expect(Self.toasts(d).last == "created workspace Lab")
    }

    @Test("the Dashboard lists the current workspace's domains, names it, and adopts the saved choice")
    func dashboardFollowsWorkspace() async throws {
        let (app, team, _) = try await teamApp()
        let template = try #require(await app.domains.catalog(userId: app.session.userId).templates.first)
        _ = try await app.domains.copy(template.id, into: app.session.workspace.id, as: "mine", userId: app.session.userId)
        _ = try await app.domains.copy(template.id, into: team.id, as: "ours", userId: app.session.userId)
        var session = app.session
        session.preferences.currentWorkspace = team.id
        let env = ScreenEnvironment(app: app.context, session: session)
        let (state, command) = DashboardScreen.start(env: env)
        let d = ScreenDriver(DashboardScreen.self, state: state, command: command, env: env)
        await d.settle()
        #expect(d.state.data.domains.map(\.label) == ["ours"])
        #expect(d.screenText(width: 100).contains("1 Domains in Team (1)"))
        #expect(d.requests.contains { if case .workspaceChanged(let w) = $0 { w.id == team.id } else { false } })
    }
}
