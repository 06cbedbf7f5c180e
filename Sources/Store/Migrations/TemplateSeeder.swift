import Foundation
import GRDB

/// Seeds the bundled templates as read-only public domains, each with revision 1. Registered
/// as its own migration so it runs exactly once per database, on first start.
enum TemplateSeeder {
    static func seed(_ db: Database) throws {
        let now = Date()
        for template in DomainTemplate.all {
            var domain = Domain(
                id: nil, workspaceId: nil, name: template.name, description: template.description,
                domainPddl: template.domainPddl, problemPddl: template.problemPddl,
                isPublic: true, isTemplate: true, createdAt: now, updatedAt: now)
            try domain.insert(db)
            var revision = DomainRevision(
                id: nil, domainId: domain.id!, revision: 1, name: template.name,
                description: template.description, domainPddl: template.domainPddl,
                problemPddl: template.problemPddl, authorId: nil, message: "bundled template", createdAt: now)
            try revision.insert(db)
        }
    }
}
