import Foundation

/// Runs a built executable of this package (e.g. `plansmith`) as a child process, for
/// end-to-end tests of the command-line contract.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum CommandRunner {
    /// The folder holding the built products: the test bundle's own folder.
    public static var productsDirectory: String {
        if let override = ProcessInfo.processInfo.environment["PLANSMITH_PRODUCTS"] { return override }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // On Linux the tests run from `<products>/<Package>PackageTests.xctest`.
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("plansmith").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }

    public static func path(of product: String) -> String { productsDirectory + "/" + product }

    /// Runs `product` with `arguments`, feeding `stdin`, and waits (at most `timeout` seconds).
    public static func run(_ product: String, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String] = [:], timeout: TimeInterval = 60) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path(of: product))
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        // Read both pipes while the child runs so a large output cannot block it.
        let group = DispatchGroup()
        let collected = Collected()
        group.enter()
        DispatchQueue.global().async { collected.setOut(outPipe.fileHandleForReading.readDataToEndOfFile()); group.leave() }
        group.enter()
        DispatchQueue.global().async { collected.setErr(errPipe.fileHandleForReading.readDataToEndOfFile()); group.leave() }
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try? inPipe.fileHandleForWriting.close()
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw CommandTimeout(product: product, arguments: arguments)
        }
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: collected.out, as: UTF8.self),
                             stderr: String(decoding: collected.err, as: UTF8.self))
    }
}

public struct CommandTimeout: Error, CustomStringConvertible {
    public var product: String
    public var arguments: [String]
    public var description: String { "\(product) \(arguments.joined(separator: " ")) did not finish in time" }
}

/// Pipe contents gathered on two threads; the lock makes the hand-over safe.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var _out = Data(), _err = Data()
    func setOut(_ d: Data) { lock.lock(); _out = d; lock.unlock() }
    func setErr(_ d: Data) { lock.lock(); _err = d; lock.unlock() }
    var out: Data { lock.lock(); defer { lock.unlock() }; return _out }
    var err: Data { lock.lock(); defer { lock.unlock() }; return _err }
}
