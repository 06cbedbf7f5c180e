import Foundation
import Hummingbird
import PlansmithCore

/// Domains through `DomainService`: list, get, create, update (a new revision), delete, history,
/// restore, export. What the caller cannot read is 404; what they can read but not change is 403.
struct DomainRoutes {
    let domains: any DomainService

    struct DomainBody: Codable, Sendable {
        var id: Int64
        var workspaceId: Int64?
        var name: String
        var description: String
        var isPublic: Bool
        var isTemplate: Bool
        var updatedAt: Date
        var domainPddl: String?
        var problemPddl: String?
        var revision: Int?

        init(_ summary: DomainSummary) {
            id = summary.id; workspaceId = summary.workspaceId; name = summary.name; description = summary.description
            isPublic = summary.isPublic; isTemplate = summary.isTemplate; updatedAt = summary.updatedAt
        }

        init(_ document: DomainDocument) {
            self.init(document.summary)
            domainPddl = document.domainPddl
            problemPddl = document.problemPddl
            revision = document.revision
        }
    }

    struct Catalog: Codable, Sendable {
        var workspaces: [WorkspaceInfo]
        var own: [DomainBody]
        var templates: [DomainBody]
        var shared: [DomainBody]
    }

    struct CreateDomain: Codable, Sendable {
        var name: String
        var description: String?
        var domainPddl: String
        var problemPddl: String?
        var isPublic: Bool?
        var workspaceId: Int64?
    }

    struct UpdateDomain: Codable, Sendable {
        var name: String?
        var description: String?
        var domainPddl: String?
        var problemPddl: String?
        var isPublic: Bool?
        var message: String?
    }

    struct Restore: Codable, Sendable { var revision: Int }
    struct Revisions: Codable, Sendable { var revisions: [RevisionInfo] }

    func add(to routes: RouteRegistrar) {
        routes.add(.get, "/v1/domains") { _, context in
            let caller = try context.authenticated()
            let catalog = try await domains.catalog(userId: caller.userId)
            return try JSONCoding.response(Catalog(workspaces: catalog.workspaces, own: catalog.own.map(DomainBody.init),
                                                   templates: catalog.templates.map(DomainBody.init),
                                                   shared: catalog.shared.map(DomainBody.init)))
        }
        routes.add(.post, "/v1/domains") { request, context in
            let caller = try context.authenticated()
            let body = try await request.decodeJSON(CreateDomain.self, context: context)
            let workspace: Int64
            if let given = body.workspaceId {
                workspace = given
            } else {
                // The caller's own workspace (their personal one is the first they own).
                let catalog = try await domains.catalog(userId: caller.userId)
                guard let own = catalog.workspaces.filter({ $0.role == .owner }).map(\.id).min() else {
                    throw APIError.conflict("you have no workspace to create domains in")
                }
                workspace = own
            }
            let contents = DomainContents(name: body.name, description: body.description ?? "", domainPddl: body.domainPddl,
                                          problemPddl: body.problemPddl ?? "", isPublic: body.isPublic ?? false)
            let created = try await domains.create(contents, in: workspace, userId: caller.userId)
            return try JSONCoding.response(DomainBody(created), status: .created)
        }
        routes.add(.get, "/v1/domains/{id}") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "domain")
            return try JSONCoding.response(DomainBody(try await domains.open(id, userId: caller.userId)))
        }
        routes.add(.put, "/v1/domains/{id}") { request, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "domain")
            let body = try await request.decodeJSON(UpdateDomain.self, context: context)
            let current = try await domains.open(id, userId: caller.userId)
            // Omitted fields keep their current values: a client may send only what changed.
            let contents = DomainContents(name: body.name ?? current.name, description: body.description ?? current.summary.description,
                                          domainPddl: body.domainPddl ?? current.domainPddl,
                                          problemPddl: body.problemPddl ?? current.problemPddl,
                                          isPublic: body.isPublic ?? current.summary.isPublic)
            let saved = try await domains.save(contents, to: id, message: body.message ?? "", userId: caller.userId)
            return try JSONCoding.response(DomainBody(saved))
        }
        routes.add(.delete, "/v1/domains/{id}") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "domain")
            try await domains.delete(id, userId: caller.userId)
            return Response(status: .noContent)
        }
        for (action, isPublic) in [("publish", true), ("unpublish", false)] {
            routes.add(.post, "/v1/domains/{id}/\(action)") { _, context in
                let caller = try context.authenticated()
                let id = try context.parameters.id("id", what: "domain")
                return try JSONCoding.response(DomainBody(try await domains.setPublic(id, isPublic, userId: caller.userId)))
            }
        }
        routes.add(.get, "/v1/domains/{id}/history") { _, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "domain")
            return try JSONCoding.response(Revisions(revisions: try await domains.history(of: id, userId: caller.userId)))
        }
        routes.add(.post, "/v1/domains/{id}/restore") { request, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "domain")
            let body = try await request.decodeJSON(Restore.self, context: context)
            return try JSONCoding.response(DomainBody(try await domains.restore(id, revision: body.revision, userId: caller.userId)))
        }
        routes.add(.get, "/v1/domains/{id}/export") { request, context in
            let caller = try context.authenticated()
            let id = try context.parameters.id("id", what: "domain")
            let document = try await domains.open(id, userId: caller.userId)
            // `?part=domain|problem`: the PDDL file itself, ready to save; otherwise both in JSON.
            switch request.uri.queryParameters.get("part") {
            case "domain": return Self.pddl(document.domainPddl, name: "\(document.name)-domain.pddl")
            case "problem":
                guard document.hasProblem else { throw APIError.notFound("\(document.name) has no problem") }
                return Self.pddl(document.problemPddl, name: "\(document.name)-problem.pddl")
            case nil, "": return try JSONCoding.response(DomainBody(document))
            case let other?: throw APIError.invalidInput("part must be 'domain' or 'problem', not '\(other)'")
            }
        }
    }

    static func pddl(_ text: String, name: String) -> Response {
        let safe = name.filter { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"\(safe)\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
