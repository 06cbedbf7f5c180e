import Foundation
@testable import Store

/// Runs the `store-writer` helper executable (built next to the test bundle) as a separate
/// process whose stdout goes to a file, so committed batches can be read even after SIGKILL.
final class WriterProcess {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    static func executable() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["STORE_WRITER"] { return URL(fileURLWithPath: override) }
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
        for directory in candidates {
            var dir = directory
            for _ in 0..<4 {  // the .xctest bundle may nest its executable a few levels down
                let candidate = dir.appendingPathComponent("store-writer")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        throw StoreError.invalidInput("store-writer executable not found next to the tests: build it with `swift build --build-tests`")
    }

    init(database: String, firstBatch: Int, batches: Int, rowsPerBatch: Int, busyTimeout: Double = 5,
         logDirectory: TemporaryDirectory) throws {
        let id = UUID().uuidString
        stdoutPath = logDirectory.file("writer-\(id).out")
        stderrPath = logDirectory.file("writer-\(id).err")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = try Self.executable()
        process.arguments = [database, "\(firstBatch)", "\(batches)", "\(rowsPerBatch)", "\(busyTimeout)"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    /// A writer that creates a running session for `email` and then sleeps until killed.
    init(holdingSessionIn database: String, email: String, logDirectory: TemporaryDirectory) throws {
        let id = UUID().uuidString
        stdoutPath = logDirectory.file("holder-\(id).out")
        stderrPath = logDirectory.file("holder-\(id).err")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = try Self.executable()
        process.arguments = ["hold-session", database, email]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    /// The id of the session a holder created, once it has said so (nil after `timeout` or exit).
    func heldSession(timeout: TimeInterval = 20) -> Int64? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("session ") }) {
                return Int64(line.dropFirst(8))
            }
            guard process.isRunning else { return nil }
            usleep(5_000)
        }
        return nil
    }

    /// Batch numbers the writer reported as committed (complete lines only).
    var committedBatches: [Int] {
        let text = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
        var lines = text.components(separatedBy: "\n")
        lines.removeLast()  // after the last "\n": empty, or a line cut short by the kill
        return lines.compactMap { line in line.hasPrefix("committed ") ? Int(line.dropFirst(10)) : nil }
    }

    var errorOutput: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Polls until the writer has committed at least `count` batches or exited.
    func waitForCommits(_ count: Int, timeout: TimeInterval = 20) {
        let deadline = Date().addingTimeInterval(timeout)
        while committedBatches.count < count, process.isRunning, Date() < deadline { usleep(2_000) }
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
