import ArgumentParser
import Foundation
import Store

/// `plansmith bench-store`: usage-log insert rates, Analytics query times and the two-writer
/// kill -9 check on a throw-away database, as JSON for `scripts/bench store`. Hidden: a
/// measuring tool, not a user feature.
struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store",
        abstract: "Measure usage-log inserts, aggregate queries and concurrent writers (used by scripts/bench store).",
        shouldDisplay: false)

    @Option(help: "How many usage rows to insert.") var rows: Int = 100_000
    @Option(help: "Rows per transaction.") var batchSize: Int = 1_000
    @Option(help: "Single-row inserts (one transaction each) after the batches.") var singleRows: Int = 1_000
    @Option(help: "Seconds the two writer processes run (0: skip the kill -9 check).") var writerSeconds: Double = 8
    @Flag(help: "Skip timing the plain aggregate over every row (the before figure).") var noScan = false
    @Option(help: ArgumentHelp("Measure an (empty) PostgreSQL database instead of a fresh SQLite file.",
                               valueName: "postgres://…")) var postgres: String?

    func validate() throws {
        if rows < 1 || batchSize < 1 || singleRows < 0 { throw ValidationError("--rows and --batch-size must be at least 1") }
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The writer processes are this executable again, as `bench-store-writer`.
        let writer = writerSeconds > 0 ? [Bundle.main.executablePath ?? CommandLine.arguments[0], "bench-store-writer"] : nil
        let result: StoreBenchmarkResult
        do {
            if let postgres {
                result = try await StoreBenchmark.run(postgres: try PostgresLocation(url: postgres), url: postgres, rows: rows,
                                                      batchSize: batchSize, singleRows: singleRows, writerCommand: writer,
                                                      writerSeconds: writerSeconds, scanBaseline: !noScan)
            } else {
                result = try await StoreBenchmark.run(databasePath: directory.appendingPathComponent("bench.sqlite").path,
                                                      rows: rows, batchSize: batchSize, singleRows: singleRows,
                                                      writerCommand: writer, writerSeconds: writerSeconds, scanBaseline: !noScan)
            }
        } catch let error as StoreError {
            Console.error("plansmith bench-store: error: \(error.description)\n")
            throw ExitCode(2)
        }
        var json: [String: Any] = [
            "backend": result.backend, "rows": result.rows, "batch_size": result.batchSize, "insert_s": result.insertSeconds,
            "rows_per_s": result.rowsPerSecond, "single_rows": result.singleRows, "single_rows_per_s": result.singleRowsPerSecond,
            "file_bytes": result.fileBytes,
            "queries": result.queries.map {
                ["name": $0.name, "ms": $0.seconds * 1000, "first_ms": $0.firstSeconds * 1000, "rows": $0.requests] as [String: Any]
            },
        ]
        if let w = result.writers {
            json["writers"] = [
                "tasks_per_writer": w.tasksPerWriter, "seconds": w.seconds, "killed_after_s": w.killedAfter,
                "killed_acknowledged": w.killedWrites, "survivor_acknowledged": w.survivorWrites,
                "acknowledged_batches": w.audit.acknowledgedBatches, "acknowledged_revisions": w.audit.acknowledgedRevisions,
                "present_batches": w.audit.presentBatches, "present_revisions": w.audit.presentRevisions,
                "missing_batches": w.audit.missingBatches, "missing_revisions": w.audit.missingRevisions,
                "partial_batches": w.audit.partialBatches, "integrity": w.audit.integrity,
                "rollups_match": w.audit.rollupsMatch, "passed": w.audit.passed,
            ] as [String: Any]
        }
        Console.json(json)
    }
}

/// `plansmith bench-store-writer LOCATION TAG TASKS SECONDS`: one writer process of the kill -9
/// check (`ConcurrentWriter`), started by `bench-store`. Prints one line per acknowledged write
/// straight to stdout (unbuffered), so the lines survive SIGKILL.
struct BenchStoreWriterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store-writer", abstract: "One writer process of bench-store's kill -9 check.",
        shouldDisplay: false)

    @Argument var location: String
    @Argument var tag: String
    @Argument var tasks: Int
    @Argument var seconds: Double

    func run() async throws {
        try await ConcurrentWriter.run(location: location, tag: tag, tasks: tasks, seconds: seconds) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
