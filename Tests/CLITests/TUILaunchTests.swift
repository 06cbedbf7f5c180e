import Foundation
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

    @Test("--help says plansmith alone opens the app; 'tui --help' lists the app's options")
    func helpMentionsTheApp() throws {
        let root = try CommandRunner.run("plansmith", ["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("opens the full-screen app"))
        let tui = try CommandRunner.run("plansmith", ["tui", "--help"])
        for option in ["--db", "--config", "--theme", "--no-mouse", "--no-color", "--ascii"] {
            #expect(tui.stdout.contains(option), "missing \(option)")
        }
    }

    @Test("a subcommand's --db is its own (the app's options never take it)")
    func subcommandKeepsItsOptions() throws {
        let dir = NSTemporaryDirectory() + "tui-launch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CommandRunner.run("plansmith", ["domains", "list", "--db", dir + "/mine.sqlite"],
                                           environment: ["HOME": dir, "XDG_DATA_HOME": dir + "/xdg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/mine.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/xdg/plansmith/plansmith.sqlite"))
    }
}
