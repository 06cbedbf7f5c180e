import Foundation

/// Where `config.toml` lives: `PLANSMITH_CONFIG`, else `$XDG_CONFIG_HOME/plansmith/config.toml`,
/// else `~/.config/plansmith/config.toml`. A missing file means built-in defaults.
public enum ConfigLocation {
    public static func resolve(explicitPath: String? = nil,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicitPath { return explicitPath }
        if let override = environment["PLANSMITH_CONFIG"], !override.isEmpty { return override }
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/plansmith/config.toml"
    }
}
