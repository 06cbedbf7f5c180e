import ArgumentParser
import Foundation
import Store

/// `domains publish|unpublish NAME`: let every account read a domain (read-only), or stop.
struct DomainsPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Make a domain readable (read-only) by every account. Owners and editors only.")

    @OptionGroup var target: DomainTarget
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws { try await target.setPublic(true, command: "domains publish", json: json) }
}

struct DomainsUnpublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpublish", abstract: "Make a published domain private to its workspace again.")

    @OptionGroup var target: DomainTarget
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws { try await target.setPublic(false, command: "domains unpublish", json: json) }
}

/// `domains delete NAME`: the domain and every revision of it. On a terminal it asks first.
struct DomainsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a domain and all its revisions. Owners and editors only.",
        discussion: "On a terminal this asks for confirmation unless --yes is given; scripts (no terminal) are not asked.")

    @OptionGroup var target: DomainTarget
    @Flag(name: .shortAndLong, help: "Do not ask for confirmation.") var yes = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let deleted = try await target.store.withSession("domains delete") { session -> (Domain, Int)? in
            let domain = try await target.domain(in: session)
            let revisions = try await session.store.domains.history(of: domain.id!, readableBy: session.userId).count
            if !yes, isatty(STDIN_FILENO) == 1 {
                Console.error("Delete domain \(domain.name) and its \(revisions) revision\(revisions == 1 ? "" : "s")? y/N ")
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else { return nil }
            }
            try await session.store.domains.delete(id: domain.id!, by: session.userId)
            return (domain, revisions)
        }
        guard let (domain, revisions) = deleted else {
            Console.error("plansmith domains delete: not deleted\n")
            throw ExitCode(1)
        }
        if json { Console.json(["deleted": true, "id": domain.id ?? 0, "name": domain.name, "revisions": revisions]) }
        else { Console.out("deleted '\(domain.name)' and its \(revisions) revision\(revisions == 1 ? "" : "s")\n") }
    }
}

/// A domain named on the command line, optionally in one workspace (`--workspace`).
struct DomainTarget: ParsableArguments {
    @OptionGroup var store: StoreArguments
    @Argument(help: "The domain's name.") var name: String
    @Option(help: ArgumentHelp("The workspace the domain is in (a name or an id; default: yours first, then public).",
                               valueName: "name"))
    var workspace: String?

    func domain(in session: StoreSession) async throws -> Domain {
        guard let workspace else { return try await session.store.domains.domain(named: name, readableBy: session.userId) }
        let space = try await session.workspace(named: workspace)
        let found = try await session.store.domains.list(readableBy: session.userId, workspaceId: space.id)
        guard let domain = found.first(where: { $0.name == name }) else {
            throw StoreError.notFound("domain '\(name)' in workspace \(space.name)")
        }
        return domain
    }

    func setPublic(_ isPublic: Bool, command: String, json: Bool) async throws {
        let changed = try await store.withSession(command) { session in
            let found = try await domain(in: session)
            return try await session.store.domains.setPublic(found.id!, isPublic, by: session.userId)
        }
        if json { Console.json(changed.summaryJSON) }
        else { Console.out("'\(changed.name)' is now \(changed.kind)\n") }
    }
}
