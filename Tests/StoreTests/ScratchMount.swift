import Foundation

/// A small tmpfs mounted for one test (needs root and mount permission), so the tests can make
/// a really full disk or a really read-only file system. Unmounted on release.
final class ScratchMount {
    let path: String
    private var mounted = false

    /// Whether this machine lets the tests mount a tmpfs; checked once.
    static let isPermitted: Bool = {
        guard getuid() == 0 else { return false }
        guard let probe = try? ScratchMount(sizeKiB: 64) else { return false }
        _ = probe
        return true
    }()

    init(sizeKiB: Int) throws {
        path = NSTemporaryDirectory() + "plansmith-mount-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(sizeKiB)k,mode=0755", "tmpfs", path])
        mounted = true
    }

    func remountReadOnly() throws {
        try Self.run("/bin/mount", ["-o", "remount,ro", path])
    }

    deinit {
        if mounted { try? Self.run("/bin/umount", ["-l", path]) }
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "\(tool) \(arguments) failed"])
        }
    }
}
