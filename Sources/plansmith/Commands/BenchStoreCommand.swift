import ArgumentParser
import Foundation
import Store

/// `plansmith bench-store`: usage-log insert rate and Analytics query times on a throw-away
/// database, as JSON for `scripts/bench store`. Hidden: a measuring tool, not a user feature.
struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store",
        abstract: "Measure usage-log inserts and aggregate queries (used by scripts/bench store).",
        shouldDisplay: false)

    @Option(help: "How many usage rows to insert.") var rows: Int = 100_000
    @Option(help: "Rows per transaction.") var batchSize: Int = 1_000
    @Option(help: ArgumentHelp("Measure an (empty) PostgreSQL database instead of a fresh SQLite file.",
                               valueName: "postgres://…")) var postgres: String?

    func validate() throws {
        if rows < 1 || batchSize < 1 { throw ValidationError("--rows and --batch-size must be at least 1") }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result: StoreBenchmarkResult
        do {
            result = try await postgres != nil
                ? StoreBenchmark.run(postgres: try PostgresLocation(url: postgres!), rows: rows, batchSize: batchSize)
                : StoreBenchmark.run(databasePath: directory.appendingPathComponent("bench.sqlite").path,
                                                  rows: rows, batchSize: batchSize)
        } catch let error as StoreError {
            Console.error("plansmith bench-store: error: \(error.description)\n")
            throw ExitCode(2)
        }
        Console.json([
            "backend": result.backend, "rows": result.rows, "batch_size": result.batchSize, "insert_s": result.insertSeconds,
            "rows_per_s": result.rowsPerSecond, "file_bytes": result.fileBytes,
            "queries": result.queries.map { ["name": $0.name, "ms": $0.seconds * 1000, "rows": $0.requests] as [String: Any] },
        ])
    }
}
