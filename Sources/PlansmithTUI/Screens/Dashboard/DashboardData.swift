import Foundation
import PlansmithCore

/// What the Dashboard shows, loaded in one task: the user's domains by workspace, the templates
/// and the recent planning sessions.
public struct DashboardData: Sendable {
    public struct DomainRow: Sendable, Equatable {
        public var id: Int64
        public var label: String
    }

    public struct SessionRow: Sendable, Equatable {
        public var id: Int64
        public var columns: [String]
    }

    public var domains: [DomainRow] = []
    public var templates: [DomainRow] = []
    public var sessions: [SessionRow] = []

    static func load(_ context: AppContext, _ session: UserSession) async throws -> DashboardData {
        let services = context.services, userId = session.userId
        let catalog = try await services.domains.catalog(userId: userId)
        var data = DashboardData()
        data.templates = catalog.templates.map { d in
            DomainRow(id: d.id, label: d.description.isEmpty ? d.name : "\(d.name) — \(d.description)")
        }
        // Several workspaces: prefix each domain with its workspace so the filter finds either.
        let prefixed = catalog.workspaces.count > 1
        data.domains = catalog.own.map { d in
            DomainRow(id: d.id, label: prefixed ? "\(catalog.workspaceName(of: d) ?? "?") / \(d.name)" : d.name)
        }
        data.sessions = try await services.critique.list(userId: userId, domainId: nil, limit: 50).map { s in
            SessionRow(id: s.id, columns: ["#\(s.id)", s.domainName ?? "–", s.status.rawValue,
                                           "\(s.currentIteration)/\(s.maxIterations)", DisplayDate.string(s.startedAt)])
        }
        return data
    }
}

/// A name for a new domain: letters, digits, `-` and `_` (PDDL names), at most 64 characters.
enum DomainName {
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "Type a name for the new domain." }
        if name.count > 64 { return "Keep the name under 64 characters." }
        guard name.first!.isLetter, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            return "'\(name)' is not a PDDL name: start with a letter; use letters, digits, - and _."
        }
        return nil
    }

    /// A valid starting point for a new domain; the chat or the editor fills it in.
    static func skeleton(_ name: String) -> (domain: String, problem: String) {
        ("""
        (define (domain \(name))
          (:requirements :strips :typing)
          (:types item)
          (:predicates (ready ?i - item))
          (:action prepare
            :parameters (?i - item)
            :precondition (and)
            :effect (ready ?i)))
        """, """
        (define (problem \(name)-1)
          (:domain \(name))
          (:objects first - item)
          (:init)
          (:goal (ready first)))
        """)
    }
}
