import Foundation

/// Where the database file lives, and whether Plansmith may create the directory for it.
public struct DatabaseLocation: Sendable, Equatable {
    public var path: String
    /// True for the XDG default: its directory is created (mode 0700) when missing.
    /// An explicit `--db` or `PLANSMITH_DB` path must name an existing directory, so a typo
    /// does not silently create a fresh, empty database somewhere unexpected.
    public var createsDirectory: Bool

    public init(path: String, createsDirectory: Bool) {
        self.path = path
        self.createsDirectory = createsDirectory
    }

    /// Resolves the database path: explicit `--db PATH`, then `PLANSMITH_DB`, then
    /// `$XDG_DATA_HOME/plansmith/plansmith.sqlite` (XDG default `~/.local/share`).
    public static func resolve(
        explicitPath: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DatabaseLocation {
        if let explicitPath, !explicitPath.isEmpty {
            return DatabaseLocation(path: absolute(explicitPath), createsDirectory: false)
        }
        if let fromEnv = environment["PLANSMITH_DB"], !fromEnv.isEmpty {
            return DatabaseLocation(path: absolute(fromEnv), createsDirectory: false)
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg  // the XDG spec says relative values must be ignored
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return DatabaseLocation(path: dataHome + "/plansmith/plansmith.sqlite", createsDirectory: true)
    }

    var directory: String { (path as NSString).deletingLastPathComponent }

    /// True when `--db`/`PLANSMITH_DB` named a PostgreSQL database (`postgres://…`), not a file.
    public var isPostgres: Bool { PostgresLocation.isPostgresURL(path) }

    private static func absolute(_ path: String) -> String {
        if PostgresLocation.isPostgresURL(path) { return path }  // a URL, not a file name
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return FileManager.default.currentDirectoryPath + "/" + expanded
    }
}
