import Foundation
import Testing
@testable import Store

@Suite("Store benchmark")
struct BenchmarkTests {
    @Test("the benchmark inserts the rows it claims and every aggregate sees all of them")
    func smallRun() async throws {
        let tmp = TemporaryDirectory()
        let result = try await StoreBenchmark.run(databasePath: tmp.file("bench.sqlite"), rows: 2_500, batchSize: 1_000)
        #expect(result.rows == 2_500 && result.rowsPerSecond > 0)
        #expect(result.queries.map(\.name) == ["summary, all time", "summary, last 7 days", "summary, one user"])
        #expect(result.queries[0].requests == 2_500 && result.queries[2].requests == 2_500)
        #expect(result.queries[1].requests > 0 && result.queries[1].requests < 2_500)
        print(result)
    }

    @Test("full benchmark: 100,000 rows", .enabled(if: ProcessInfo.processInfo.environment["STORE_BENCH"] == "1"))
    func fullRun() async throws {
        let tmp = TemporaryDirectory()
        print(try await StoreBenchmark.run(databasePath: tmp.file("bench.sqlite")))
    }
}
