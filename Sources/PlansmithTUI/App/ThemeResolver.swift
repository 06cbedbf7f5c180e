import Foundation
import TerminalUI

/// Finds theme files: the user's `$XDG_CONFIG_HOME/plansmith/themes`, `$PLANSMITH_THEMES`, then
/// the `themes/` folder shipped beside the source tree (the binary lives in `.build/<config>/`).
enum ThemeResolver {
    static func directories(environment: [String: String]) -> [String] {
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
        return dirs
    }

    /// The named theme, or nil when no directory has it or it does not parse.
    static func theme(named name: String, environment: [String: String], unicode: Bool) -> Theme? {
        try? ThemeLoader.load(named: name, from: directories(environment: environment), unicode: unicode)
    }
}
