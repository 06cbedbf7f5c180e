import Foundation
import Store

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
        let store = context.store, userId = session.userId
        let workspaces = try await store.accounts.workspaces(of: userId)
        let names = Dictionary(workspaces.compactMap { m in m.workspace.id.map { ($0, m.workspace.name) } },
                               uniquingKeysWith: { a, _ in a })
        let all = try await store.domains.list(readableBy: userId, workspaceId: nil)
        var data = DashboardData()
        data.templates = all.filter(\.isTemplate).compactMap { d in
            d.id.map { DomainRow(id: $0, label: d.description.isEmpty ? d.name : "\(d.name) — \(d.description)") }
        }
        // Several workspaces: prefix each domain with its workspace so the filter finds either.
        let prefixed = workspaces.count > 1
        data.domains = all.filter { !$0.isTemplate && $0.workspaceId.map { names[$0] != nil } ?? false }.compactMap { d in
            d.id.map { DomainRow(id: $0, label: prefixed ? "\(names[d.workspaceId!]!) / \(d.name)" : d.name) }
        }
        let domainNames = Dictionary(all.compactMap { d in d.id.map { ($0, d.name) } }, uniquingKeysWith: { a, _ in a })
        data.sessions = try await store.planningSessions.sessions(userId: userId, domainId: nil, limit: 50).compactMap { s in
            s.id.map { id in
                SessionRow(id: id, columns: ["#\(id)", s.domainId.flatMap { domainNames[$0] } ?? "–", s.status.rawValue,
                                             "\(s.currentIteration)/\(s.maxIterations)", DisplayDate.string(s.startedAt)])
            }
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
