import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file, a pipe or standard input, stopping at a size limit.
///
/// A size from `stat` cannot be trusted: FIFOs, `/dev/zero` and standard input report 0. So the
/// bytes are read in chunks and the input is refused as soon as it holds `limit + 1` of them;
/// a regular file whose size is already over the limit is refused without reading a byte.
public enum BoundedFileReader {
    public enum Outcome: Sendable, Equatable {
        case bytes([UInt8])
        /// Over the limit; `size` when `stat` knew it (then nothing was read).
        case tooLarge(size: Int?)
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case cannotOpen(String)
        case readFailed(String)
        public var description: String {
            switch self {
            case .cannotOpen(let reason): "cannot be opened: \(reason)"
            case .readFailed(let reason): "read failed: \(reason)"
            }
        }
    }

    /// Opens `path` and reads it (see `read(descriptor:limit:)`).
    public static func read(path: String, limit: Int) throws -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure.cannotOpen(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, limit: limit)
    }

    /// Reads straight into a byte array (no intermediate `Data` copy: inputs can be tens of
    /// megabytes), at most `limit + 1` bytes.
    public static func read(descriptor: Int32, limit: Int) throws -> Outcome {
        let limit = max(0, limit)
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
            if info.st_size > limit { return .tooLarge(size: Int(info.st_size)) }
            bytes.reserveCapacity(Int(info.st_size))
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.readFailed(String(cString: strerror(errno)))
            }
            if count == 0 { return .bytes(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return .tooLarge(size: nil) }
        }
    }
}
