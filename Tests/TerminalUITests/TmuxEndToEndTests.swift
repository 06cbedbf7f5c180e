import Foundation
import PlansmithTestSupport
import Testing

/// End-to-end: the real ncursesw backend in a real terminal (tmux), driven with `send-keys`,
/// `paste-buffer -p` and `resize-window`, read back with `capture-pane`. Uses a private tmux
/// socket so it never touches anyone else's sessions.
@Suite("tmux end-to-end", .serialized)
struct TmuxEndToEndTests {
    let tmuxSession = TmuxSession(name: "demo")
    var session: String { tmuxSession.name }

    static var tmuxPath: String? { TmuxSession.tmuxPath }

    /// The `tui-demo` built next to the test bundle.
    static var demoPath: String? {
        let path = CommandRunner.path(of: "tui-demo")
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String { try tmuxSession.run(args) }

    func shutDown() { tmuxSession.shutDown() }

    /// Polls the pane until `condition` holds, failing with the last screen at the deadline.
    func waitFor(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let (screen, ok) = try tmuxSession.waitFor(timeout: timeout, condition)
        if !ok { Issue.record("timed out waiting for \(what); screen:\n\(screen)", sourceLocation: sourceLocation) }
        return screen
    }

    /// Starts `tui-demo` (with `setup` run first in the pane's shell and `arguments` after it) and
    /// waits for its first frame; false (with a recorded failure: these tests must never pass by
    /// doing nothing) when tmux is not installed.
    func startDemo(width: Int, height: Int, setup: String = "", arguments: String = "",
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        guard Self.tmuxPath != nil else {
            Issue.record("tmux is not installed (scripts/test installs it with apt-get)", sourceLocation: sourceLocation)
            return false
        }
        let demo = try #require(Self.demoPath, "tui-demo binary not found next to the test bundle; run swift build first",
                                sourceLocation: sourceLocation)
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                  "\(setup)env LANG=C.UTF-8 TERM=tmux-256color '\(demo)'\(arguments); echo EXIT=$?; sleep 30"])
        let marker = "tui-demo size \(width)x\(height)"
        _ = try waitFor("first frame", { $0.contains(marker) }, sourceLocation: sourceLocation)
        return true
    }

    @Test("types UTF-8, receives a paste as one event, redraws on resize and restores the terminal on ctrl-c")
    func demoSession() throws {
        defer { shutDown() }
        let launched = Date()
        guard try startDemo(width: 100, height: 30) else { return }
        print("tui-demo first frame seen by capture-pane after \(Int(Date().timeIntervalSince(launched) * 1000)) ms (includes polling)")
        #expect(try tmux(["display", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("1"))

        try tmux(["send-keys", "-t", session, "-l", "héllo 漢字 ✓"])
        var s = try waitFor("typed text") { $0.contains("typed: héllo 漢字 ✓") }
        #expect(s.contains("keys: 10 pastes: 0"))

        try tmux(["set-buffer", "-b", "e2e", "(define (domain d)\n  (:action a))\nlast ✓ line"])
        try tmux(["paste-buffer", "-p", "-b", "e2e", "-t", session])
        s = try waitFor("paste") { $0.contains("pastes: 1") }
        // One paste event, and not one keystroke more: the text never went through key handling.
        #expect(s.contains("keys: 10 pastes: 1"))
        #expect(s.contains("paste| (define (domain d)"))
        #expect(s.contains("paste|   (:action a))"))
        #expect(s.contains("paste| last ✓ line"))

        // X10 mouse reports (what ncurses decodes under TERM=tmux-256color): press at column 0, row 4,
        // then wheel up at column 2, row 3.
        try tmux(["send-keys", "-t", session, "-l", "\u{1b}[M !%"])
        _ = try waitFor("mouse press") { $0.contains("mouse: press 0,4") }
        try tmux(["send-keys", "-t", session, "-l", "\u{1b}[M`#$"])
        s = try waitFor("wheel") { $0.contains("mouse: wheelUp 2,3") }
        #expect(s.contains("keys: 10 pastes: 1"), "mouse reports are not keystrokes")

        try tmux(["resize-window", "-t", session, "-x", "80", "-y", "20"])
        s = try waitFor("redraw at 80x20") { $0.contains("tui-demo size 80x20 resizes 1") }
        let rows = s.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count >= 20)
        #expect(rows[19].hasSuffix("END"), "footer redrawn at the new right edge: '\(rows[19])'")
        #expect(rows[19].count == 80)

        try tmux(["send-keys", "-t", session, "C-c"])
        s = try waitFor("exit") { $0.contains("EXIT=0") }
        #expect(s.contains("tui-demo: restored after 10 keys, 1 pastes"))
        #expect(!s.contains("typed:"), "the app's screen is gone: alternate screen was left")
        #expect(try tmux(["display", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("0"))
    }

    @Test("signals and crash signals restore the terminal and keep their exit status",
          arguments: [SIGTERM, SIGHUP, SIGINT, SIGSEGV, SIGABRT])
    func signalRestores(_ signal: Int32) throws {
        defer { shutDown() }
        guard try startDemo(width: 60, height: 12, setup: "ulimit -c 0; ") else { return }
        // The pane runs a shell whose child is the demo (env execs it).
        let child = try #require(try tmuxSession.programPid(), "demo process not found under the pane's shell")
        if signal == SIGTERM, let status = try? String(contentsOfFile: "/proc/\(child)/status", encoding: .utf8),
           let rss = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) {
            print("tui-demo idle \(rss.replacingOccurrences(of: "\t", with: " "))")   // measurement, not a check
        }
        kill(child, signal)
        let s = try waitFor("exit after signal \(signal)") { $0.contains("EXIT=") }
        // The handler restores, then re-raises with the default action, so the shell sees the signal.
        #expect(s.contains("EXIT=\(128 + signal)"))
        #expect(!s.contains("typed:"))
        #expect(try tmux(["display", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("0"))
    }

    @Test("a Swift error thrown out of the app still restores the terminal")
    func thrownError() throws {
        defer { shutDown() }
        guard try startDemo(width: 60, height: 12, arguments: " --fail") else { return }
        try tmux(["send-keys", "-t", session, "x"])
        let s = try waitFor("exit after the error") { $0.contains("EXIT=") }
        #expect(s.contains("tui-demo: error: requested failure (--fail)"))
        #expect(s.contains("EXIT=2"))
        #expect(!s.contains("typed:"))
        #expect(try tmux(["display", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("0"))
    }
}
