import Foundation
import GRDB
import Testing
@testable import Store

/// Batches of rows written by `store-writer`, read back: batch number → row count.
func writtenBatches(in store: Store) async throws -> [Int: Int] {
    let pairs = try await store.database.read { db in
        try Row.fetchAll(db, sql: """
            SELECT json_extract(extra_data, '$.batch') AS batch, COUNT(*) AS n FROM usage_logs
            WHERE endpoint = '/writer' GROUP BY batch
            """).map { row -> (Int, Int) in (row["batch"], row["n"]) }
    }
    return Dictionary(uniqueKeysWithValues: pairs)
}

@Suite("Crash safety and concurrent writers", .serialized)
struct CrashSafetyTests {
    @Test("SIGKILL during writes 50 times: every committed batch is complete and integrity_check is ok")
    func sigkillLoop() async throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("plansmith.sqlite")
        _ = try Store.open(DatabaseLocation(path: path, createsDirectory: false))
        let rowsPerBatch = 5
        var committed: Set<Int> = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let writer = try WriterProcess(database: path, firstBatch: round * 1_000_000, batches: 1_000_000,
                                           rowsPerBatch: rowsPerBatch, logDirectory: tmp)
            writer.waitForCommits(1)
            #expect(writer.process.isRunning, "writer \(round) stopped early: \(writer.errorOutput)")
            usleep(UInt32.random(in: 0...30_000, using: &generator))  // land the kill at a random point of a write
            writer.kill()
            #expect(writer.process.terminationReason == .uncaughtSignal)
            committed.formUnion(writer.committedBatches)
        }
        let store = try Store.open(DatabaseLocation(path: path, createsDirectory: false))
        #expect(try await store.database.integrityCheck() == "ok")
        let batches = try await writtenBatches(in: store)
        let missing = committed.filter { batches[$0] == nil }
        #expect(missing.isEmpty, "committed but lost: \(missing.sorted().prefix(10))")
        let partial = batches.filter { $0.value != rowsPerBatch }
        #expect(partial.isEmpty, "half-written batches: \(partial)")
        #expect(committed.count >= 50)
        print("SIGKILL loop: 50 kills, \(committed.count) batches reported committed, \(batches.count) present")
    }

    @Test("two writer processes at once both finish, or one gets the clear busy message")
    func twoWriters() async throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("plansmith.sqlite")
        _ = try Store.open(DatabaseLocation(path: path, createsDirectory: false))
        let a = try WriterProcess(database: path, firstBatch: 0, batches: 300, rowsPerBatch: 3, logDirectory: tmp)
        let b = try WriterProcess(database: path, firstBatch: 10_000, batches: 300, rowsPerBatch: 3, logDirectory: tmp)
        a.process.waitUntilExit()
        b.process.waitUntilExit()
        for writer in [a, b] {
            let status = writer.process.terminationStatus
            #expect(status == 0 || (status == 75 && writer.errorOutput.contains("database is busy — another Plansmith is writing; try again")),
                    "exit \(status): \(writer.errorOutput)")
        }
        let store = try Store.open(DatabaseLocation(path: path, createsDirectory: false))
        let batches = try await writtenBatches(in: store)
        for batch in a.committedBatches + b.committedBatches { #expect(batches[batch] == 3) }
        print("two writers: exit codes \(a.process.terminationStatus), \(b.process.terminationStatus); \(batches.count) batches")
    }

    @Test("a writer blocked longer than the busy timeout gets StoreError.busy and its change is not applied")
    func busyError() async throws {
        let tmp = TemporaryDirectory()
        let path = tmp.file("plansmith.sqlite")
        var options = StoreOptions()
        options.busyTimeout = 0.2
        let store = try Store.open(DatabaseLocation(path: path, createsDirectory: false), options: options)
        var holder = Configuration()
        holder.allowsUnsafeTransactions = true  // this connection deliberately keeps a transaction open
        let other = try DatabaseQueue(path: path, configuration: holder)  // stands in for another process
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let started = Date()
        await #expect(throws: StoreError.busy) {
            try await store.usage.record(UsageRecord(endpoint: "/x", method: "GET", statusCode: 200, latencyMs: 1, createdAt: Date()))
        }
        #expect(Date().timeIntervalSince(started) >= 0.19)  // it waited for the timeout, not failed at once
        #expect(StoreError.busy.description == "database is busy — another Plansmith is writing; try again")
        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(try await store.usage.summary(since: nil, until: nil, userId: nil).requests == 0)
        try await store.usage.record(UsageRecord(endpoint: "/x", method: "GET", statusCode: 200, latencyMs: 1, createdAt: Date()))
        #expect(try await store.usage.summary(since: nil, until: nil, userId: nil).requests == 1)
    }
}
