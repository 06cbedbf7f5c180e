import Foundation
import PDDL

/// The IPC benchmark corpus in `../shared/corpus` (or `PLANSMITH_CORPUS`): every parser,
/// planner and validator test runs over all of it.
public enum Corpus {
    /// One problem of the corpus with its domain.
    public struct Problem: Sendable, CustomStringConvertible, Hashable {
        public var domainName: String
        public var domainPath: String
        public var problemPath: String
        public var description: String { "\(domainName)/\((problemPath as NSString).lastPathComponent)" }
    }

    public static var directory: String {
        if let override = ProcessInfo.processInfo.environment["PLANSMITH_CORPUS"] { return override }
        return PackageRoot.path + "/../shared/corpus"
    }

    /// Domain folder names, sorted.
    public static var domains: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(directory)/\($0)/domain.pddl") }.sorted()
    }

    public static var allProblems: [Problem] {
        domains.flatMap { domain -> [Problem] in
            let folder = "\(directory)/\(domain)"
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasPrefix("p") && $0.hasSuffix(".pddl") && !$0.contains("domain") }.sorted()
            return files.map { file in
                let specific = "\(folder)/\(file.dropLast(5))-domain.pddl"
                let domainPath = FileManager.default.fileExists(atPath: specific) ? specific : "\(folder)/domain.pddl"
                return Problem(domainName: domain, domainPath: domainPath, problemPath: "\(folder)/\(file)")
            }
        }
    }

    /// Every `.pddl` file of the corpus, domains and problems.
    public static var allFiles: [String] {
        domains.flatMap { domain -> [String] in
            let folder = "\(directory)/\(domain)"
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".pddl") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    public static func source(_ path: String) throws -> SourceText {
        SourceText(name: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}

/// The package's root folder, found from this file's path at compile time.
public enum PackageRoot {
    public static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}
