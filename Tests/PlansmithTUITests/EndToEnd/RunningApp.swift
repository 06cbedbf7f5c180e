import Foundation
import PlansmithTestSupport
import Testing

/// The real `plansmith` binary in a real terminal (tmux), with its own temporary HOME and XDG
/// directories, so each test starts from a clean machine and can restart the app on the same data.
struct RunningApp {
    let home: String
    let tmux = TmuxSession(name: "plansmith")
    var extraEnvironment: [String: String] = [:]

    init() throws {
        home = NSTemporaryDirectory() + "plansmith-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/config/plansmith", withIntermediateDirectories: true)
    }

    /// Records a failure (the end-to-end tests must never pass by doing nothing) when tmux or the
    /// built binary is missing; scripts/test installs tmux and builds the binary first.
    static func requireAvailable(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        if TmuxSession.tmuxPath == nil {
            Issue.record("tmux is not installed (scripts/test installs it with apt-get)", sourceLocation: sourceLocation)
            return false
        }
        if !FileManager.default.isExecutableFile(atPath: CommandRunner.path(of: "plansmith")) {
            Issue.record("the plansmith binary is missing at \(CommandRunner.path(of: "plansmith")); run swift build first",
                         sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    var databasePath: String { home + "/data/plansmith/plansmith.sqlite" }
    var exportDirectory: String { home + "/data/plansmith/exports" }

    /// The command line that runs the app with this test's HOME and XDG directories.
    func appCommand(arguments: String = "") -> String {
        var env = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_CONFIG_HOME": home + "/config",
                   "LANG": "C.UTF-8", "TERM": "tmux-256color", "NO_COLOR": ""]
        for (key, value) in extraEnvironment { env[key] = value }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        return "cd '\(home)' && env \(assignments) '\(CommandRunner.path(of: "plansmith"))' \(arguments)"
    }

    /// Runs the app from an interactive bash (job control: Ctrl-Z stops it, `fg` resumes it, as
    /// for a user; a job started straight by tmux is in an orphaned group, which cannot stop).
    func launchInInteractiveShell(width: Int = 100, height: Int = 30) throws {
        try tmux.start("env -i HOME='\(home)' PATH=/usr/bin:/bin TERM=tmux-256color PS1='$ ' bash --norc --noprofile -i",
                       width: width, height: height)
        _ = try tmux.waitFor(timeout: 5) { $0.contains("$") }
        try tmux.type(appCommand() + "; echo EXIT=$?")
        try tmux.keys("Enter")
    }

    /// Starts (or restarts) the app at `width`×`height`; the pane prints EXIT=<status> after it ends.
    func launch(width: Int = 100, height: Int = 30, arguments: String = "") throws {
        let command = appCommand(arguments: arguments) + "; echo EXIT=$?; sleep 60"
        if (try? tmux.run(["has-session", "-t", tmux.name])) != nil, (try? tmux.panePid()) != nil {
            try tmux.run(["respawn-pane", "-k", "-t", tmux.name, command])
        } else {
            try tmux.start(command, width: width, height: height)
        }
    }

    /// Waits until the screen contains every one of `texts`; records an issue with the screen if not.
    @discardableResult
    func expect(_ texts: String..., timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let (screen, ok) = try tmux.waitFor(timeout: timeout) { screen in texts.allSatisfy { screen.contains($0) } }
        if !ok { Issue.record("timed out waiting for \(texts); screen:\n\(screen)", sourceLocation: sourceLocation) }
        return screen
    }

    /// Named keys. After Esc the test pauses briefly: a key sent within ncurses' escape delay
    /// would arrive as Alt+key, which no person types that fast.
    func keys(_ names: String...) throws {
        for name in names {
            try tmux.keys(name)
            if name == "Escape" { Thread.sleep(forTimeInterval: 0.15) }
        }
    }
    func type(_ text: String) throws { try tmux.type(text) }

    /// Registers `email` from the Landing screen (first run: "Create an account" is first).
    func register(email: String = "ada@example.com", password: String = "correct horse") throws {
        try expect("Create an account")
        try keys("r")
        try expect("Create your account")
        try type(email); try keys("Tab"); try type(password); try keys("Tab"); try type(password); try keys("Enter")
        // The lists load in a task: wait for the templates themselves, not just the pane's title, so
        // keys sent next land on a filled list.
        try expect("Plansmith › Dashboard", "blocksworld —")
    }

    func logIn(email: String = "ada@example.com", password: String = "correct horse") throws {
        try expect("Log in")
        try keys("l")
        try expect("Email")
        try type(email); try keys("Tab"); try type(password); try keys("Enter")
        try expect("Plansmith › Dashboard")
    }

    func shutDown() {
        tmux.shutDown()
        try? FileManager.default.removeItem(atPath: home)
    }
}
