import Foundation
import Testing

/// End-to-end: the real ncursesw backend in a real terminal (tmux), driven with `send-keys`,
/// `paste-buffer -p` and `resize-window`, read back with `capture-pane`. Uses a private tmux
/// socket so it never touches anyone else's sessions.
@Suite("tmux end-to-end", .serialized)
struct TmuxEndToEndTests {
    /// A fresh socket per test instance, so a slow-exiting server of one test never serves the next.
    let socket = "tui-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let session = "demo"

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The `tui-demo` built next to the test bundle (or in the package's .build/debug).
    static var demoPath: String? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates = [beside.appendingPathComponent("tui-demo").path,
                          beside.deletingLastPathComponent().appendingPathComponent("tui-demo").path,
                          packageRoot.appendingPathComponent(".build/debug/tui-demo").path]
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.insert(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("tui-demo").path, at: 0)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs tmux on our private socket and returns what it printed. Uses posix_spawn + waitpid
    /// (not Foundation.Process, whose exit detection can stall inside the test runner), with output
    /// going to a temp file so a tmux server started here never holds a pipe of ours open.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "tui-e2e-\(getpid())-\(UUID().uuidString).out"
        defer { unlink(outPath) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = [Self.tmuxPath!, "-L", socket, "-f", "/dev/null"] + args
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = envStrings.map { strdup($0) } + [nil]
        defer { cArgv.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cArgv, &cEnv)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Ends the pane's processes (the shell lingers in `sleep` so the exit screen can be read) and
    /// the private tmux server.
    func shutDown() {
        if let text = try? tmux(["display", "-p", "-t", session, "#{pane_pid}"]),
           let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 {
            kill(-pid, SIGKILL)
        }
        _ = try? tmux(["kill-server"])
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// Polls the pane until `condition` holds, failing with the last screen at the deadline.
    func waitFor(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    @Test("types UTF-8, receives a paste as one event, redraws on resize and restores the terminal on ctrl-c")
    func demoSession() throws {
        guard Self.tmuxPath != nil else {
            print("skipping tmux end-to-end test: tmux is not installed")
            return
        }
        let demo = try #require(Self.demoPath, "tui-demo binary not found next to the test bundle; run swift build first")
        defer { shutDown() }
        try tmux(["new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                  "env LANG=C.UTF-8 TERM=tmux-256color '\(demo)'; echo EXIT=$?; sleep 30"])
        let launched = Date()
        _ = try waitFor("first frame") { $0.contains("tui-demo size 100x30") }
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
        guard Self.tmuxPath != nil else {
            print("skipping tmux end-to-end test: tmux is not installed")
            return
        }
        let demo = try #require(Self.demoPath, "tui-demo binary not found next to the test bundle")
        defer { shutDown() }
        try tmux(["new-session", "-d", "-s", session, "-x", "60", "-y", "12",
                  "ulimit -c 0; env LANG=C.UTF-8 TERM=tmux-256color '\(demo)'; echo EXIT=$?; sleep 30"])
        _ = try waitFor("first frame") { $0.contains("tui-demo size 60x12") }
        let pid = try tmux(["display", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs a shell whose child is the demo (env execs it); find it by parent pid.
        let children = try String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
            .split(separator: " ").compactMap { Int32($0) }
        let child = try #require(children.first, "demo process not found under pane pid \(pid)")
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
        guard Self.tmuxPath != nil else {
            print("skipping tmux end-to-end test: tmux is not installed")
            return
        }
        let demo = try #require(Self.demoPath, "tui-demo binary not found next to the test bundle")
        defer { shutDown() }
        try tmux(["new-session", "-d", "-s", session, "-x", "60", "-y", "12",
                  "env LANG=C.UTF-8 TERM=tmux-256color '\(demo)' --fail; echo EXIT=$?; sleep 30"])
        _ = try waitFor("first frame") { $0.contains("tui-demo size 60x12") }
        try tmux(["send-keys", "-t", session, "x"])
        let s = try waitFor("exit after the error") { $0.contains("EXIT=") }
        #expect(s.contains("tui-demo: error: requested failure (--fail)"))
        #expect(s.contains("EXIT=2"))
        #expect(!s.contains("typed:"))
        #expect(try tmux(["display", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("0"))
    }
}
