import Foundation

/// A program running in a real terminal: a tmux session on a private socket (never anyone else's
/// server), driven with `send-keys`/`paste-buffer`/`resize-window` and read with `capture-pane`.
public struct TmuxSession: Sendable {
    public static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A fresh socket per session, so a slow-exiting server of one test never serves the next.
    public let socket = "plansmith-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    public let name: String

    public init(name: String = "e2e") { self.name = name }

    /// Starts `shellCommand` in a detached session of `width`×`height`.
    public func start(_ shellCommand: String, width: Int, height: Int) throws {
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", shellCommand])
    }

    /// Runs tmux on our private socket and returns what it printed. Uses posix_spawn + waitpid
    /// (not Foundation.Process, whose exit detection can stall inside the test runner), with output
    /// going to a temp file so a tmux server started here never holds a pipe of ours open.
    @discardableResult
    public func run(_ args: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "tmux-\(getpid())-\(UUID().uuidString).out"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = [Self.tmuxPath ?? "tmux", "-L", socket, "-f", "/dev/null"] + args
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgv.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cArgv, &cEnv)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Key names as tmux knows them ("Enter", "C-p", "Escape", "Tab", "F8").
    public func keys(_ names: String...) throws { try run(["send-keys", "-t", name] + names) }

    /// Literal text, typed key by key.
    public func type(_ text: String) throws { try run(["send-keys", "-t", name, "-l", text]) }

    /// Text as one bracketed paste.
    public func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "e2e", text])
        try run(["paste-buffer", "-p", "-b", "e2e", "-t", name])
    }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    public func screen() throws -> String { try run(["capture-pane", "-p", "-t", name]) }

    /// True while the program shows the alternate screen (false once it restored the terminal).
    public func alternateScreenOn() throws -> Bool { try run(["display", "-p", "-t", name, "#{alternate_on}"]).hasPrefix("1") }

    /// The pane's shell pid (the program under test is its child).
    public func panePid() throws -> Int32? {
        Int32(try run(["display", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The first child of the pane's shell: the program itself (`env` execs it).
    public func programPid() throws -> Int32? {
        guard let pane = try panePid() else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }

    /// Polls until `condition` holds; returns the last screen and whether it held.
    public func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> (screen: String, ok: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return (last, true) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (last, false)
    }

    /// Kills the pane's processes (the shell lingers in `sleep` so the exit screen can be read)
    /// and the private server.
    public func shutDown() {
        let server = Int32((try? run(["display", "-p", "#{pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        if let program = try? programPid(), program > 1 { kill(program, SIGKILL) }
        if let pid = try? panePid(), pid > 1 {
            kill(-pid, SIGKILL)   // the pane's process group …
            kill(pid, SIGKILL)    // … and its shell, in case a respawned pane is not a group leader
        }
        _ = try? run(["kill-server"])
        if let server, server > 1 { kill(server, SIGKILL) }
    }
}
