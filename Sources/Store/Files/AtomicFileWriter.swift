import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file's contents so a reader sees the old bytes or the new ones, never a mix, and
/// without the holes a predictable temporary name opens:
///
/// - A symbolic link is followed to the real file, which is replaced; the link stays a link.
///   A link to nothing, or a target that is not a regular file, is refused (writing there could
///   create a file anywhere the link points, or replace a device).
/// - The temporary file sits in the real file's directory (so `rename(2)` is one step), under a
///   random name, opened `O_CREAT | O_EXCL | O_NOFOLLOW` (like `mkstemp`): a file or link planted
///   at any name is never opened, only skipped.
/// - It gets the replaced file's permission bits (a new file: 0666 less the umask), then the
///   bytes, `fsync`, `rename` over the target, and an `fsync` of the directory.
public enum AtomicFileWriter {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// `temporaryName` makes the name of each attempt (tests plant files at its guesses).
    public static func write(_ bytes: [UInt8], to path: String,
                             temporaryName: () -> String = randomTemporaryName) throws {
        let target = try resolve(path)
        let directory = (target.path as NSString).deletingLastPathComponent
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = (directory.isEmpty ? "." : directory) + "/" + temporaryName()
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: "no temporary file could be created beside it: \(String(cString: strerror(errno)))")
        }
        var renamed = false
        defer {
            close(descriptor)
            if !renamed { unlink(temporary) }
        }
        guard fchmod(descriptor, target.mode) == 0 else { throw failure(path, "cannot set its permissions") }
        try writeAll(bytes, to: descriptor, path: path)
        guard fsync(descriptor) == 0 else { throw failure(path, "fsync failed") }
        guard rename(temporary, target.path) == 0 else { throw failure(path, "rename failed") }
        renamed = true
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)  // best effort: the rename is done either way
            close(directoryDescriptor)
        }
    }

    /// `.<16 random hex digits>.tmp`: hidden, and not guessable from the target's name.
    public static func randomTemporaryName() -> String {
        var generator = SystemRandomNumberGenerator()
        return "." + String(generator.next() as UInt64, radix: 16) + ".plansmith.tmp"
    }

    /// The file that will really be replaced, and the permission bits it must keep.
    private static func resolve(_ path: String) throws -> (path: String, mode: mode_t) {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw failure(path, "cannot inspect it") }
            return (path, 0o666 & ~currentUmask())  // a new file
        }
        var real = path
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw Failure(path: path, reason: "is a symbolic link to a missing file; refusing to create its target")
            }
            real = String(cString: resolved)
            free(resolved)
            guard stat(real, &info) == 0 else { throw failure(path, "cannot inspect the file its link points to") }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(path: path, reason: "is not a regular file")
        }
        return (real, info.st_mode & 0o7777)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path, "write failed")
                }
                offset += written
            }
        }
    }

    /// The process umask, read without changing it (`umask(2)` can only set, and setting it
    /// would race other threads creating files). Linux shows it in /proc/self/status.
    private static func currentUmask() -> mode_t {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
              let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        else { return 0o022 }
        return value
    }

    private static func failure(_ path: String, _ what: String) -> Failure {
        Failure(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}
