import Foundation
import PlansmithTestSupport
import Testing

/// `--max-size` holds for inputs whose size `stat` does not know: devices, FIFOs, standard input.
/// Reading stops at the limit, so each of these ends quickly instead of reading hundreds of MB.
@Suite("Input size limit on unsized inputs", .serialized)
struct InputLimitTests {
    let blocks = Corpus.directory + "/blocks"

    @Test("validate refuses /dev/zero at the limit with I004")
    func devZero() throws {
        let start = Date()
        let result = try CommandRunner.run("plansmith", ["validate", "--max-size", "1", "/dev/zero"], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error[I004]: input is larger than the limit of 1.0 MB; reading stopped there"))
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("fmt and plan stop reading /dev/zero too")
    func otherCommandsOnDevZero() throws {
        let fmt = try CommandRunner.run("plansmith", ["fmt", "--max-size", "1", "/dev/zero"], timeout: 30)
        #expect(fmt.status == 1)
        #expect(fmt.stderr.contains("error[I004]"))
        // plan has no --max-size: the default 128 MB limit still ends the read.
        let plan = try CommandRunner.run("plansmith", ["plan", "/dev/zero", blocks + "/p01.pddl"], timeout: 60)
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("error[I004]"))
    }

    @Test("a FIFO fed by an endless writer is refused at the limit")
    func fifo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-fifo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/domain.pddl"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A real writer process: `yes` writes until the reader closes, then dies of SIGPIPE.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "exec yes '(define (domain d))' > \"$1\"", "sh", fifo]
        try writer.run()
        defer { if writer.isRunning { writer.terminate() } }
        let result = try CommandRunner.run("plansmith", ["validate", "--max-size", "1", fifo], timeout: 30)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(fifo): error[I004]"))
    }

    @Test("standard input of limit+1 bytes is refused; exactly the limit is read")
    func standardInput() throws {
        let limit = 1 << 20
        let over = try CommandRunner.run("plansmith", ["validate", "--max-size", "1", "-"],
                                         stdin: Data(repeating: UInt8(ascii: " "), count: limit + 1))
        #expect(over.status == 1)
        #expect(over.stdout.contains("<stdin>: error[I004]"))
        let exact = try CommandRunner.run("plansmith", ["validate", "--max-size", "1", "-"],
                                          stdin: Data(repeating: UInt8(ascii: " "), count: limit))
        #expect(exact.status == 1)
        #expect(!exact.stdout.contains("I004") && exact.stdout.contains("input is empty"))
    }

    @Test("check-plan refuses a plan file over the limit: exit 2")
    func planFile() throws {
        let result = try CommandRunner.run("plansmith", ["check-plan", "--max-size", "1", blocks + "/domain.pddl",
                                                         blocks + "/p01.pddl", "/dev/zero"], timeout: 30)
        #expect(result.status == 2)
        #expect(result.stderr.contains("/dev/zero: error[I001]: larger than the limit of 1 MB"))
    }
}
