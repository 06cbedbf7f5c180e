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

    /// Where theme files may be, first match wins: `PLANSMITH_THEMES`, `$XDG_CONFIG_HOME/plansmith/themes`,
    /// `themes/` beside the executable and up to four folders above it (the source tree's, for a
    /// binary in `.build/<config>/`), the working directory's `themes/`, and `themes/` next to
    /// config.toml. The shell loads themes from the same list (App/ThemeResolver).
    static func directories(configPath: String, environment: [String: String]) -> [String] {
        var dirs: [String] = []
        if let explicit = environment["PLANSMITH_THEMES"], !explicit.isEmpty { dirs.append(explicit) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        dirs.append(config + "/plansmith/themes")
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            dirs.append(dir.appendingPathComponent("themes").path)
            dir = dir.deletingLastPathComponent()
        }
        dirs.append(FileManager.default.currentDirectoryPath + "/themes")
        dirs.append((configPath as NSString).deletingLastPathComponent + "/themes")
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
