import Foundation
import Testing
@testable import Store

@Suite("Bundled templates")
struct TemplateTests {
    @Test("at least 8 classic templates are seeded once as public read-only templates with revision 1")
    func seededOnce() async throws {
        let t = try TestStore()
        #expect(DomainTemplate.all.count >= 8)
        let (user, _) = try await t.user("u@example.com")
        let templates = try await t.store.domains.list(readableBy: user.id!, workspaceId: nil).filter(\.isTemplate)
        #expect(Set(templates.map(\.name)) == Set(DomainTemplate.all.map(\.name)))
        #expect(templates.allSatisfy { $0.isPublic && $0.workspaceId == nil && $0.problemPddl != nil })
        for template in templates {
            #expect(try await t.store.domains.history(of: template.id!, readableBy: user.id!).map(\.revision) == [1])
        }
        // Re-opening the same file must not seed again.
        var options = StoreOptions()
        options.passwordCost = .testing
        let reopened = try Store.open(DatabaseLocation(path: t.store.path, createsDirectory: false), options: options)
        let count = try await reopened.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM domains WHERE is_template = 1")
        }
        #expect(count == DomainTemplate.all.count)
    }

    @Test("each template's reference plan solves its problem", arguments: DomainTemplate.all)
    func referencePlanSolves(template: DomainTemplate) throws {
        let domain = try MiniStrips.Domain(parsing: template.domainPddl)
        let problem = try MiniStrips.Problem(parsing: template.problemPddl, domain: domain)
        #expect(try problem.run(template.referencePlan) == .reachesGoal, "\(template.name)")
    }

    @Test("the mini validator catches a broken plan (so the test above can fail)")
    func validatorRejectsBrokenPlan() throws {
        let template = DomainTemplate.all[0]
        let domain = try MiniStrips.Domain(parsing: template.domainPddl)
        let problem = try MiniStrips.Problem(parsing: template.problemPddl, domain: domain)
        #expect(try problem.run(Array(template.referencePlan.dropFirst())) == .failsAt(0))
        #expect(try problem.run(Array(template.referencePlan.dropLast())) == .missesGoal)
    }
}
