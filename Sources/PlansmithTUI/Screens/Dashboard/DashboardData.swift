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
    /// The workspace the Domains pane shows and new domains go to: the one chosen last (kept in
    /// the preferences) while the user is still in it, else the personal one.
    public var current: WorkspaceInfo?
    /// More than one workspace: the pane title names the current one.
    public var hasTeams = false

    static func load(_ context: AppContext, _ session: UserSession) async throws -> DashboardData {
        let services = context.services, userId = session.userId
        let catalog = try await services.domains.catalog(userId: userId)
        var data = DashboardData()
        data.templates = catalog.templates.map { d in
            DomainRow(id: d.id, label: d.description.isEmpty ? d.name : "\(d.name) — \(d.description)")
        }
        let chosen = session.preferences.currentWorkspace ?? session.workspace.id
        data.current = catalog.workspaces.first { $0.id == chosen }
            ?? catalog.workspaces.first { $0.id == session.workspace.id } ?? catalog.workspaces.first
        data.hasTeams = catalog.workspaces.count > 1
        // Several workspaces: the current one's domains only (the switcher, `w`, changes which).
        data.domains = catalog.own.filter { !data.hasTeams || $0.workspaceId == data.current?.id }.map { d in
            DomainRow(id: d.id, label: d.name)
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
