import Foundation

/// Finds and loads `themes/<name>.toml`.
public enum ThemeLoader {
    public enum LoadError: Error, Sendable, CustomStringConvertible {
        case notFound(name: String, searched: [String])
        case invalid(path: String, ThemeFile.ParseError)
        public var description: String {
            switch self {
            case .notFound(let name, let dirs): return "theme '\(name)' not found in \(dirs.joined(separator: ", "))"
            case .invalid(let path, let e): return "\(path): \(e)"
            }
        }
    }

    /// The themes shipped with the toolkit.
    public static let builtInNames = ["dark", "light", "high-contrast", "monochrome"]

    /// The theme to use when none is configured: monochrome under `NO_COLOR` (non-empty), else dark.
    public static func defaultName(environment: [String: String]) -> String {
        if let v = environment["NO_COLOR"], !v.isEmpty { return "monochrome" }
        return "dark"
    }

    /// Loads `name` from the first directory that has `<name>.toml`.
    public static func load(named name: String, from directories: [String], unicode: Bool = true) throws(LoadError) -> Theme {
        for dir in directories {
            let path = (dir as NSString).appendingPathComponent("\(name).toml")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            do { return try ThemeFile.theme(fromTOML: text, unicode: unicode) }
            catch { throw .invalid(path: path, error) }
        }
        throw .notFound(name: name, searched: directories)
    }

    /// Names of every `*.toml` in the directories, sorted.
    public static func available(in directories: [String]) -> [String] {
        var names = Set<String>()
        for dir in directories {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where file.hasSuffix(".toml") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }
}
