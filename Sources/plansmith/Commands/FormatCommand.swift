import ArgumentParser
import Foundation
import PDDL
import Store

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format PDDL files in the canonical layout.",
        discussion: """
        Prints the formatted file to standard output, or rewrites it in place with --write. \
        Only whitespace changes: comments and names are kept, and the result parses to the same \
        domain or problem. Formatting is idempotent. Files with syntax errors are left alone and \
        their errors reported.

        Exit status: 0 formatted (or already formatted), 1 --check found files to reformat or a \
        file has syntax errors, 2 usage or I/O problem.
        """)

    @Argument(help: "PDDL files ('-' for standard input).")
    var files: [String]

    @Flag(help: "Do not print or write; list files whose layout would change and exit 1 if any.")
    var check = false

    @Flag(name: [.short, .customLong("write")], help: "Rewrite the files in place.")
    var write = false

    @Option(help: "Line width to fill to.")
    var width: Int = 80

    @OptionGroup var input: InputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to format ('-' for standard input)") }
        if check && write { throw ValidationError("--check and --write cannot be combined") }
        if write && files.contains("-") { throw ValidationError("--write cannot rewrite standard input") }
        if width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let formatter = PDDLFormatter(width: width)
        var failed = false, needsFormatting = false
        for path in files {
            let source: SourceText
            do {
                switch try SourceFiles.load(path, maximumSize: input.maximumSize) {
                case .text(let text): source = text
                case .rejected(let diagnostic):
                    Console.error(DiagnosticRenderer().render([diagnostic], sources: [:]))
                    failed = true
                    continue
                }
            } catch let error as InputError {
                Console.error("plansmith fmt: \(error)\n")
                throw ExitCode(2)
            }
            switch formatter.format(source) {
            case .failure(.syntaxErrors(let errors)):
                let renderer = DiagnosticRenderer(useColor: Console.stderrSupportsColor)
                Console.error(renderer.render(errors, sources: [source.name: source]))
                Console.error("\(source.name): not formatted: fix the syntax errors first\n")
                failed = true
            case .success(let formatted):
                let changed = Array(formatted.utf8) != source.bytes
                if check {
                    if changed { Console.out("\(source.name)\n"); needsFormatting = true }
                } else if write {
                    if changed { try writeAtomically(formatted, to: path) }
                } else {
                    Console.out(formatted)
                }
            }
        }
        if failed || needsFormatting { throw ExitCode(1) }
    }

    /// Replaces the file in one step (see `AtomicFileWriter`): a crash or a full disk never
    /// leaves a half-written PDDL file, a symlinked file stays a link, its mode stays.
    private func writeAtomically(_ text: String, to path: String) throws {
        do { try AtomicFileWriter.write(text, to: path) } catch {
            let reason = (error as? AtomicFileWriter.Failure)?.reason ?? "\(error)"
            Console.error("plansmith fmt: \(path): error[\(DiagnosticCode.unreadableFile.rawValue)]: cannot write: \(reason)\n")
            throw ExitCode(2)
        }
    }
}
