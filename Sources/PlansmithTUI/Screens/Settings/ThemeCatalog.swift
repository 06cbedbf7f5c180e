import Foundation
import TerminalUI

/// The themes Settings can offer and preview: the built-in names plus any `*.toml` found in the
/// theme directories, each loaded once in the screen's load task (never in `view`).
public struct ThemeCatalog: Sendable {
    public var names: [String]
    public var themes: [String: Theme]
    /// Why some theme could not be loaded (shown under the preview), if any.
    public var problems: [String]

    public static let empty = ThemeCatalog(names: ThemeLoader.builtInNames, themes: [:], problems: [])

    /// Where theme files may be: `PLANSMITH_THEMES` (a directory), `themes/` next to config.toml,
    /// `themes/` in the working directory, and next to / `../share/plansmith/themes` of the executable.
    static func directories(configPath: String, environment: [String: String]) -> [String] {
        var dirs: [String] = []
        if let dir = environment["PLANSMITH_THEMES"], !dir.isEmpty { dirs.append(dir) }
        dirs.append((configPath as NSString).deletingLastPathComponent + "/themes")
        dirs.append(FileManager.default.currentDirectoryPath + "/themes")
        let executable = (CommandLine.arguments.first.map { ($0 as NSString).deletingLastPathComponent }) ?? "."
        dirs.append(executable + "/themes")
        dirs.append(executable + "/../share/plansmith/themes")
        var seen = Set<String>()
        return dirs.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
    }

    static func load(configPath: String, environment: [String: String], unicode: Bool) -> ThemeCatalog {
        let dirs = directories(configPath: configPath, environment: environment)
        var names = ThemeLoader.builtInNames
        for name in ThemeLoader.available(in: dirs) where !names.contains(name) { names.append(name) }
        var themes: [String: Theme] = [:], problems: [String] = []
        for name in names {
            do { themes[name] = try ThemeLoader.load(named: name, from: dirs, unicode: unicode) }
            catch { problems.append("\(error)") }
        }
        return ThemeCatalog(names: names, themes: themes, problems: problems)
    }
}
