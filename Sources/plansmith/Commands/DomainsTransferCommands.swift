import ArgumentParser
import Foundation
import Store

struct DomainsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Save a .pddl domain (and problem) into your workspace.",
        discussion: """
        The files are validated first; files with errors are refused (exit 1) with compiler-style \
        diagnostics on stderr, unless --force. The name defaults to the one in (define (domain NAME)). \
        Importing a name you already have saves the files as that domain's next revision \
        (without a PROBLEM file, the saved problem is kept).
        """)

    @OptionGroup var store: StoreArguments
    @Argument(help: "The domain file.") var domainFile: String
    @Argument(help: "A problem file to keep with it.") var problemFile: String?
    @Option(help: "Save under this name instead of the one in the file.") var name: String?
    @OptionGroup var choice: WorkspaceChoice
    @Flag(help: "Import even when the PDDL has errors.") var force = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let check: PDDLImportCheck
        do {
            check = try PDDLImportCheck.run(domainPath: domainFile, problemPath: problemFile)
        } catch let error as InputError {
            Console.error("plansmith domains import: \(error)\n")
            throw ExitCode(2)
        }
        if check.hasErrors && !force {
            Console.error(check.rendered)
            Console.error("plansmith domains import: not imported: \(check.errors) error(s); fix them or use --force\n")
            if json { Console.json(["imported": false, "errors": check.errors, "diagnostics": check.diagnosticsJSON]) }
            throw ExitCode(1)
        }
        if check.warnings > 0 && !json { Console.error(check.rendered) }
        let (domain, revision) = try await store.withSession("domains import") { session in
            try await save(check, session)
        }
        if json {
            var object = domain.summaryJSON
            object["imported"] = true
            object["revision"] = revision
            object["errors"] = check.errors
            object["warnings"] = check.warnings
            Console.json(object)
        } else {
            let what = revision == 1 ? "imported" : "saved revision \(revision) of"
            Console.out("\(what) '\(domain.name)' (id \(domain.id ?? 0))\(domain.problemPddl == nil ? "" : " with its problem")\n")
        }
    }

    /// Creates the domain, or appends a revision when the user's workspace already has the name
    /// (re-importing an edited domain file is the everyday way to save a new version).
    private func save(_ check: PDDLImportCheck, _ session: StoreSession) async throws -> (Domain, Int) {
        let domains = session.store.domains
        let wanted = name ?? check.domainName
        let workspace = try await session.workspace(named: choice.workspace)
        let mine = try await domains.list(readableBy: session.userId, workspaceId: workspace.id)
        if let wanted, var existing = mine.first(where: { $0.name == wanted }) {
            let draft = DomainDraft(name: existing.name, description: existing.description,
                                    domainPddl: check.domainText, problemPddl: check.problemText ?? existing.problemPddl,
                                    isPublic: existing.isPublic)
            let file = (domainFile as NSString).lastPathComponent
            existing = try await domains.save(draft, to: existing.id!, by: session.userId, message: "imported \(file)")
            let revision = try await domains.history(of: existing.id!, readableBy: session.userId).first?.revision ?? 1
            return (existing, revision)
        }
        let created = try await domains.importPDDL(domain: check.domainText, problem: check.problemText, name: name,
                                                   into: session.workspace.id!, by: session.userId)
        return (created, 1)
    }
}

struct DomainsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a domain to NAME-domain.pddl (and NAME-problem.pddl).",
        discussion: "Files are written atomically with exactly the bytes that were imported or saved.")

    @OptionGroup var store: StoreArguments
    @Argument(help: "The domain's name.") var name: String
    @Option(help: ArgumentHelp("The directory to write into (default: the current one).", valueName: "dir"))
    var to: String = "."
    @Flag(help: "Print one JSON object listing the files written.") var json = false

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: to, isDirectory: &isDirectory), isDirectory.boolValue else {
            Console.error("plansmith domains export: error: \(to) is not a directory\n")
            throw ExitCode(2)
        }
        let files = try await store.withSession("domains export") { session in
            let domain = try await session.store.domains.domain(named: name, readableBy: session.userId)
            do {
                return try await session.store.domains.exportFiles(domain.id!, readableBy: session.userId, to: to)
            } catch StoreError.invalidInput(let reason) {
                Console.error("plansmith domains export: error: \(reason)\n")  // a write failure is I/O
                throw ExitCode(2)
            }
        }
        if json {
            Console.json(["name": name, "files": files])
        } else {
            Console.out(files.map { "wrote \($0)\n" }.joined())
        }
    }
}

struct DomainsHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List a domain's revisions, newest first.")

    @OptionGroup var store: StoreArguments
    @Argument(help: "The domain's name.") var name: String
    @Flag(help: "Print one JSON object instead of a table.") var json = false

    func run() async throws {
        let (domain, revisions) = try await store.withSession("domains history") { session in
            try await session.domainWithHistory(named: name)
        }
        if json {
            Console.json(["name": domain.name, "id": domain.id ?? 0, "revisions": revisions.map { revision in
                ["revision": revision.revision, "message": revision.message, "name": revision.name,
                 "created_at": StoreFormatting.json(revision.createdAt),
                 "domain_bytes": revision.domainPddl.utf8.count,
                 "problem_bytes": revision.problemPddl.map { $0.utf8.count as Any } ?? NSNull()] as [String: Any]
            }])
            return
        }
        let rows = revisions.map { revision in
            [String(revision.revision), StoreFormatting.text(revision.createdAt),
             "\(revision.domainPddl.utf8.count) B", revision.message]
        }
        Console.out(StoreFormatting.table(["rev", "saved", "domain", "message"], rows))
    }
}
