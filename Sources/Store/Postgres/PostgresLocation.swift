import Foundation

/// Where a PostgreSQL store lives, parsed from a URL:
///
///     postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE
///     postgres://USER@/DATABASE?host=/path/to/socket/dir     (a unix socket, as libpq spells it)
///
/// `postgresql://` is accepted too. The password may also come from `PGPASSWORD`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    /// A host name, or nil when `socketPath` is used.
    public var host: String?
    public var port: Int
    /// The unix socket file itself (`<dir>/.s.PGSQL.<port>`).
    public var socketPath: String?
    public var database: String

    /// True when `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw StoreError.invalidInput("'\(text)' is not a postgres:// URL")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty else {
            throw StoreError.invalidInput("the PostgreSQL URL names no database (postgres://user@host/DATABASE)")
        }
        self.database = database
        user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["USER"] ?? "postgres"
        password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        port = components.port ?? 5432
        let socketDirectory = components.queryItems?.first { $0.name == "host" }?.value
        if let socketDirectory, socketDirectory.hasPrefix("/") {
            host = nil
            socketPath = socketDirectory + "/.s.PGSQL.\(port)"
        } else {
            let name = components.host ?? ""
            host = name.isEmpty ? "localhost" : name
            socketPath = nil
        }
    }

    /// The URL without its password, for messages.
    public var description: String {
        if let socketPath {
            let directory = (socketPath as NSString).deletingLastPathComponent
            return "postgres://\(user)@/\(database)?host=\(directory)"
        }
        return "postgres://\(user)@\(host ?? "localhost"):\(port)/\(database)"
    }
}
