import Foundation
import PlansmithCore
import PlansmithTUI
import TerminalUI
import Testing

@Suite("Domain screen: publish and delete", .serialized)
@MainActor
struct DomainSharingTests {
    @Test("P marks the domain public and back; the editor title says [public]; the fakes agree")
    func togglePublic() async throws {
        let app = try await FakeApp.make()
        let id = try await DomainFixture.copyTemplate(app)
        let d = await DomainFixture.open(app, id)
        d.press(.char("P"))
        await d.settle(until: { $0.domainIsPublic })
        #expect(await app.domains.stored(id)?.summary.isPublic == true)
        #expect(d.screenText().contains("Editor: my-blocks [public]"))
        #expect(DomainFixture.toasts(d.requests).last?.contains("every account can read it") == true)
        d.press(.char("P"))
        await d.settle(until: { !$0.domainIsPublic })
        #expect(await app.domains.stored(id)?.summary.isPublic == false)
    }

    @Test("D asks 'Delete domain X and its N revisions? y/N'; n keeps it, y deletes it and goes back")
    func deleteAsksFirst() async throws {
        let app = try await FakeApp.make()
        let id = try await DomainFixture.copyTemplate(app)
        _ = try await app.domains.save(DomainContents(name: "my-blocks", domainPddl: "(define (domain blocksworld))"),
                                       to: id, message: "second", userId: app.session.userId)
        let d = await DomainFixture.open(app, id)
        d.press(.char("D"))
        await d.settle(until: { $0.deletePrompt != nil })
        #expect(d.state.deletePrompt == DomainScreen.DeletePrompt(name: "my-blocks", revisions: 2))
        #expect(d.screenText().contains("Delete domain my-blocks and its 2 revisions? y/N"))
        d.press(.char("n"))
        #expect(d.state.deletePrompt == nil)
        #expect(await app.domains.stored(id) != nil)

        d.press(.char("D"))
        await d.settle(until: { $0.deletePrompt != nil })
        d.press(.char("y"))
        await d.settle(until: { _ in d.requests.contains { if case .back = $0 { true } else { false } } })
        #expect(await app.domains.stored(id) == nil)
        #expect(DomainFixture.toasts(d.requests).last == "deleted my-blocks and its revisions")
    }

    @Test("a viewer of a team workspace is refused publishing and deleting, and the domain stays")
    func viewerIsRefused() async throws {
        let app = try await FakeApp.make()
        let owner = app.session.userId
        let team = try await app.workspaces.create(named: "Team", userId: owner)
        let template = try #require(await app.domains.catalog(userId: owner).templates.first)
        let shared = try await app.domains.copy(template.id, into: team.id, as: "team-blocks", userId: owner)
        let bob = try await app.accounts.register(email: "bob@example.com", password: "another horse")
        _ = try await app.workspaces.invite(email: "bob@example.com", role: .viewer, to: team.id, userId: owner)
        let asBob = ScreenEnvironment(app: app.context, session: UserSession(bob))

        let d = await DomainFixture.open(shared.id, env: asBob)
        d.press(.char("P"))
        await d.settle(until: { _ in DomainFixture.toasts(d.requests).count >= 1 })
        #expect(DomainFixture.toasts(d.requests).last?.contains("viewers cannot change domains in this workspace") == true)
        d.press(.char("D"))
        await d.settle(until: { $0.deletePrompt != nil })
        d.press(.char("y"))
        await d.settle(until: { _ in DomainFixture.toasts(d.requests).count >= 2 })
        #expect(DomainFixture.toasts(d.requests).last?.contains("could not delete team-blocks") == true)
        #expect(await app.domains.stored(shared.id)?.summary.isPublic == false)
    }
}
