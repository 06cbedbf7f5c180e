import TerminalUI

/// Loads a theme by name from the same directories Settings offers themes from
/// (`ThemeCatalog.directories`), so a theme that can be previewed can also be applied.
enum ThemeResolver {
    /// The named theme, or nil when no directory has it or it does not parse.
    static func theme(named name: String, configPath: String, environment: [String: String], unicode: Bool) -> Theme? {
        try? ThemeLoader.load(named: name, from: ThemeCatalog.directories(configPath: configPath, environment: environment),
                              unicode: unicode)
    }
}
