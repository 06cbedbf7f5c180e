import Foundation
import PDDL

/// Why a file named on the command line could not be read. These are usage/IO problems:
/// the command exits with status 2 (content problems are diagnostics, status 1).
struct InputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): error[\(DiagnosticCode.unreadableFile.rawValue)]: \(reason)" }
}

/// A file's bytes, or the diagnostic that says why they are not parsed.
enum LoadedSource {
    case text(SourceText)
    case rejected(Diagnostic)
}

/// Reads PDDL sources from files or standard input (`-`).
enum SourceFiles {
    static func load(_ path: String, maximumSize: Int = SourceText.defaultMaximumSize) throws -> LoadedSource {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return .text(SourceText(name: "<stdin>", bytes: [UInt8](data)))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw InputError(path: path, reason: "is a directory, not a PDDL file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(path: path, reason: "permission denied")
        }
        // Refuse huge files before reading them: the size check costs nothing, reading 10 GB does.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumSize {
            return .rejected(SourceText.tooLarge(file: path, size: size, limit: maximumSize))
        }
        return .text(SourceText(name: path, bytes: try readBytes(path)))
    }

    /// Reads a whole file straight into a byte array (no intermediate `Data` copy: inputs
    /// can be tens of megabytes).
    private static func readBytes(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(path: path, reason: "cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(descriptor, &info) == 0 && info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
