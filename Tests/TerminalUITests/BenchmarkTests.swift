import Foundation
import Testing
@testable import TerminalUI

@Suite("Benchmark entry point")
@MainActor
struct BenchmarkTests {
    @Test("runs, reports valid JSON, and incremental frames write far fewer cells than a full frame")
    func smoke() throws {
        let report = TUIBenchmark.run(iterations: 5)
        #expect(report.keystrokeToFrame.samples == 5)
        #expect(report.cellsPerIncrementalFrame > 0)
        #expect(report.cellsPerIncrementalFrame < 200 * 60 / 10)
        let object = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        #expect(object?["open_5000_lines_ms"] != nil)
    }
}
