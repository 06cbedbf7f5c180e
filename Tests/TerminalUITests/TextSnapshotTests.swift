import Foundation
import PlansmithTestSupport
import Testing

/// The shared snapshot rules every target's `assertSnapshot` relies on.
@Suite("Text snapshots")
struct TextSnapshotTests {
    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("text-snapshot-\(UUID().uuidString)")
    }

    @Test("lines are framed by | so trailing spaces show, one per line")
    func framing() {
        #expect(TextSnapshot.framed(["ab ", ""]) == "|ab |\n||\n")
    }

    @Test("a missing snapshot fails and carries the text it would have held")
    func missingFails() throws {
        let failure = try #require(TextSnapshot.check("|x|\n", named: "none", in: temporaryDirectory(), environment: [:]))
        #expect(failure.contains("missing snapshot") && failure.hasSuffix("|x|\n"))
    }

    @Test("recording writes the file and still fails; the next run without recording passes, a change fails")
    func recordThenCompare() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recorded = TextSnapshot.check("|a|\n", named: "s", in: directory, environment: ["RECORD_SNAPSHOTS": "1"])
        #expect(recorded?.contains("recorded snapshot s") == true)
        #expect(try String(contentsOf: directory.appendingPathComponent("s.txt"), encoding: .utf8) == "|a|\n")
        #expect(TextSnapshot.check("|a|\n", named: "s", in: directory, environment: [:]) == nil)
        let differs = try #require(TextSnapshot.check("|b|\n", named: "s", in: directory, environment: [:]))
        #expect(differs.contains("--- expected\n|a|\n--- actual\n|b|\n"))
    }
}
