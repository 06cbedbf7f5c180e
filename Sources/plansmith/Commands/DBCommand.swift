import ArgumentParser
import Foundation
import Store

/// `plansmith db …`: moving a database between backends.
struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Move a local database to a PostgreSQL server.",
        subcommands: [DBMigrateCommand.self])
}

struct DBMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy every row of a SQLite database into an empty PostgreSQL database, then check it.",
        discussion: """
        Users (with their password hashes), workspaces, domains and revisions, chats, planning \
        sessions and iterations, API keys and usage rows are copied with their ids in one \
        PostgreSQL transaction; afterwards both databases are read back and every table's row \
        count and SHA-256 content hash are compared. The target must have no accounts yet. \
        The SQLite file is only read (an older file is first brought up to the current schema). Exit status: 0 copied and identical, 1 refused (target in \
        use) or a table differs, 2 usage or I/O problem.
        """)

    @Option(help: ArgumentHelp("The SQLite database file to copy.", valueName: "path")) var from: String
    @Option(help: ArgumentHelp("The PostgreSQL database to fill.", valueName: "postgres://…")) var to: String
    @Flag(help: "Print the per-table report as JSON.") var json = false

    func run() async throws {
        let report: TransferReport
        do {
            let target = try PostgresLocation(url: to)
            guard FileManager.default.fileExists(atPath: from) else {
                throw StoreError.cannotOpen(path: from, reason: "no such file")
            }
            let source = try Store.open(DatabaseLocation(path: from, createsDirectory: false))
            let database = try await PostgresStoreDatabase.open(target)
            defer { database.close() }
            report = try await SQLiteToPostgres.copy(from: source.database, to: database)
        } catch let error as StoreError {
            Console.error("plansmith db migrate: error: \(error.description)\n")
            throw ExitCode(StoreFailure.exitCode(for: error))
        }
        if json {
            Console.json(["matches": report.matches, "tables": report.tables.map { t in
                ["name": t.name, "source_rows": t.sourceRows, "target_rows": t.targetRows,
                 "source_sha256": t.sourceHash, "target_sha256": t.targetHash, "matches": t.matches] as [String: Any]
            }])
        } else {
            let rows = report.tables.map { t in
                [t.name, String(t.sourceRows), String(t.targetRows), String(t.sourceHash.prefix(16)), t.matches ? "ok" : "DIFFERS"]
            }
            Console.out(StoreFormatting.table(["table", "sqlite rows", "postgres rows", "sha-256", "check"], rows))
            Console.out(report.matches ? "copied; every table's rows and hash match\n" : "copy DIFFERS from the source (see above)\n")
        }
        if !report.matches { throw ExitCode(1) }
    }
}
