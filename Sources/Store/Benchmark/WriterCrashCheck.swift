import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Two writer processes (`ConcurrentWriter`) on one database at once; one is killed with SIGKILL
/// while its tasks are mid-write, the other runs to its end; then `WriterAudit` checks that every
/// acknowledged write is present and whole and that the database is sound.
public struct WriterCrashCheck: Sendable, Codable {
    public var tasksPerWriter: Int
    public var seconds: Double
    public var killedAfter: Double
    /// Acknowledged writes (batches + revisions) by the writer that was killed and by the one that finished.
    public var killedWrites: Int
    public var survivorWrites: Int
    /// The survivor's exit status (0 expected).
    public var survivorStatus: Int32
    public var killedBySignal: Bool
    public var audit: WriterAudit

    /// `command`: the writer executable and any leading arguments; the check appends
    /// LOCATION TAG TASKS SECONDS.
    public static func run(location: String, command: [String], tasks: Int = 32, seconds: Double = 8,
                           killAfter: Double = 3) async throws -> WriterCrashCheck {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plansmith-writers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tags = ["k\(UInt32.random(in: 0...UInt32.max))", "s\(UInt32.random(in: 0...UInt32.max))"]
        func start(_ tag: String) throws -> (Process, URL, URL) {
            let out = directory.appendingPathComponent("\(tag).out"), err = directory.appendingPathComponent("\(tag).err")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst()) + [location, tag, "\(tasks)", "\(seconds)"]
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
            return (process, out, err)
        }
        func acknowledged(_ file: URL) -> [String] {
            var lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").components(separatedBy: "\n")
            lines.removeLast()  // after the last newline: empty, or a line cut short by the kill
            return lines
        }
        let (victim, victimOut, victimErr) = try start(tags[0])
        let (survivor, survivorOut, survivorErr) = try start(tags[1])
        // Kill once the victim is writing steadily (some acknowledgements) and `killAfter` has passed.
        let started = Date()
        while victim.isRunning, Date().timeIntervalSince(started) < killAfter || acknowledged(victimOut).count < tasks {
            if Date().timeIntervalSince(started) > seconds { break }
            usleep(10_000)
        }
        let killedAfter = Date().timeIntervalSince(started)
        let wasRunning = victim.isRunning
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        survivor.waitUntilExit()
        guard wasRunning, victim.terminationReason == .uncaughtSignal else {
            let message = (try? String(contentsOf: victimErr, encoding: .utf8)) ?? ""
            throw StoreError.database("the writer to kill had already stopped: \(message)")
        }
        if survivor.terminationStatus != 0 {
            let message = (try? String(contentsOf: survivorErr, encoding: .utf8)) ?? ""
            throw StoreError.database("the surviving writer failed (exit \(survivor.terminationStatus)): \(message)")
        }
        let victimLines = acknowledged(victimOut), survivorLines = acknowledged(survivorOut)
        let audit = try await WriterAudit.audit(location: location, acknowledged: victimLines + survivorLines, tags: tags)
        return WriterCrashCheck(tasksPerWriter: tasks, seconds: seconds, killedAfter: killedAfter,
                                killedWrites: victimLines.count, survivorWrites: survivorLines.count,
                                survivorStatus: survivor.terminationStatus, killedBySignal: true, audit: audit)
    }
}
