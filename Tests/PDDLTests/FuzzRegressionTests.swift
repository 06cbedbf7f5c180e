import Foundation
import PDDL
import PlansmithTestSupport
import Testing

@Suite("Fuzz crashers stay fixed")
struct FuzzRegressionTests {
    static var crasherFiles: [String] {
        let folder = PackageRoot.path + "/Tests/PDDLTests/Fixtures/fuzz-crashers"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0 != "README.md" }.sorted().map { folder + "/" + $0 }
    }

    @Test("every saved crasher now parses, checks and formats without trapping", arguments: crasherFiles)
    func replaysCrasher(_ path: String) throws {
        FuzzHarness.run([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("the harness holds on every corpus file", arguments: Corpus.allFiles)
    func harnessOnCorpus(_ path: String) throws {
        FuzzHarness.run([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
