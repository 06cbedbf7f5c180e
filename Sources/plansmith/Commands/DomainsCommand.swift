import ArgumentParser
import Foundation
import Store

/// `plansmith domains …`: the saved domains, from scripts.
struct DomainsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "domains",
        abstract: "List, show, import, export and trace the history of saved domains.",
        discussion: """
        Works on the Plansmith database (--db, else $PLANSMITH_DB, else \
        $XDG_DATA_HOME/plansmith/plansmith.sqlite) as the local user (--user, else $PLANSMITH_USER). \
        Bundled templates are listed too and are read-only. Imports go to the current workspace \
        (`plansmith workspaces use`) or --workspace NAME.

        Exit status: 0 done, 1 refused (unknown domain, PDDL errors on import, name taken), \
        2 usage or I/O problem (damaged, busy, read-only or full database; unreadable file).
        """,
        subcommands: [DomainsListCommand.self, DomainsShowCommand.self, DomainsImportCommand.self,
                      DomainsExportCommand.self, DomainsHistoryCommand.self, DomainsPublishCommand.self,
                      DomainsUnpublishCommand.self, DomainsDeleteCommand.self])
}

struct DomainsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the domains you can read: yours, public ones and templates.")

    @OptionGroup var store: StoreArguments
    @Option(help: ArgumentHelp("Only this workspace's domains (a name or an id).", valueName: "name"))
    var workspace: String?
    @Flag(help: "Print one JSON object instead of a table.") var json = false

    func run() async throws {
        let domains = try await store.withSession("domains list") { session in
            var only: Int64?
            if let workspace { only = try await session.workspace(named: workspace).id }
            return try await session.store.domains.list(readableBy: session.userId, workspaceId: only)
        }
        if json {
            Console.json(["domains": domains.map(\.summaryJSON)])
            return
        }
        let rows = domains.map { domain in
            [String(domain.id ?? 0), domain.name, domain.kind, domain.problemPddl == nil ? "no" : "yes",
             domain.isTemplate ? "-" : StoreFormatting.text(domain.updatedAt)]
        }
        Console.out(StoreFormatting.table(["id", "name", "kind", "problem", "updated"], rows))
    }
}

struct DomainsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a domain (and its problem) with its details.")

    @OptionGroup var store: StoreArguments
    @Argument(help: "The domain's name.") var name: String
    @Flag(help: "Print one JSON object (details plus the PDDL text).") var json = false

    func run() async throws {
        let (domain, revisions) = try await store.withSession("domains show") { session in
            let (domain, history) = try await session.domainWithHistory(named: name)
            return (domain, history.count)
        }
        if json {
            var object = domain.summaryJSON
            object["description"] = domain.description
            object["revisions"] = revisions
            object["created_at"] = StoreFormatting.json(domain.createdAt)
            object["domain_pddl"] = domain.domainPddl
            object["problem_pddl"] = domain.problemPddl ?? NSNull()
            Console.json(object)
            return
        }
        var header = ";; \(domain.name) — \(domain.kind), revision \(revisions), updated \(StoreFormatting.text(domain.updatedAt))"
        if !domain.description.isEmpty { header += "\n;; \(domain.description)" }
        var text = header + "\n" + domain.domainPddl.withTrailingNewline
        if let problem = domain.problemPddl { text += "\n;; problem\n" + problem.withTrailingNewline }
        Console.out(text)
    }
}

extension Domain {
    /// "template", "public" or "private": how others see this domain.
    var kind: String { isTemplate ? "template" : isPublic ? "public" : "private" }

    var summaryJSON: [String: Any] {
        ["id": id ?? 0, "name": name, "template": isTemplate, "public": isPublic,
         "workspace_id": workspaceId.map { $0 as Any } ?? NSNull(), "has_problem": problemPddl != nil,
         "updated_at": StoreFormatting.json(updatedAt)]
    }
}

extension String {
    var withTrailingNewline: String { hasSuffix("\n") ? self : self + "\n" }
}
