import Foundation
import Testing
@testable import Store

@Suite("Workspace access scoping")
struct AccessScopingTests {
    static let pddl = "(define (domain secret-plans) (:predicates (p)))"

    @Test("another user's private domain is never readable, listable, writable or deletable")
    func privateDomainIsInvisible() async throws {
        let t = try TestStore()
        let (alice, aliceSpace) = try await t.user("alice@example.com")
        let (mallory, mallorySpace) = try await t.user("mallory@example.com")
        let domains = t.store.domains
        let secret = try await domains.create(DomainDraft(name: "secret", domainPddl: Self.pddl), in: aliceSpace.id!, by: alice.id!)
        let id = secret.id!

        #expect(try await domains.list(readableBy: mallory.id!, workspaceId: nil).allSatisfy { $0.id != id })
        #expect(try await domains.list(readableBy: mallory.id!, workspaceId: aliceSpace.id!).isEmpty)
        await #expect(throws: StoreError.notFound("domain \(id)")) { try await domains.domain(id: id, readableBy: mallory.id!) }
        await #expect(throws: StoreError.notFound("domain 'secret'")) { try await domains.domain(named: "secret", readableBy: mallory.id!) }
        await #expect(throws: StoreError.notFound("domain \(id)")) { try await domains.history(of: id, readableBy: mallory.id!) }
        await #expect(throws: StoreError.notFound("domain \(id)")) {
            try await domains.save(DomainDraft(name: "pwned", domainPddl: Self.pddl), to: id, by: mallory.id!, message: "")
        }
        await #expect(throws: StoreError.notFound("domain \(id)")) { try await domains.delete(id: id, by: mallory.id!) }
        await #expect(throws: StoreError.notFound("domain \(id)")) { try await domains.restore(id, toRevision: 1, by: mallory.id!) }
        await #expect(throws: StoreError.notFound("domain \(id)")) {
            try await domains.copy(id, into: mallorySpace.id!, as: nil, by: mallory.id!)
        }
        await #expect(throws: StoreError.notFound("workspace \(aliceSpace.id!)")) {
            try await domains.create(DomainDraft(name: "planted", domainPddl: Self.pddl), in: aliceSpace.id!, by: mallory.id!)
        }
        // Alice's domain is untouched and has exactly its one revision.
        let after = try await domains.domain(id: id, readableBy: alice.id!)
        #expect(after == secret)
        #expect(try await domains.history(of: id, readableBy: alice.id!).count == 1)
    }

    @Test("public and template domains are readable by everyone but writable only by their workspace")
    func publicAndTemplates() async throws {
        let t = try TestStore()
        let (alice, aliceSpace) = try await t.user("alice@example.com")
        let (bob, bobSpace) = try await t.user("bob@example.com")
        let shared = try await t.store.domains.create(
            DomainDraft(name: "shared", domainPddl: Self.pddl, isPublic: true), in: aliceSpace.id!, by: alice.id!)
        let visibleToBob = try await t.store.domains.list(readableBy: bob.id!, workspaceId: nil)
        #expect(visibleToBob.contains { $0.id == shared.id })
        #expect(visibleToBob.filter(\.isTemplate).count == DomainTemplate.all.count)
        await #expect(throws: StoreError.self) {
            try await t.store.domains.save(DomainDraft(name: "x", domainPddl: Self.pddl), to: shared.id!, by: bob.id!, message: "")
        }
        let template = try await t.store.domains.domain(named: "gripper", readableBy: bob.id!)
        #expect(template.isTemplate && template.isPublic)
        await #expect(throws: StoreError.self) {
            try await t.store.domains.save(DomainDraft(name: "x", domainPddl: Self.pddl), to: template.id!, by: bob.id!, message: "")
        }
        await #expect(throws: StoreError.self) { try await t.store.domains.delete(id: template.id!, by: alice.id!) }
        // Copying a template into one's own workspace gives an editable domain.
        let copy = try await t.store.domains.copy(template.id!, into: bobSpace.id!, as: nil, by: bob.id!)
        #expect(copy.workspaceId == bobSpace.id && !copy.isTemplate)
        #expect(try await t.store.domains.domain(named: "gripper", readableBy: bob.id!).id == copy.id)
    }

    @Test("workspace viewers read but cannot write; editors can; only owners manage members")
    func roles() async throws {
        let t = try TestStore()
        let (alice, space) = try await t.user("alice@example.com")
        let (bob, _) = try await t.user("bob@example.com")
        let domain = try await t.store.domains.create(DomainDraft(name: "team", domainPddl: Self.pddl), in: space.id!, by: alice.id!)
        _ = try await t.store.workspaces.invite(email: "bob@example.com", role: .viewer, to: space.id!, by: alice.id!)
        #expect(try await t.store.domains.domain(id: domain.id!, readableBy: bob.id!).name == "team")
        await #expect(throws: StoreError.forbidden("viewers cannot change domains in this workspace")) {
            try await t.store.domains.save(DomainDraft(name: "team", domainPddl: Self.pddl), to: domain.id!, by: bob.id!, message: "")
        }
        await #expect(throws: StoreError.forbidden("only a workspace owner can change its members")) {
            try await t.store.workspaces.setRole(.owner, of: bob.id!, in: space.id!, by: bob.id!)
        }
        try await t.store.workspaces.setRole(.editor, of: bob.id!, in: space.id!, by: alice.id!)
        let saved = try await t.store.domains.save(DomainDraft(name: "team", domainPddl: Self.pddl + " "), to: domain.id!, by: bob.id!, message: "bob")
        #expect(saved.domainPddl.hasSuffix(" "))
        try await t.store.workspaces.remove(bob.id!, from: space.id!, by: alice.id!)
        await #expect(throws: StoreError.notFound("domain \(domain.id!)")) { try await t.store.domains.domain(id: domain.id!, readableBy: bob.id!) }
        await #expect(throws: StoreError.conflict("a workspace needs at least one owner")) {
            try await t.store.workspaces.remove(alice.id!, from: space.id!, by: alice.id!)
        }
    }
}
