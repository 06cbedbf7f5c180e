import Foundation
import PlansmithCore
import Testing

extension FakeServicesContractTests {
    @Test("workspaces: owners add and invite; viewers read but cannot write or publish; the last owner stays",
          arguments: Kind.allCases)
    func workspaces(_ kind: Kind) async throws {
        let (services, ada) = try await services(kind)
        let spaces = services.workspaces, domains = services.domains
        let bob = try await services.accounts.register(email: "bob@example.com", password: "another horse")
        let team = try await spaces.create(named: "Team", userId: ada.account.id)
        #expect(team.role == .owner)
        #expect(try await spaces.workspaces(userId: ada.account.id).map(\.name) == ["Personal", "Team"])
        #expect(try await spaces.workspace(named: "team", userId: ada.account.id).id == team.id)

        #expect(try await spaces.invite(email: "bob@example.com", role: .viewer, to: team.id, userId: ada.account.id)
            == .added(MemberInfo(userId: bob.account.id, email: "bob@example.com", role: .viewer)))
        guard case .invited(let carolInvite) = try await spaces.invite(email: "carol@example.com", role: .editor, to: team.id,
                                                                       userId: ada.account.id)
        else { Issue.record("an email without an account should be invited"); return }
        let roster = try await spaces.roster(of: team.id, userId: bob.account.id)
        #expect(roster.members.map(\.email) == ["ada@example.com", "bob@example.com"])
        #expect(roster.invitations.map(\.email) == ["carol@example.com"])
        do {
            _ = try await spaces.invite(email: "eve@example.com", role: .viewer, to: team.id, userId: bob.account.id)
            Issue.record("a viewer invited someone")
        } catch { #expect(self.kind(of: error) == .forbidden) }

        let template = try #require(try await domains.catalog(userId: ada.account.id).templates.first)
        let shared = try await domains.copy(template.id, into: team.id, as: "team-domain", userId: ada.account.id)
        let bobsCatalog = try await domains.catalog(userId: bob.account.id)
        #expect(bobsCatalog.own.map(\.id) == [shared.id])
        #expect(bobsCatalog.workspaces.first { $0.id == team.id }?.role == .viewer)
        #expect(try await domains.open(shared.id, userId: bob.account.id).name == "team-domain")
        let contents = DomainContents(name: "team-domain", domainPddl: shared.domainPddl, problemPddl: shared.problemPddl)
        for write in [
            { _ = try await domains.save(contents, to: shared.id, message: "viewer", userId: bob.account.id) },
            { _ = try await domains.setPublic(shared.id, true, userId: bob.account.id) },
            { try await domains.delete(shared.id, userId: bob.account.id) },
        ] as [@Sendable () async throws -> Void] {
            do { try await write(); Issue.record("a viewer changed a domain") }
            catch { #expect(self.kind(of: error) == .forbidden) }
        }
        try await spaces.setRole(.editor, of: bob.account.id, in: team.id, userId: ada.account.id)
        #expect(try await domains.save(contents, to: shared.id, message: "editor", userId: bob.account.id).revision == 2)
        #expect(try await domains.setPublic(shared.id, true, userId: bob.account.id).summary.isPublic)

        // Carol registers later: the public domain is shared with her, the invitation waits for her.
        let carol = try await services.accounts.register(email: "carol@example.com", password: "third horse")
        #expect(try await domains.catalog(userId: carol.account.id).shared.map(\.id) == [shared.id])
        #expect(try await spaces.invitations(userId: carol.account.id).map(\.id) == [carolInvite.id])
        #expect(try await spaces.accept(invitation: carolInvite.id, userId: carol.account.id).role == .editor)
        #expect(try await domains.catalog(userId: carol.account.id).own.map(\.id) == [shared.id])

        for lastOwner in [
            { try await spaces.leave(team.id, userId: ada.account.id) },
            { try await spaces.setRole(.viewer, of: ada.account.id, in: team.id, userId: ada.account.id) },
        ] as [@Sendable () async throws -> Void] {
            do { try await lastOwner(); Issue.record("the last owner stepped down") }
            catch { #expect(self.kind(of: error) == .conflict) }
        }
        try await spaces.remove(bob.account.id, from: team.id, userId: ada.account.id)
        _ = try await domains.setPublic(shared.id, false, userId: ada.account.id)
        do {
            _ = try await domains.open(shared.id, userId: bob.account.id)
            Issue.record("a removed member still reads the workspace's private domain")
        } catch { #expect(self.kind(of: error) == .notFound) }
        try await domains.delete(shared.id, userId: carol.account.id)
        do {
            _ = try await domains.history(of: shared.id, userId: ada.account.id)
            Issue.record("a deleted domain's history is still there")
        } catch { #expect(self.kind(of: error) == .notFound) }
    }
}
