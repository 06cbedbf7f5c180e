import Foundation
import TerminalUI

// `tui-demo` — the toolkit's own demo for the tmux end-to-end test.
// `tui-demo bench [--json]` prints the virtual-backend benchmark for `scripts/bench tui`.
// `tui-demo --fail` throws a Swift error after the first key, to prove the terminal is restored.
let environment = ProcessInfo.processInfo.environment
if CommandLine.arguments.dropFirst().first == "bench" {
    let report = TUIBenchmark.run()
    print(CommandLine.arguments.contains("--json") ? report.json : report.description)
    exit(0)
}

struct DemoFailure: Error, CustomStringConvertible {
    var description: String { "requested failure (--fail)" }
}

/// Runs the demo; `shutdown` sits in a `defer`, so a thrown error restores the terminal too.
@MainActor
func runDemo() async throws -> DemoProgram.State {
    let backend = try NcursesBackend(options: .init(environment: environment))
    defer { backend.shutdown() }
    var initial = DemoProgram.State(size: backend.size)
    initial.failOnFirstKey = CommandLine.arguments.contains("--fail")
    let runner = AppRunner(DemoProgram.self, state: initial, backend: backend, events: backend)
    let final = await runner.run()
    if final.failed { throw DemoFailure() }
    return final
}

do {
    let final = try await runDemo()
    print("tui-demo: restored after \(final.keyEvents) keys, \(final.pasteEvents) pastes")
} catch {
    FileHandle.standardError.write(Data("tui-demo: error: \(error)\n".utf8))
    exit(2)
}
