import Foundation
import PlansmithCore
import Testing

/// The rules screens rely on, checked on the Store-backed services and on the fakes alike, so a
/// screen test that passes on the fakes would pass on the real services too.
@Suite("Fake services behave like the Store-backed ones")
struct FakeServicesContractTests {
    enum Kind: String, CaseIterable, Sendable { case store, fake }

    /// The services of a fresh app of that kind, with one signed-in user (ada, "correct horse").
    func services(_ kind: Kind) async throws -> (AppServices, SignedIn) {
        switch kind {
        case .store:
            let app = try await TestApp.make()
            return (app.context.services, SignedIn(account: app.session.account, workspace: app.session.workspace))
        case .fake:
            let app = try await FakeApp.make()
            return (app.context.services, SignedIn(account: app.session.account, workspace: app.session.workspace))
        }
    }

    func kind(of error: any Error) -> AppError.Kind? { (error as? AppError)?.kind }

    @Test("accounts: login with the right password only; a local account continues without one", arguments: Kind.allCases)
    func accounts(_ kind: Kind) async throws {
        let (services, ada) = try await services(kind)
        let accounts = services.accounts
        #expect(try await accounts.login(email: "ada@example.com", password: "correct horse").account.id == ada.account.id)
        do {
            _ = try await accounts.login(email: "ada@example.com", password: "wrong horse")
            Issue.record("a wrong password signed in")
        } catch { #expect(self.kind(of: error) == .invalidCredentials) }
        do {
            _ = try await accounts.login(email: "nobody@example.com", password: "correct horse")
            Issue.record("an unknown email signed in")
        } catch { #expect(self.kind(of: error) == .invalidCredentials) }
        await #expect(throws: AppError.self) { _ = try await accounts.continueAsLocal(email: "ada@example.com") }
        #expect(try await accounts.localAccount() == nil)
        try await accounts.setPreferences(#"{"themeName":"light"}"#, userId: ada.account.id)
        #expect(try await accounts.account(ada.account.id).preferences == #"{"themeName":"light"}"#)
        await #expect(throws: AppError.self) { _ = try await accounts.account(987_654) }
    }

    @Test("domains: copy a template, save → next revision, history newest first, restore, delete", arguments: Kind.allCases)
    func domains(_ kind: Kind) async throws {
        let (services, ada) = try await services(kind)
        let domains = services.domains, userId = ada.account.id
        let catalog = try await domains.catalog(userId: userId)
        #expect(catalog.own.isEmpty)
        #expect(catalog.templates.map(\.name).sorted() == catalog.templates.map(\.name))
        let template = try #require(catalog.templates.first { $0.name == "blocksworld" })
        let copy = try await domains.copy(template.id, into: ada.workspace.id, as: "mine", userId: userId)
        #expect(copy.revision == 1 && copy.domainPddl.contains("(define (domain blocksworld)") && copy.hasProblem)
        var contents = DomainContents(name: "mine", domainPddl: copy.domainPddl + "\n; two", problemPddl: copy.problemPddl)
        #expect(try await domains.save(contents, to: copy.id, message: "second", userId: userId).revision == 2)
        contents.domainPddl += "\n; three"
        #expect(try await domains.save(contents, to: copy.id, message: "third", userId: userId).revision == 3)
        #expect(try await domains.history(of: copy.id, userId: userId).map(\.revision) == [3, 2, 1])
        let restored = try await domains.restore(copy.id, revision: 1, userId: userId)
        #expect(restored.revision == 4 && restored.domainPddl == copy.domainPddl)
        #expect(try await domains.catalog(userId: userId).own.map(\.name) == ["mine"])
        #expect(try await domains.find(named: "mine", userId: userId).id == copy.id)

        // A second copy under the same name is refused; templates cannot be saved over.
        await #expect(throws: AppError.self) { _ = try await domains.copy(template.id, into: ada.workspace.id, as: "mine", userId: userId) }
        do {
            _ = try await domains.save(contents, to: template.id, message: "no", userId: userId)
            Issue.record("a template was saved over")
        } catch { #expect(self.kind(of: error) == .forbidden) }

        try await domains.delete(copy.id, userId: userId)
        for id in [copy.id, 987_654] {
            do {
                _ = try await domains.open(id, userId: userId)
                Issue.record("domain \(id) opened")
            } catch { #expect(self.kind(of: error) == .notFound) }
        }
    }

    @Test("domains: another user's private domain is not found; a public one is shared, not own", arguments: Kind.allCases)
    func otherUsersDomains(_ kind: Kind) async throws {
        let (services, ada) = try await services(kind)
        let domains = services.domains
        let bob = try await services.accounts.register(email: "bob@example.com", password: "another horse")
        let template = try #require(try await domains.catalog(userId: ada.account.id).templates.first)
        let secret = try await domains.copy(template.id, into: bob.workspace.id, as: "bobs-secret", userId: bob.account.id)
        var open = DomainContents(name: "bobs-public", domainPddl: secret.domainPddl, isPublic: true)
        open.problemPddl = secret.problemPddl
        let shared = try await domains.create(open, in: bob.workspace.id, userId: bob.account.id)
        do {
            _ = try await domains.open(secret.id, userId: ada.account.id)
            Issue.record("another user's private domain opened")
        } catch { #expect(self.kind(of: error) == .notFound) }
        let catalog = try await domains.catalog(userId: ada.account.id)
        #expect(catalog.own.isEmpty && catalog.shared.map(\.id) == [shared.id])
        await #expect(throws: AppError.self) {
            _ = try await domains.save(open, to: shared.id, message: "mine now", userId: ada.account.id)
        }
        await #expect(throws: AppError.self) {
            _ = try await domains.copy(template.id, into: bob.workspace.id, as: "intruder", userId: ada.account.id)
        }
    }

    @Test("keys: the secret verifies until revoked; a revoked key cannot be rotated; bad expiry is refused", arguments: Kind.allCases)
    func keys(_ kind: Kind) async throws {
        let (services, ada) = try await services(kind)
        let keys = services.keys, userId = ada.account.id
        let created = try await keys.create(name: "ci", rateLimit: 30, expiresInDays: 10, userId: userId)
        #expect(created.secret.hasPrefix("psk_") && created.secret.count == 47 && created.secret.hasPrefix(created.key.prefix))
        #expect(try await keys.verify(created.secret).keyId == created.key.id)
        let rotated = try await keys.rotate(created.key.id, userId: userId)
        #expect(rotated.key.name == "ci" && rotated.key.rateLimit == 30 && rotated.secret != created.secret)
        #expect(try await keys.list(userId: userId).map(\.status) == [.active, .revoked], "newest first")
        await #expect(throws: AppError.self) { _ = try await keys.verify(created.secret) }
        try await keys.revoke(rotated.key.id, userId: userId)
        try await keys.revoke(rotated.key.id, userId: userId)   // twice is harmless
        do {
            _ = try await keys.rotate(rotated.key.id, userId: userId)
            Issue.record("a revoked key was rotated")
        } catch { #expect(self.kind(of: error) == .conflict) }
        do {
            _ = try await keys.create(name: "far", rateLimit: nil, expiresInDays: 0, userId: userId)
            Issue.record("an expiry of 0 days was accepted")
        } catch { #expect(self.kind(of: error) == .invalidInput) }
        do {
            try await keys.revoke(987_654, userId: userId)
            Issue.record("an unknown key was revoked")
        } catch { #expect(self.kind(of: error) == .notFound) }
    }

    @Test("sessions and chats: an unknown session is not found; a domain without chats has none", arguments: Kind.allCases)
    func sessionsAndChats(_ kind: Kind) async throws {
        let (services, ada) = try await services(kind)
        #expect(try await services.critique.list(userId: ada.account.id, domainId: nil, limit: 10).isEmpty)
        do {
            _ = try await services.critique.history(987_654, userId: ada.account.id)
            Issue.record("an unknown session was found")
        } catch { #expect(self.kind(of: error) == .notFound) }
        let template = try #require(try await services.domains.catalog(userId: ada.account.id).templates.first)
        #expect(try await services.chats.latest(domainId: template.id, userId: ada.account.id, provider: nil) == nil)
    }
}
