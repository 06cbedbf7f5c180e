import ArgumentParser
import Foundation

/// The `plansmith` command: the TUI by default, subcommands for scripting.
@main
struct Plansmith: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansmith",
        abstract: "Turn a planning problem into a correct, good plan.",
        discussion: """
        Plansmith is a PDDL workspace: a validator with compiler-quality errors, a formatter, \
        a classical planner with a sound plan validator, and a critique loop that improves plans \
        in rounds. Every subcommand works offline; 'plansmith help SUBCOMMAND' shows its options.

        Without a subcommand, 'plansmith' opens the full-screen app (Landing screen): Ctrl-P is the \
        command palette, F1 (or ?) lists the keys, Ctrl-Q quits. Its options (--db, --config, \
        --theme, --no-mouse, --no-color, --ascii): 'plansmith tui --help'.

        Exit status 2 always means a usage or I/O problem.
        """,
        version: PlansmithVersion.current,
        subcommands: [
            TUICommand.self,
            ValidateCommand.self,
            FormatCommand.self,
            BenchParseCommand.self,
            PlanCommand.self,
            CheckPlanCommand.self,
            DomainsCommand.self,
            WorkspacesCommand.self,
            KeysCommand.self,
            DBCommand.self,
            UsageCommand.self,
            LLMCommand.self,
            BenchStoreCommand.self,
            BenchStoreWriterCommand.self,
            ElicitCommand.self,
            CritiqueCommand.self,
            BenchCritiqueCommand.self,
            BenchTUICommand.self,
            ServeCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// ArgumentParser exits 64 on usage errors; the command-line contract says 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Console.error(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
