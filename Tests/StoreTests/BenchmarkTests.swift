import Foundation
import Testing
@testable import Store

@Suite("Store benchmark")
struct BenchmarkTests {
    @Test("the benchmark inserts the rows it claims and every query sees the rows in its range")
    func smallRun() async throws {
        let tmp = TemporaryDirectory()
        let result = try await StoreBenchmark.run(databasePath: tmp.file("bench.sqlite"), rows: 4_000, batchSize: 1_000,
                                                  singleRows: 50)
        #expect(result.rows == 4_000 && result.rowsPerSecond > 0 && result.singleRowsPerSecond > 0)
        let byName = Dictionary(uniqueKeysWithValues: result.queries.map { ($0.name, $0.requests) })
        let all = try #require(byName["Analytics summary, all time"])
        #expect(all > 2_500 && all < 3_500)  // three quarters of the rows are the measured user's
        #expect(byName["plain aggregate over raw rows, all time (before)"] == all)
        #expect(byName["Analytics summary, 24h"]! < byName["Analytics summary, 7d"]!)
        #expect(byName["Analytics summary, 7d"]! < byName["Analytics summary, 30d"]!)
        #expect(byName["Analytics summary, 30d"]! <= all)
        #expect(byName["Analytics table, first page (2,000 rows)"] == 2_000)
        #expect(byName["Analytics table, full (20,000 rows)"] == all)
        print(result)
    }

    @Test("full benchmark: 1,000,000 rows", .enabled(if: ProcessInfo.processInfo.environment["STORE_BENCH"] == "1"))
    func fullRun() async throws {
        let tmp = TemporaryDirectory()
        print(try await StoreBenchmark.run(databasePath: tmp.file("bench.sqlite"), rows: 1_000_000))
    }
}
