import Foundation
import PDDL
import Store

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

/// Reads PDDL sources and plan files from files or standard input (`-`), never more than the
/// size limit (see `BoundedFileReader`).
enum SourceFiles {
    static func load(_ path: String, maximumSize: Int = SourceText.defaultMaximumSize) throws -> LoadedSource {
        let name = path == "-" ? "<stdin>" : path
        switch try readBytes(path, limit: maximumSize) {
        case .bytes(let bytes): return .text(SourceText(name: name, bytes: bytes))
        case .tooLarge(let size?): return .rejected(SourceText.tooLarge(file: name, size: size, limit: maximumSize))
        case .tooLarge(nil): return .rejected(SourceText.tooLarge(file: name, limit: maximumSize))
        }
    }

    /// A plan file or other text input as bytes; over `maximumSize` it is an I/O error.
    static func bytes(_ path: String, maximumSize: Int = SourceText.defaultMaximumSize) throws -> [UInt8] {
        guard case .bytes(let bytes) = try readBytes(path, limit: maximumSize) else {
            throw InputError(path: path == "-" ? "<stdin>" : path,
                             reason: "larger than the limit of \(maximumSize >> 20) MB (--max-size); reading stopped there")
        }
        return bytes
    }

    /// The whole input, or `.tooLarge` once it passes `limit` bytes.
    private static func readBytes(_ path: String, limit: Int) throws -> BoundedFileReader.Outcome {
        let name = path == "-" ? "<stdin>" : path
        do {
            if path == "-" { return try BoundedFileReader.read(descriptor: STDIN_FILENO, limit: limit) }
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
            return try BoundedFileReader.read(path: path, limit: limit)
        } catch let failure as BoundedFileReader.Failure {
            throw InputError(path: name, reason: failure.description)
        }
    }
}
