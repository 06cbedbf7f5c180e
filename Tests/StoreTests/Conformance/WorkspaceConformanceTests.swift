import Foundation
import Testing
@testable import Store

/// Team workspaces on both backends: membership, invitations, the owner rules, and the roles
/// every domain and session write checks.
@Suite("Workspaces: the same behaviour on SQLite and PostgreSQL")
struct WorkspaceConformanceTests {
    static let pddl = StoreConformanceTests.pddl

    @Test("a new workspace is owned by its creator; names are unique per owner; non-members get not found",
          arguments: Backend.testable)
    func createAndList(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let alice = try await f.user("alice@example.com")
        let bob = try await f.user("bob@example.com")
        let team = try await f.workspaces.create(named: "  Team  ", ownerId: alice.id)
        #expect(team.name == "Team" && team.ownerId == alice.id)
        let mine = try await f.workspaces.workspaces(of: alice.id)
        #expect(mine.map(\.workspace.id) == [alice.workspace, team.id])
        #expect(mine.map(\.role) == [.owner, .owner])
        await #expect(throws: StoreError.conflict("you already own a workspace named 'Team'")) {
            try await f.workspaces.create(named: "Team", ownerId: alice.id)
        }
        await #expect(throws: StoreError.invalidInput("workspace name must not be empty")) {
            try await f.workspaces.create(named: " ", ownerId: alice.id)
        }
        // Another owner may use the same name.
        _ = try await f.workspaces.create(named: "Team", ownerId: bob.id)
        await #expect(throws: StoreError.notFound("workspace \(team.id!)")) {
            try await f.workspaces.members(of: team.id!, readableBy: bob.id)
        }
        await #expect(throws: StoreError.notFound("workspace \(team.id!)")) {
            try await f.workspaces.workspace(team.id!, of: bob.id)
        }
        #expect(try await f.workspaces.workspace(team.id!, of: alice.id).role == .owner)
        #expect(try await f.workspaces.members(of: team.id!, readableBy: alice.id)
            == [WorkspaceMemberInfo(userId: alice.id, email: "alice@example.com", role: .owner)])
    }

    @Test("inviting an account adds it at once; an unknown email waits as an invitation to accept or decline",
          arguments: Backend.testable)
    func invitations(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let alice = try await f.user("alice@example.com")
        let bob = try await f.user("bob@example.com")
        let team = try await f.workspaces.create(named: "Team", ownerId: alice.id).id!

        let added = try await f.workspaces.invite(email: "BOB@example.com", role: .editor, to: team, by: alice.id)
        #expect(added == .added(WorkspaceMemberInfo(userId: bob.id, email: "bob@example.com", role: .editor)))
        await #expect(throws: StoreError.conflict("bob@example.com is already a member of this workspace")) {
            try await f.workspaces.invite(email: "bob@example.com", role: .viewer, to: team, by: alice.id)
        }
        // Editors do not manage members.
        await #expect(throws: StoreError.forbidden("only a workspace owner can change its members")) {
            try await f.workspaces.invite(email: "eve@example.com", role: .viewer, to: team, by: bob.id)
        }

        guard case .invited(let first) = try await f.workspaces.invite(email: "carol@example.com", role: .viewer, to: team, by: alice.id)
        else { Issue.record("an unknown email should be invited"); return }
        // Re-inviting updates the role of the one pending invitation.
        guard case .invited(let carolInvite) = try await f.workspaces.invite(email: "Carol@example.com", role: .editor, to: team, by: alice.id)
        else { Issue.record("an unknown email should be invited"); return }
        #expect(carolInvite.id == first.id && carolInvite.role == .editor && carolInvite.workspaceName == "Team")
        guard case .invited(let daveInvite) = try await f.workspaces.invite(email: "dave@example.com", role: .viewer, to: team, by: alice.id)
        else { Issue.record("an unknown email should be invited"); return }
        #expect(try await f.workspaces.invitations(in: team, readableBy: bob.id).map(\.email) == ["carol@example.com", "dave@example.com"])
        #expect(try await f.workspaces.members(of: team, readableBy: bob.id).map(\.email) == ["alice@example.com", "bob@example.com"])

        let carol = try await f.user("carol@example.com")
        let dave = try await f.user("dave@example.com")
        #expect(try await f.workspaces.invitations(for: carol.id).map(\.id) == [carolInvite.id])
        // Nobody accepts another person's invitation.
        await #expect(throws: StoreError.notFound("invitation \(carolInvite.id)")) {
            try await f.workspaces.accept(invitation: carolInvite.id, by: dave.id)
        }
        await #expect(throws: StoreError.notFound("invitation \(carolInvite.id)")) {
            try await f.workspaces.decline(invitation: carolInvite.id, by: bob.id)
        }
        let joined = try await f.workspaces.accept(invitation: carolInvite.id, by: carol.id)
        #expect(joined.workspace.id == team && joined.role == .editor)
        #expect(try await f.workspaces.invitations(for: carol.id).isEmpty)
        try await f.workspaces.decline(invitation: daveInvite.id, by: dave.id)
        #expect(try await f.workspaces.workspaces(of: dave.id).map(\.workspace.id) == [dave.workspace])
        #expect(try await f.workspaces.invitations(in: team, readableBy: alice.id).isEmpty)
        #expect(try await f.workspaces.members(of: team, readableBy: carol.id).map(\.email)
            == ["alice@example.com", "bob@example.com", "carol@example.com"])

        // An owner may withdraw a pending invitation.
        guard case .invited(let frank) = try await f.workspaces.invite(email: "frank@example.com", role: .viewer, to: team, by: alice.id)
        else { Issue.record("an unknown email should be invited"); return }
        try await f.workspaces.decline(invitation: frank.id, by: alice.id)
        #expect(try await f.workspaces.invitations(in: team, readableBy: alice.id).isEmpty)
        await #expect(throws: StoreError.invalidInput("'not an email' is not an email address")) {
            try await f.workspaces.invite(email: "not an email", role: .viewer, to: team, by: alice.id)
        }
    }

    @Test("only owners change roles and remove members; the last owner can neither be demoted, removed nor leave",
          arguments: Backend.testable)
    func ownerRules(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let alice = try await f.user("alice@example.com")
        let bob = try await f.user("bob@example.com")
        let carol = try await f.user("carol@example.com")
        let team = try await f.workspaces.create(named: "Team", ownerId: alice.id).id!
        _ = try await f.workspaces.invite(email: "bob@example.com", role: .editor, to: team, by: alice.id)
        _ = try await f.workspaces.invite(email: "carol@example.com", role: .viewer, to: team, by: alice.id)

        await #expect(throws: StoreError.forbidden("only a workspace owner can change its members")) {
            try await f.workspaces.setRole(.owner, of: bob.id, in: team, by: bob.id)
        }
        await #expect(throws: StoreError.forbidden("only a workspace owner can change its members")) {
            try await f.workspaces.remove(carol.id, from: team, by: bob.id)
        }
        await #expect(throws: StoreError.conflict("a workspace needs at least one owner")) {
            try await f.workspaces.setRole(.editor, of: alice.id, in: team, by: alice.id)
        }
        await #expect(throws: StoreError.conflict("a workspace needs at least one owner")) {
            try await f.workspaces.remove(alice.id, from: team, by: alice.id)
        }
        await #expect(throws: StoreError.conflict("a workspace needs at least one owner")) {
            try await f.workspaces.leave(team, userId: alice.id)
        }
        let outsider = try await f.user("eve@example.com")
        await #expect(throws: StoreError.notFound("member \(outsider.id)")) {
            try await f.workspaces.setRole(.viewer, of: outsider.id, in: team, by: alice.id)
        }
        await #expect(throws: StoreError.notFound("workspace \(team)")) {
            try await f.workspaces.leave(team, userId: outsider.id)
        }

        // With a second owner, the first may step down and leave.
        try await f.workspaces.setRole(.owner, of: bob.id, in: team, by: alice.id)
        try await f.workspaces.setRole(.viewer, of: alice.id, in: team, by: bob.id)
        try await f.workspaces.leave(team, userId: alice.id)
        #expect(try await f.workspaces.members(of: team, readableBy: bob.id).map(\.email) == ["bob@example.com", "carol@example.com"])
        try await f.workspaces.remove(carol.id, from: team, by: bob.id)
        #expect(try await f.workspaces.workspaces(of: carol.id).map(\.workspace.id) == [carol.workspace])
        await #expect(throws: StoreError.notFound("workspace \(team)")) {
            try await f.workspaces.members(of: team, readableBy: carol.id)
        }
    }

    @Test("viewers are forbidden every write (create, save, restore, publish, delete, critique); editors may; strangers get not found",
          arguments: Backend.testable)
    func rolesOnEveryWrite(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let alice = try await f.user("alice@example.com")
        let viewer = try await f.user("vic@example.com")
        let editor = try await f.user("ed@example.com")
        let stranger = try await f.user("sam@example.com")
        let team = try await f.workspaces.create(named: "Team", ownerId: alice.id).id!
        _ = try await f.workspaces.invite(email: "vic@example.com", role: .viewer, to: team, by: alice.id)
        _ = try await f.workspaces.invite(email: "ed@example.com", role: .editor, to: team, by: alice.id)
        let domain = try await f.domains.create(DomainDraft(name: "d", domainPddl: Self.pddl), in: team, by: alice.id)
        let id = domain.id!
        let forbidden = StoreError.forbidden("viewers cannot change domains in this workspace")

        #expect(try await f.domains.domain(id: id, readableBy: viewer.id).name == "d")
        await #expect(throws: forbidden) {
            try await f.domains.create(DomainDraft(name: "v", domainPddl: Self.pddl), in: team, by: viewer.id)
        }
        await #expect(throws: forbidden) {
            try await f.domains.save(DomainDraft(name: "d", domainPddl: Self.pddl), to: id, by: viewer.id, message: "")
        }
        await #expect(throws: forbidden) { try await f.domains.restore(id, toRevision: 1, by: viewer.id) }
        await #expect(throws: forbidden) { try await f.domains.setPublic(id, true, by: viewer.id) }
        await #expect(throws: forbidden) { try await f.domains.delete(id: id, by: viewer.id) }
        await #expect(throws: StoreError.forbidden("viewers cannot start critique sessions in this workspace")) {
            try await f.sessions.create(userId: viewer.id, domainId: id, maxIterations: 3, config: "{}")
        }
        for attempt in [
            { _ = try await f.domains.domain(id: id, readableBy: stranger.id) },
            { _ = try await f.domains.setPublic(id, true, by: stranger.id) },
            { try await f.domains.delete(id: id, by: stranger.id) },
            { _ = try await f.sessions.create(userId: stranger.id, domainId: id, maxIterations: 3, config: "{}") },
        ] as [@Sendable () async throws -> Void] {
            await #expect(throws: StoreError.notFound("domain \(id)")) { try await attempt() }
        }

        _ = try await f.domains.save(DomainDraft(name: "d", description: "2", domainPddl: Self.pddl), to: id, by: editor.id, message: "two")
        _ = try await f.domains.restore(id, toRevision: 1, by: editor.id)
        #expect(try await f.domains.history(of: id, readableBy: viewer.id).count == 3)
        _ = try await f.sessions.create(userId: editor.id, domainId: id, maxIterations: 3, config: "{}")
        _ = try await f.domains.create(DomainDraft(name: "e", domainPddl: Self.pddl), in: team, by: editor.id)

        // Deleting takes the revisions with it: nobody finds them afterwards.
        try await f.domains.delete(id: id, by: editor.id)
        await #expect(throws: StoreError.notFound("domain \(id)")) { try await f.domains.history(of: id, readableBy: alice.id) }
        #expect(try await f.domains.list(readableBy: alice.id, workspaceId: team).map(\.name) == ["e"])
    }

    @Test("a published domain is readable by every account, read-only; only its workspace's editors and owners unpublish it",
          arguments: Backend.testable)
    func publishing(_ backend: Backend) async throws {
        let f = try await BackendFixture.make(backend)
        defer { f.close() }
        let alice = try await f.user("alice@example.com")
        let stranger = try await f.user("sam@example.com")
        let domain = try await f.domains.create(DomainDraft(name: "shared", domainPddl: Self.pddl), in: alice.workspace, by: alice.id)
        let id = domain.id!
        await #expect(throws: StoreError.notFound("domain \(id)")) { try await f.domains.domain(id: id, readableBy: stranger.id) }

        f.clock.advance(by: 5)
        let published = try await f.domains.setPublic(id, true, by: alice.id)
        #expect(published.isPublic && published.updatedAt == f.clock.now())
        // Publishing changes no contents, so it adds no revision.
        #expect(try await f.domains.history(of: id, readableBy: alice.id).count == 1)
        #expect(try await f.domains.domain(id: id, readableBy: stranger.id).isPublic)
        #expect(try await f.domains.list(readableBy: stranger.id, workspaceId: nil).contains { $0.id == id })
        await #expect(throws: StoreError.forbidden("'shared' is public but belongs to another workspace; copy it to change it")) {
            try await f.domains.setPublic(id, false, by: stranger.id)
        }
        await #expect(throws: StoreError.forbidden("'shared' is public but belongs to another workspace; copy it to change it")) {
            try await f.domains.delete(id: id, by: stranger.id)
        }
        await #expect(throws: StoreError.forbidden("'shared' is public but belongs to another workspace; copy it to critique it")) {
            try await f.sessions.create(userId: stranger.id, domainId: id, maxIterations: 3, config: "{}")
        }
        // A template is anyone's to critique.
        let template = try await f.domains.domain(named: "blocksworld", readableBy: stranger.id)
        _ = try await f.sessions.create(userId: stranger.id, domainId: template.id!, maxIterations: 3, config: "{}")

        #expect(try await f.domains.setPublic(id, false, by: alice.id).isPublic == false)
        await #expect(throws: StoreError.notFound("domain \(id)")) { try await f.domains.domain(id: id, readableBy: stranger.id) }
    }
}
