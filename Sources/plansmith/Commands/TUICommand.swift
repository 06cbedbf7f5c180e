import ArgumentParser
import Foundation
import PlansmithTUI

/// `plansmith tui` — the default subcommand: `plansmith` alone, or with only these options, opens
/// the full-screen app. (A subcommand rather than root options, so `--db` after another
/// subcommand can never be taken for the app's.)
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the full-screen app (what 'plansmith' alone does).",
        discussion: """
        Ctrl-P is the command palette, F1 (or ?) lists the keys, Esc goes one step back, Ctrl-Q \
        quits. Over tmux, 'set -sg escape-time 10' makes Esc instant. Needs a terminal on stdin and \
        stdout; scripts use the other subcommands. Exit status: 0 on quit, 2 when it cannot start.
        """)

    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $PLANSMITH_DB, else $XDG_DATA_HOME/plansmith/plansmith.sqlite).", valueName: "path"))
    var databasePath: String?

    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The config file (default: $PLANSMITH_CONFIG, else $XDG_CONFIG_HOME/plansmith/config.toml).", valueName: "path"))
    var configPath: String?

    @Option(help: ArgumentHelp("Colour theme: dark, light, high-contrast, monochrome, or a file in themes/.", valueName: "name"))
    var theme: String?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (its own selection works).")
    var noMouse = false

    @Flag(name: .customLong("no-color"), help: "Monochrome: bold, reverse and underline only (also NO_COLOR=1).")
    var noColor = false

    @Flag(help: "ASCII borders and marks, whatever the locale says.")
    var ascii = false

    @Flag(help: "UTF-8 borders and marks, whatever the locale says.")
    var utf8 = false

    /// Starts the TUI. It needs a terminal on stdin and stdout; scripts use the subcommands.
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Console.error("plansmith: the full-screen app needs a terminal; 'plansmith --help' lists the subcommands for scripts\n")
            throw ExitCode(2)
        }
        if (environment["TERM"] ?? "").isEmpty || environment["TERM"] == "dumb" {
            Console.error("plansmith: TERM is '\(environment["TERM"] ?? "")', which cannot show the full-screen app; "
                          + "set TERM=xterm-256color or use the subcommands ('plansmith --help')\n")
            throw ExitCode(2)
        }
        var options = LaunchOptions(environment: environment)
        options.databasePath = databasePath
        options.configPath = configPath
        options.themeName = theme
        options.mouse = !noMouse
        options.monochrome = noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        options.ascii = ascii ? true : utf8 ? false : nil
        do {
            try await AppLauncher.run(options)
        } catch let error as LaunchError {
            Console.error("plansmith: error: \(error.description)\n")
            throw ExitCode(2)
        }
    }
}
