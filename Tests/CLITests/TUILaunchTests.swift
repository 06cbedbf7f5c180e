import PlansmithTestSupport
import Testing

@Suite("plansmith without a subcommand")
struct TUILaunchTests {
    @Test("without a terminal it says the app needs one, points at --help and exits 2")
    func needsATerminal() throws {
        let result = try CommandRunner.run("plansmith", [])
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stderr.contains("plansmith --help"))
        #expect(result.stdout.isEmpty)
    }

    @Test("--help explains how the full-screen app starts and lists its options")
    func helpMentionsTheApp() throws {
        let result = try CommandRunner.run("plansmith", ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("opens the full-screen app"))
        for option in ["--db", "--config", "--theme", "--no-mouse", "--no-color", "--ascii"] {
            #expect(result.stdout.contains(option), "missing \(option)")
        }
    }
}
